// Layout fixture: copies the seed entries under many other (real GB/T 2260) regions with scaled
// numbers, so pages and charts can be looked at with 50+ regions. Not the synthetic corpus of
// `npm run corpus:synth`; entries only, for the site.
//   npx tsx tests/site-fixtures.ts SRC_ENTRIES_DIR OUT_ENTRIES_DIR [COUNT]
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseEntry, serialiseEntry } from "../src/lib/entry-file";
import { gazetteer } from "../scripts/pipeline/gazetteer";
import type { ReportEntry } from "../src/lib/schema";

export function synthesise(src: string, out: string, count = 60): number {
  mkdirSync(out, { recursive: true });
  const seeds = readdirSync(src).filter((f) => f.endsWith(".md")).map((f) => parseEntry(readFileSync(join(src, f), "utf8")));
  const counties = gazetteer().counties.filter((c) => c.prefecture);
  let seed = 7;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  for (let i = 0; i < count; i++) {
    const { data, body } = seeds[i % seeds.length]!;
    const e = structuredClone(data) as unknown as ReportEntry;
    const c = counties[Math.floor(rand() * counties.length)]!;
    const scale = 0.4 + rand() * 1.6;
    e.region = { name: c.name, level: c.level, prefecture: c.prefecture, province: c.province, gbCode: c.gbCode };
    e.year = (e.year ?? 2022) + (i % 3 === 0 ? 1 : 0);
    e.id = `${c.gbCode}-${e.year}-${e.period ?? "FY"}-${i}`;
    for (const v of [...e.indicators, ...e.mentions]) {
      const pct = v.normalizedUnit === "%";
      v.normalizedValue = Math.round(v.normalizedValue * (pct ? 0.9 + rand() * 0.2 : scale) * 100) / 100;
    }
    writeFileSync(join(out, `${e.id}.md`), serialiseEntry(e, body));
  }
  return count;
}

if (process.argv[1]?.endsWith("site-fixtures.ts")) {
  const [src, out, n] = process.argv.slice(2);
  console.log(`${synthesise(src!, out!, Number(n ?? 60))} entries written to ${out}`);
}
