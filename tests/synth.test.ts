// The synthetic corpus generator (issue 6): deterministic for a seed, every text different,
// made of real report sentences, and each report read back by the pipeline as the region, year
// and period it was generated for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthCorpus, type SynthManifestRow } from "../scripts/corpus-synth";
import { ingest } from "../scripts/ingest";
import { parseEntry } from "../src/lib/entry-file";
import { reportEntrySchema, type BuildReport, type ReportEntry } from "../src/lib/schema";
import { SEEDS_DIR, seedFiles, seedText } from "./support/seeds";

const N = 40;
let work: string;
let rows: SynthManifestRow[];
let report: BuildReport;
const dir = (name: string) => join(work, name);
const read = (d: string) => new Map(readdirSync(d).sort().map((f) => [f, readFileSync(join(d, f), "utf8")]));

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "synth-"));
  rows = synthCorpus({ count: N, out: dir("a"), seed: 7, seedsDir: SEEDS_DIR }).rows;
  synthCorpus({ count: N, out: dir("b"), seed: 7, seedsDir: SEEDS_DIR });
  synthCorpus({ count: N, out: dir("c"), seed: 8, seedsDir: SEEDS_DIR });
  report = await ingest({ reportsDir: dir("a"), entriesDir: dir("entries"), buildReportPath: dir("build-report.json"), cacheDir: false, threads: 2 });
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("corpus:synth", () => {
  it("writes N files and is byte for byte the same for the same seed", () => {
    const a = read(dir("a"));
    expect(a.size).toBe(N);
    expect(read(dir("b"))).toEqual(a);
  });

  it("gives a different corpus for another seed", () => {
    const a = read(dir("a"));
    const c = read(dir("c"));
    expect([...c.values()].filter((t) => [...a.values()].includes(t)).length).toBe(0);
  });

  it("writes N different texts (even ignoring white space, and ignoring the place and year)", () => {
    const texts = [...read(dir("a")).values()];
    expect(new Set(texts.map((t) => t.replace(/\s+/g, ""))).size).toBe(N);
    // Bodies alone (title and signature cut off, digits removed) are different too.
    const bodies = texts.map((t) => t.split("\n").slice(3, -4).join("").replace(/[\d\s]/g, ""));
    expect(new Set(bodies).size).toBe(N);
  });

  it("draws distinct regions, years 2019–2024 and both periods, at about the size of a real report", () => {
    expect(new Set(rows.map((r) => `${r.gbCode}-${r.year}-${r.period}`)).size).toBe(N);
    expect(rows.every((r) => r.year >= 2019 && r.year <= 2024)).toBe(true);
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(["H1", "FY"]));
    expect(new Set(rows.map((r) => r.year)).size).toBeGreaterThanOrEqual(4);
    const mean = rows.reduce((n, r) => n + r.bytes, 0) / N;
    expect(mean).toBeGreaterThan(14_000);
    expect(mean).toBeLessThan(24_000);
  });

  it("titles name the region, the year and the period as real titles do", () => {
    for (const r of rows) {
      const text = readFileSync(join(dir("a"), r.file), "utf8");
      const head = text.split("\n").slice(0, 2).join("");
      expect(head).toContain(r.region);
      expect(head).toContain(`${r.year}年`);
      if (r.period === "H1") expect(head).toMatch(/半年/);
      else expect(head).not.toMatch(/半年/);
      // The signature: issuer and a date in or just after the period.
      const tail = text.trimEnd().split("\n").slice(-2).map((l) => l.trim());
      expect(tail[0]).toContain(r.region);
      expect(tail[1]).toMatch(new RegExp(`^(${r.year}|${r.year + 1})年\\d{1,2}月\\d{1,2}日$`));
    }
  });

  it("is made of real report sentences", () => {
    // Compare with digits and place names blurred: most sentences of a synthetic report occur in a seed.
    const blur = (s: string) => s.replace(/[\d.%％]+/g, "#").replace(/[\u4e00-\u9fff]{1,6}(?:县|区|市|旗|省|州)/g, "@");
    const seeds = seedFiles().map((f) => blur(seedText(f).replace(/\s+/g, ""))).join("\n");
    let found = 0;
    let total = 0;
    for (const text of [...read(dir("a")).values()].slice(0, 10)) {
      const sentences = text.replace(/\s+/g, "").split("。").filter((s) => s.length >= 15);
      for (const s of sentences) {
        total++;
        if (seeds.includes(blur(s).slice(0, 12))) found++;
      }
    }
    expect(found / total).toBeGreaterThan(0.6);
  });

  it("ingests every report to the intended region, year and period, with no duplicates", () => {
    expect(report.counts).toMatchObject({ read: N, published: N, duplicate: 0, rejected: 0 });
    const entries = new Map<string, ReportEntry>();
    for (const f of report.files) entries.set(f.file, reportEntrySchema.parse(parseEntry(readFileSync(join(dir("entries"), `${f.id}.md`), "utf8")).data));
    for (const r of rows) {
      const e = entries.get(r.file)!;
      expect({ file: r.file, gbCode: e.region?.gbCode, name: e.region?.name, year: e.year, period: e.period }).toEqual({
        file: r.file, gbCode: r.gbCode, name: r.region, year: r.year, period: r.period,
      });
      expect(e.id).toBe(`${r.gbCode}-${r.year}-${r.period}`);
      expect(e.sections.length).toBeGreaterThanOrEqual(5);
      expect(e.published).not.toBeNull();
    }
  });
});
