// The analysis cache and the worker pool (issue 6): a second ingest of an unchanged folder
// analyses nothing and rewrites nothing; changing, adding or removing one file re-analyses only
// that file; and the result is always identical to a cold run without any cache.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync, type Stats } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingest, type IngestOptions, type IngestStats } from "../scripts/ingest";
import { synthCorpus } from "../scripts/corpus-synth";
import { AnalysisCache, cacheKey, fillEntryTemplateBytes, sha256 } from "../scripts/pipeline/cache";
import { entryFromTemplate } from "../scripts/pipeline/worker";
import { HashMemo } from "../scripts/pipeline/hash-memo";
import { analyse } from "../scripts/pipeline/report";
import type { Override } from "../scripts/extract/overrides";
import { toEntry } from "../scripts/pipeline/entry";
import { serialiseEntry } from "../src/lib/entry-file";
import type { BuildReport } from "../src/lib/schema";
import { SEEDS_DIR, seedFiles } from "./support/seeds";

let work: string;
const dir = (name: string) => join(work, name);
const src = () => dir("reports");

async function run(entries: string, cacheDir: string | false, threads = 2, more: Partial<IngestOptions> = {}): Promise<{ report: BuildReport; stats: IngestStats }> {
  let stats: IngestStats | undefined;
  const report = await ingest({ reportsDir: src(), entriesDir: dir(entries), buildReportPath: dir(`${entries}.json`), cacheDir, threads, onStats: (s) => (stats = s), ...more });
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

describe("remembered content hashes (HashMemo)", () => {
  const stat = (over: Partial<Stats>): Stats => ({ dev: 1, ino: 2, size: 3, mtimeMs: 1000.5, ctimeMs: 1000.75, ...over }) as Stats;

  it("gives a hash back only for the same device, inode, size and times, and only once the times had settled", () => {
    const path = dir("memo.json");
    const m = new HashMemo(path, 2000);
    m.set("/a", stat({}), 5000, "aaa");
    m.set("/b", stat({ ino: 9 }), 2500, "bbb"); // stat'ed 1.5 s after its last change: not remembered
    m.set("/c", stat({ ino: 10 }), 3000.75, "ccc"); // exactly 2 s after: not remembered either
    m.save();
    const again = new HashMemo(path, 2000);
    expect(again.get("/a", stat({}), 9000)).toBe("aaa");
    expect(again.get("/b", stat({ ino: 9 }), 9000)).toBeNull();
    expect(again.get("/c", stat({ ino: 10 }), 9000)).toBeNull();
    for (const changed of [{ dev: 7 }, { ino: 7 }, { size: 4 }, { mtimeMs: 1000.6 }, { ctimeMs: 1001 }]) expect(new HashMemo(path, 2000).get("/a", stat(changed), 9000), JSON.stringify(changed)).toBeNull();
    expect(new HashMemo(dir("no-such-memo.json")).get("/a", stat({}), 9000)).toBeNull();
  });

  it("a rebuild reads no unchanged file, and a file rewritten with the same size and modification time is read and analysed again", async () => {
    const reports = dir("memo-reports");
    mkdirSync(reports);
    for (const f of seedFiles()) copyFileSync(join(SEEDS_DIR, f), join(reports, f));
    const target = join(reports, seedFiles()[2]!);
    utimesSync(target, 1e9, 1e9); // a whole second, which utimes can set again exactly
    // (Settling time 0 and less: these files were written a moment ago.)
    const go = () => run("memo-entries", dir("memo-cache"), 1, { reportsDir: reports, hashSettleMs: -1e12 });
    expect((await go()).stats).toMatchObject({ hashed: seedFiles().length, analysed: seedFiles().length });
    const warm = await go();
    expect(warm.stats).toMatchObject({ hashed: 0, analysed: 0, entriesWritten: 0 });
    const { mtimeMs } = statSync(target);
    const text = readFileSync(target, "utf8");
    const edited = text.replace(/(\d)(\d)/, "$2$1"); // two digits swapped: same size
    expect(edited).not.toBe(text);
    writeFileSync(target, edited);
    utimesSync(target, 1e9, 1e9);
    expect(statSync(target).mtimeMs).toBe(mtimeMs);
    const after = await go();
    expect(after.stats).toMatchObject({ hashed: 1, analysed: 1, entriesWritten: 1 });
    expect(stable(after.report)).not.toEqual(stable(warm.report));
    const id = after.report.files.find((f) => f.file === seedFiles()[2])!.id!;
    expect(readFileSync(join(dir("memo-entries"), `${id}.md`), "utf8")).toContain(edited.match(/\d{2,}/)![0]);
  });
});
