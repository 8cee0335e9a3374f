// The analysis cache and the worker pool (issue 6): a second ingest of an unchanged folder
// analyses nothing and rewrites nothing; changing, adding or removing one file re-analyses only
// that file; and the result is always identical to a cold run without any cache.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingest, type IngestStats } from "../scripts/ingest";
import { synthCorpus } from "../scripts/corpus-synth";
import { AnalysisCache, cacheKey, fillEntryTemplateBytes, sha256 } from "../scripts/pipeline/cache";
import { entryFromTemplate } from "../scripts/pipeline/worker";
import { analyse } from "../scripts/pipeline/report";
import type { Override } from "../scripts/extract/overrides";
import { toEntry } from "../scripts/pipeline/entry";
import { serialiseEntry } from "../src/lib/entry-file";
import type { BuildReport } from "../src/lib/schema";
import { SEEDS_DIR, seedFiles } from "./support/seeds";

let work: string;
const dir = (name: string) => join(work, name);
const src = () => dir("reports");

async function run(entries: string, cacheDir: string | false, threads = 2): Promise<{ report: BuildReport; stats: IngestStats }> {
  let stats: IngestStats | undefined;
  const report = await ingest({ reportsDir: src(), entriesDir: dir(entries), buildReportPath: dir(`${entries}.json`), cacheDir, threads, onStats: (s) => (stats = s) });
  return { report, stats: stats! };
}

/** Entry files by name, and the report without its time stamp. */
const entriesOf = (name: string) => new Map(readdirSync(dir(name)).sort().map((f) => [f, readFileSync(join(dir(name), f), "utf8")]));
const stable = (r: BuildReport) => ({ ...r, generatedAt: "" });

