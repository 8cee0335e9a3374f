// `npm run corpus:synth -- --count N --out DIR [--seed S] [--seeds DIR]`: a synthetic corpus of
// raw .txt county health-bureau reports made of real report sentences (see scripts/synth/).
// Regions come from the gazetteer, years 2019–2024, half-year (H1) and full-year (FY) periods;
// no two texts alike; the same seed gives the same corpus byte for byte. Files are written one
// at a time: memory does not grow with N.
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { buildPool, defaultSeedsDir } from "./synth/sentences";
import { generateReport, resolvesAsIntended, targets } from "./synth/generate";

export interface SynthOptions {
  count: number;
  out: string;
  seed?: number;
  seedsDir?: string;
}

export interface SynthManifestRow {
  file: string;
  gbCode: string;
  region: string;
  year: number;
  period: "H1" | "FY";
  bytes: number;
}

export function synthCorpus(opts: SynthOptions): { rows: SynthManifestRow[]; skipped: number } {
  const seed = opts.seed ?? 1;
  const pool = buildPool(opts.seedsDir ?? defaultSeedsDir());
  mkdirSync(opts.out, { recursive: true });
  const rows: SynthManifestRow[] = [];
  let skipped = 0;
  let index = 0;
  for (const t of targets(seed)) {
    if (rows.length >= opts.count) break;
    const r = generateReport(pool, t, seed, index);
    // A region the metadata stage would not resolve from the title and signature (a name
    // shared with another county in the same prefecture, say) is skipped, not written wrong.
    if (!resolvesAsIntended(r)) {
      skipped++;
      continue;
    }
    index++;
    const bytes = Buffer.from(r.text, "utf8");
    writeFileSync(join(opts.out, r.fileName), bytes);
    rows.push({ file: r.fileName, gbCode: r.county.gbCode, region: r.county.name, year: r.year, period: r.period, bytes: bytes.length });
  }
  if (rows.length < opts.count) throw new Error(`only ${rows.length} distinct reports possible (asked for ${opts.count})`);
  return { rows, skipped };
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const count = Number(arg("count") ?? "100");
  const out = arg("out");
  if (!out || !Number.isInteger(count) || count < 1) {
    process.stderr.write("usage: npm run corpus:synth -- --count N --out DIR [--seed S] [--seeds DIR]\n");
    process.exit(2);
  }
  const t0 = Date.now();
  const { rows, skipped } = synthCorpus({ count, out: resolve(out), seed: Number(arg("seed") ?? "1"), seedsDir: arg("seeds") });
  const bytes = rows.reduce((n, r) => n + r.bytes, 0);
  process.stdout.write(
    `${rows.length} reports written to ${out} (${(bytes / 1e6).toFixed(1)} MB, mean ${(bytes / rows.length / 1024).toFixed(1)} KB; ` +
      `${skipped} drawn regions skipped as not resolvable) in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
}