/** A cold run in fresh folders, without any cache, must give the same entries and report. */
async function expectSameAsCold(entries: string, report: BuildReport, threads = 1) {
  const cold = await run(`cold-${Math.random().toString(36).slice(2)}`, false, threads);
  expect(cold.stats).toMatchObject({ cached: 1, analysed: cold.stats.files - 1 });
  expect(stable(report)).toEqual(stable(cold.report));
  const name = readdirSync(work).find((n) => n.startsWith("cold-") && !n.endsWith(".json"))!;
  expect(entriesOf(entries)).toEqual(entriesOf(name));
  rmSync(dir(name), { recursive: true, force: true });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "cache-"));
  mkdirSync(src());
  for (const f of seedFiles()) copyFileSync(join(SEEDS_DIR, f), join(src(), f));
  synthCorpus({ count: 6, out: src(), seed: 3, seedsDir: SEEDS_DIR });
  // A duplicate and a rejected file are cached and accounted for like the others.
  copyFileSync(join(SEEDS_DIR, seedFiles()[0]!), join(src(), "copy.txt"));
  writeFileSync(join(src(), "empty.txt"), "");
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("ingest with the analysis cache", () => {
  const files = () => readdirSync(src()).length;
  let first: Awaited<ReturnType<typeof run>>;

  it("a cold run analyses every file, on two worker threads, and matches a single-thread run without cache", async () => {
    first = await run("entries", dir("cache"));
    // copy.txt has the same bytes as a seed: analysed once.
    expect(first.stats).toMatchObject({ files: files(), analysed: files() - 1, cached: 1, threads: 2, entriesWritten: first.report.counts.published });
    expect(first.report.counts).toMatchObject({ read: files(), duplicate: 1, rejected: 1 });
    await expectSameAsCold("entries", first.report, 1);
  });

  it("a second run of the unchanged folder analyses nothing and rewrites no entry", async () => {
    const before = entriesOf("entries");
    const again = await run("entries", dir("cache"));
    expect(again.stats).toMatchObject({ analysed: 0, cached: files(), entriesWritten: 0, entriesUnchanged: first.report.counts.published, entriesRemoved: 0 });
    expect(stable(again.report)).toEqual(stable(first.report));
    expect(entriesOf("entries")).toEqual(before);
  });

  it("changing one file re-analyses only that file and rewrites only its entry", async () => {
    const target = readdirSync(src()).find((f) => /_FY\.txt$|_H1\.txt$/.test(f))!;
    appendFileSync(join(src(), target), "\n附：本报告数据截至统计时点，共计123家单位。\n");
    const changed = await run("entries", dir("cache"));
    expect(changed.stats).toMatchObject({ analysed: 1, cached: files() - 1, entriesWritten: 1, entriesRemoved: 0 });
    const id = changed.report.files.find((f) => f.file === target)!.id!;
    expect(readFileSync(join(dir("entries"), `${id}.md`), "utf8")).toContain("共计123家单位");
    await expectSameAsCold("entries", changed.report);
  });

  it("adding one file analyses only it; removing one removes its entry", async () => {
    copyFileSync(join(SEEDS_DIR, seedFiles()[1]!), join(src(), "zz-new.txt"));
    unlinkSync(join(src(), seedFiles()[1]!));
    const next = await run("entries", dir("cache"));
    // The added file has the same bytes as the removed one: same analysis, so even it comes from the cache.
    expect(next.stats).toMatchObject({ analysed: 0, entriesWritten: 1, entriesRemoved: 0 });
    writeFileSync(join(src(), "zz-other.txt"), readFileSync(join(SEEDS_DIR, seedFiles()[4]!), "utf8").replace(/2023/g, "2018"));
    unlinkSync(join(src(), "zz-new.txt"));
    const last = await run("entries", dir("cache"));
    expect(last.stats).toMatchObject({ analysed: 1, entriesWritten: 1, entriesRemoved: 1 });
    await expectSameAsCold("entries", last.report);
  });

  it("entries written from the cached template equal entries built from a fresh analysis, with and without overrides", async () => {
    const cache = new AnalysisCache(dir("cache"));
    let checked = 0;
    for (const f of readdirSync(src())) {
      const bytes = readFileSync(join(src(), f));
      const summary = cache.readSummary(cacheKey(sha256(bytes), f));
      expect(summary, f).not.toBeNull();
      const a = await analyse(bytes, f);
      if (!a.ok) {
        expect(summary!.ok).toBe(false);
        continue;
      }
      const template = cache.readEntryTemplateBytes(summary!.template)!.toString("utf8");
      const id = "440000-2020-FY-2";
      const name = "子目录/某 报告\"引号\".txt";
      expect(entryFromTemplate(template, id, name)).toBe(serialiseEntry(toEntry(a, id, name), a.cleaned.text));
      // What the workers write: the same entry spliced from the template's bytes.
      expect(fillEntryTemplateBytes(cache.readEntryTemplateBytes(summary!.template)!, id, name)!.toString("utf8")).toBe(serialiseEntry(toEntry(a, id, name), a.cleaned.text));
      // Overrides: drop the first indicator, correct the first mention, one that matches nothing.
      const overrides: Override[] = [
        { report: id, start: a.mentions[0]!.start, action: "set", set: { value: 1, normalizedValue: 1 }, note: "corrected" },
        { report: id, start: -1, action: "drop", note: "matches nothing" },
      ];
      if (a.indicators[0]) overrides.push({ report: id, indicator: a.indicators[0].id, action: "drop", note: "dropped" });
      expect(entryFromTemplate(template, id, name, overrides)).toBe(serialiseEntry(toEntry(a, id, name, overrides), a.cleaned.text));
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });

  it("a cache of another code version is never used", async () => {
    const cache = new AnalysisCache(dir("cache"));
    const other = new AnalysisCache(dir("cache"), "0.0.0-other");
    expect(other.dir).not.toBe(cache.dir);
    const f = readdirSync(src())[0]!;
    const key = cacheKey(sha256(readFileSync(join(src(), f))), f);
    expect(cache.readSummary(key)).not.toBeNull();
    expect(other.readSummary(key)).toBeNull();
  });

  it("a summary line cut short by a crash is skipped: that file is analysed again", async () => {
    const cache = new AnalysisCache(dir("cache"));
    const log = join(cache.dir, "summaries.ndjson");
    const lines = readFileSync(log, "utf8").split("\n").filter(Boolean);
    const last = JSON.parse(lines[lines.length - 1]!) as { key: string };
    writeFileSync(log, [...lines.slice(0, -1), lines[lines.length - 1]!.slice(0, 40)].join("\n"));
    expect(new AnalysisCache(dir("cache")).readSummary(last.key)).toBeNull();
    const before = entriesOf("entries");
    const again = await run("entries", dir("cache"));
    expect(again.stats).toMatchObject({ analysed: 1, entriesWritten: 0 });
    expect(entriesOf("entries")).toEqual(before);
    // The line recorded after the cut one is read back: the next run takes everything from the cache.
    expect((await run("entries", dir("cache"))).stats).toMatchObject({ analysed: 0, cached: files() });
  });
});
