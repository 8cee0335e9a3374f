// `npm run ingest` (first half of `npm run build`): every file in REPORTS_DIR becomes a content
// entry in content/reports/ or a line in the build report saying why not. One bad file never
// stops the others.
//
// Scale (issue 6): files are analysed on every core by a worker pool (scripts/pipeline/pool.ts)
// and each analysis is cached on disk (content/.cache/, scripts/pipeline/cache.ts) under the
// file's content hash and the pipeline's code version, so a rebuild re-analyses only new or
// changed files; a file whose stat is what it was when it was last hashed is not even read
// (scripts/pipeline/hash-memo.ts). Ingest streams: the main thread holds the bytes of the few
// files it has hashed and not yet sent (they move to the worker that analyses them) and a small
// summary per file; report texts stay in the workers and on disk. Entries whose inputs did not
// change are not rewritten.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { assignIds } from "./pipeline/ids";
import { AnalysisCache, cacheKey, codeVersion, sha256, type CacheSummary } from "./pipeline/cache";
import { createPool, defaultThreads, type TaskPool } from "./pipeline/pool";
import { HashMemo } from "./pipeline/hash-memo";
import type { AnalyseTask, Task, WriteTask } from "./pipeline/worker";
import { BUILD_DIR, BUILD_REPORT, DEFAULT_REPORTS_DIR, ENTRIES_DIR, OVERRIDES } from "../src/lib/paths";
import { overrideSelector, unmatchedOverrideWarning, type Override, type OverridesFile } from "./extract/overrides";
import type { BuildFileOutcome, BuildReport } from "../src/lib/schema";
import { parseEntry } from "../src/lib/entry-file";
import { EXTRACTOR_VERSION } from "./extract/version";

/** Below this many tasks the work runs in this thread: starting workers would cost more. */
const SMALL_JOB = 8;

/**
 * Files per message to a worker: up to 8, fewer for small runs so every thread still gets a
 * share (at least 16 batches per thread). A task per file cost, at 3,000 reports, 1.2 s of the
 * main thread's CPU and ~0.25 ms per report in the workers (piscina's messages, wake-ups and
 * promises); batches of 8 halve the first and save most of the second.
 */
function batchSize(files: number, threads: number): number {
  return Math.max(1, Math.min(8, Math.floor(files / (threads * 16))));
}

/**
 * Every file under dir, in name order. The directory entries' types say which are files and
 * folders; only other entries (links, or a file system that gives no type) are stat'ed here. Each
 * file is stat'ed later, when its turn comes (the hash memo checks the stat): a stat of each of
 * 10,000 files first took 100–170 ms before the first file could go to a worker.
 */
function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const path = join(d, e.name);
      if (e.isDirectory()) walk(path);
      else if (e.isFile()) out.push(path);
      else {
        const st = statSync(path);
        if (st.isDirectory()) walk(path);
        else if (st.isFile()) out.push(path);
      }
    }
  };
  walk(dir);
  return out;
}

export interface IngestOptions {
  reportsDir: string;
  entriesDir?: string;
  buildReportPath?: string;
  /** The analysis cache; default: `.cache` next to the entries folder (content/.cache). `false`: none. */
  cacheDir?: string | false;
  /** Worker threads; default INGEST_THREADS or every core. 1 runs in this thread. */
  threads?: number;
  log?: (line: string) => void;
  /** What the run did: how many files were analysed, taken from the cache, written. */
  onStats?: (stats: IngestStats) => void;
  /** Curator corrections; default content/overrides.json (OVERRIDES). */
  overridesPath?: string;
  /** How old a source's times must be for its content hash to be remembered (HashMemo); default 2 s. */
  hashSettleMs?: number;
}

/** The curator's overrides; a missing file means none, a broken one stops the build with its name. */
function loadOverrides(path: string): Override[] {
  if (!existsSync(path)) return [];
  try {
    const parsed = JSON.parse(readFileSync(path, "utf8")) as OverridesFile | Override[];
    return Array.isArray(parsed) ? parsed : parsed.overrides ?? [];
  } catch (e) {
    throw new Error(`cannot read the overrides file ${path}: ${(e as Error).message}`);
  }
}

export interface IngestStats {
  files: number;
  /** Files read and hashed in this run (the others' hashes were remembered: HashMemo). */
  hashed: number;
  /** Files analysed in this run (cache misses). */
  analysed: number;
  /** Files whose analysis came from the cache. */
  cached: number;
  entriesWritten: number;
  entriesUnchanged: number;
  entriesRemoved: number;
  threads: number;
  sourceBytes: number;
  ms: { analyse: number; write: number; total: number };
}

/** Where the cache records which entry files were written from what, per entries folder. */
function manifestPathFor(cacheRoot: string, entriesDir: string): string {
  return join(cacheRoot, `entries-${sha256(entriesDir).slice(0, 12)}.json`);
}

export async function ingest(opts: IngestOptions): Promise<BuildReport> {
  const t0 = performance.now();
  const reportsDir = resolve(opts.reportsDir);
  const entriesDir = resolve(opts.entriesDir ?? ENTRIES_DIR);
  const log = opts.log ?? (() => {});
  const listedAt = Date.now();
  const files = listFiles(reportsDir);
  const version = codeVersion();
  // Without a persistent cache the analyses still go through a throw-away one: that is how
  // workers hand them to the entry writers without sending texts through this thread.
  const persistent = opts.cacheDir !== false;
  const cacheRoot = persistent ? resolve((opts.cacheDir as string | undefined) ?? join(entriesDir, "..", ".cache")) : join(entriesDir, "..", `.cache-tmp-${process.pid}`);
  const cache = new AnalysisCache(cacheRoot, version);
  const memo = persistent ? new HashMemo(join(cacheRoot, "hashes.json"), opts.hashSettleMs) : null;
  const stats: IngestStats = {
    files: files.length, hashed: 0, analysed: 0, cached: 0, entriesWritten: 0, entriesUnchanged: 0, entriesRemoved: 0,
    threads: 1, sourceBytes: 0, ms: { analyse: 0, write: 0, total: 0 },
  };
  // Workers cost ~0.3 s each to start (each loads the extractor): a handful of tasks run here.
  const wanted = opts.threads ?? defaultThreads();
  let pool: TaskPool | null = null;
  const poolFor = async (tasks: number): Promise<TaskPool> => {
    if (!pool) {
      pool = await createPool(tasks >= SMALL_JOB ? wanted : 1);
      stats.threads = pool.threads;
    }
    return pool;
  };

  try {
    // 1. Every file's content hash, and its summary from the cache when the same bytes were
    //    analysed by the same code before; the others go to the workers as soon as they are
    //    found (the pool starts at the SMALL_JOB-th), so hashing and analysis overlap. One
    //    file's bytes in memory at a time here; a bounded window of tasks in flight keeps every
    //    core busy without queueing the whole corpus.
    const summaries: { key: string; summary: CacheSummary }[] = new Array(files.length);
    // (A miss keeps the bytes read for its hash until it is sent: the worker need not read them again.)
    const misses: { i: number; key: string; bytes?: Buffer; sha: string }[] = [];
    const firstOfKey = new Map<string, number>();
    const sameAs: { i: number; of: number }[] = [];
    const inFlight = new Set<Promise<void>>();
    let dispatched = 0;
    const failed = (message: string): CacheSummary => ({ ok: false, sha256: "", reason: `internal error while reading: ${message}`, warnings: [] });
    // Files go to the workers a few at a time (batchSize), `all` at the end sends a partial batch.
    const dispatch = async (p: TaskPool, all: boolean) => {
      const size = batchSize(files.length, p.threads);
      const window = Math.max(2, p.threads * 2);
      while (misses.length - dispatched >= size || (all && dispatched < misses.length)) {
        const batch = misses.slice(dispatched, dispatched + size);
        dispatched += batch.length;
        const tasks = batch.map(({ i, key, bytes, sha }): AnalyseTask => ({ op: "analyse", path: files[i]!, key, cacheRoot, version, bytes, sha256: sha }));
        // Buffers that own their memory move to the worker; a slice of Node's shared pool (small files) is copied.
        const transfer = batch.flatMap(({ bytes: b }) => (b && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength ? [b.buffer as ArrayBuffer] : []));
        for (const m of batch) m.bytes = undefined;
        const t: Promise<void> = p
          .run({ op: "batch", tasks }, transfer)
          .then((r) => {
            if (r.op !== "batch" || r.results.length !== batch.length) throw new Error("unexpected worker result");
            r.results.forEach((res, j) => {
              const { i, key } = batch[j]!;
              const summary = res.op === "analyse" ? res.summary : failed(res.op === "error" ? res.message : "unexpected worker result");
              summaries[i] = { key, summary };
              if (persistent && res.op === "analyse") cache.record(key, summary);
            });
          })
          .catch((e: Error) => {
            for (const { i, key } of batch) summaries[i] = { key, summary: failed(e.message) };
          })
          .finally(() => inFlight.delete(t));
        inFlight.add(t);
        if (inFlight.size >= window) await Promise.race(inFlight);
      }
    };
    for (let i = 0; i < files.length; i++) {
      const path = files[i]!;
      let key: string;
      let bytes: Buffer | undefined;
      let sha: string;
      let hit: CacheSummary | null = null;
      try {
        // (Stat'ed after listedAt: the memo's rule, times older than the settling time at the
        // stat, holds all the more against the earlier time.)
        const st = statSync(path);
        // A remembered hash whose analysis is cached: the file need not be read at all.
        const known = memo?.get(path, st, listedAt);
        if (known && (hit = cache.readSummary(cacheKey(known, path)))) {
          stats.sourceBytes += st.size;
          sha = known;
        } else {
          bytes = readFileSync(path);
          stats.sourceBytes += bytes.length;
          stats.hashed++;
          sha = sha256(bytes);
          // (Not when the file grew or shrank since it was listed: these bytes are not that stat's.)
          if (bytes.length === st.size) memo?.set(path, st, listedAt, sha);
          hit = persistent ? cache.readSummary(cacheKey(sha, path)) : null;
        }
        key = cacheKey(sha, path);
      } catch (e) {
        summaries[i] = { key: "", summary: { ok: false, sha256: "", reason: `cannot read the file: ${(e as Error).message}`, warnings: [] } };
        continue;
      }
      if (hit) {
        summaries[i] = { key, summary: hit };
        stats.cached++;
      } else if (firstOfKey.has(key)) {
        // The same bytes twice in one run (a copied file) are analysed once.
        sameAs.push({ i, of: firstOfKey.get(key)! });
        stats.cached++;
      } else {
        firstOfKey.set(key, i);
        misses.push({ i, key, bytes, sha });
        if (misses.length >= SMALL_JOB) await dispatch(await poolFor(misses.length), false);
      }
    }
    stats.analysed = misses.length;
    if (misses.length) await dispatch(await poolFor(misses.length), true);
    await Promise.all(inFlight);
    cache.flush();
    for (const { i, of } of sameAs) summaries[i] = summaries[of]!;
    stats.ms.analyse = performance.now() - t0;

    // 2. Outcomes in file order: the first of several equal texts is published, the others are
    //    duplicates of it.
    const outcomes: BuildFileOutcome[] = [];
    const published: { key: string; path: string; rel: string; outcome: BuildFileOutcome; summary: CacheSummary }[] = [];
    const byDupKey = new Map<string, string>();
    files.forEach((path, i) => {
      const rel = relative(reportsDir, path);
      const { key, summary: s } = summaries[i]!;
      if (!s.ok) {
        outcomes.push({ file: rel, outcome: "rejected", reason: s.reason ?? "unreadable", warnings: [] });
        log(`rejected  ${rel}: ${s.reason}`);
        return;
      }
      const first = byDupKey.get(s.dupKey!);
      if (first !== undefined) {
        outcomes.push({ file: rel, outcome: "duplicate", duplicateOf: first, warnings: [] });
        log(`duplicate ${rel}: same text as ${first}`);
        return;
      }
      byDupKey.set(s.dupKey!, rel);
      const outcome: BuildFileOutcome = { file: rel, outcome: "published", warnings: s.warnings };
      outcomes.push(outcome);
      published.push({ key, path, rel, outcome, summary: s });
    });

    // 3. Ids, then the entries: written by the workers from the cached analyses, skipped when
    //    the file on disk was written from the same analysis, source name and id.
    const t1 = performance.now();
    const ids = assignIds(published.map((p) => p.summary.baseId!));
    mkdirSync(entriesDir, { recursive: true });
    // What the folder holds now (one listing instead of a stat per entry: ~40 ms at 10,000).
    const present = new Set(readdirSync(entriesDir));
    const manifestPath = manifestPathFor(cacheRoot, entriesDir);
    let previous: Record<string, string> = {};
    try {
      previous = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<string, string>;
    } catch {
      previous = {};
    }
    const manifest: Record<string, string> = {};
    const writes: WriteTask[] = [];
    const overrides = loadOverrides(opts.overridesPath ?? OVERRIDES);
    published.forEach((p, i) => {
      const id = ids[i]!;
      p.outcome.id = id;
      const file = `${id}.md`;
      const own = overrides.filter((o) => o.report === id);
      const signature = `${version}\0${p.key}\0${p.rel}\0${JSON.stringify(own)}`;
      manifest[file] = signature;
      if (persistent && previous[file] === signature && present.has(file)) {
        stats.entriesUnchanged++;
        return;
      }
      stats.entriesWritten++;
      writes.push({ op: "write", path: p.path, template: p.summary.template, id, sourceFile: p.rel, outPath: join(entriesDir, file), cacheRoot, version, overrides: own });
    });
    if (writes.length) {
      const p = await poolFor(writes.length);
      const size = batchSize(writes.length, p.threads);
      const batches: Task[] = [];
      for (let k = 0; k < writes.length; k += size) batches.push({ op: "batch", tasks: writes.slice(k, k + size) });
      for (const r of await Promise.all(batches.map((b) => p.run(b)))) {
        // A write that failed fails the ingest, as it did when each was its own task.
        if (r.op === "batch") for (const res of r.results) if (res.op === "error") throw new Error(res.message);
      }
    }
    // Whatever else is in the folder is from an earlier corpus: remove it.
    // (Writing added only names in the manifest, so the listing above is still the one to check.)
    for (const name of present) {
      if (manifest[name] !== undefined) continue;
      rmSync(join(entriesDir, name), { recursive: true, force: true });
      stats.entriesRemoved++;
    }
    if (persistent) {
      mkdirSync(cacheRoot, { recursive: true });
      writeFileSync(manifestPath, JSON.stringify(manifest));
      memo?.save();
    }
    stats.ms.write = performance.now() - t1;

    // Duplicates name the id of the report they repeat.
    const idByFile = new Map(published.map((p) => [p.rel, p.outcome.id!]));
    for (const o of outcomes) if (o.outcome === "duplicate") o.duplicateOf = `${o.duplicateOf} (${idByFile.get(o.duplicateOf!)})`;

    const overrideOutcomes = checkOverrides(overrides, outcomes, entriesDir);

    const count = (k: BuildFileOutcome["outcome"]) => outcomes.filter((o) => o.outcome === k).length;
    const report: BuildReport = {
      generatedAt: new Date().toISOString(),
      reportsDir: opts.reportsDir,
      extractorVersion: EXTRACTOR_VERSION,
      counts: {
        read: files.length,
        published: count("published"),
        duplicate: count("duplicate"),
        rejected: count("rejected"),
        warnings: outcomes.reduce((n, o) => n + o.warnings.length, 0),
      },
      files: outcomes,
      overrides: overrideOutcomes,
    };
    const reportPath = opts.buildReportPath ?? BUILD_REPORT;
    mkdirSync(resolve(reportPath, ".."), { recursive: true });
    writeFileSync(reportPath, JSON.stringify(report, null, 2));
    if (persistent) cache.pruneOtherVersions();
    stats.ms.total = performance.now() - t0;
    opts.onStats?.(stats);
    return report;
  } finally {
    await (pool as TaskPool | null)?.close();
    cache.close();
    if (!persistent) rmSync(cacheRoot, { recursive: true, force: true });
  }
}

/**
 * Whether each override still applies: its report must be published and the entry written with it
 * must not say it matched nothing (entry.ts records that). Stale overrides also become warnings
 * of their report's file, so they show in the summary and the build report. Overrides are few,
 * so reading their entries back is cheap, and it is right on warm rebuilds too.
 */
function checkOverrides(overrides: readonly Override[], outcomes: BuildFileOutcome[], entriesDir: string): BuildReport["overrides"] {
  const byId = new Map(outcomes.filter((o) => o.id).map((o) => [o.id!, o]));
  const warningsOf = new Map<string, string[]>();
  return overrides.map((o) => {
    const where = { report: o.report, ...(o.indicator !== undefined ? { indicator: o.indicator } : {}), ...(o.start !== undefined ? { start: o.start } : {}), note: o.note };
    const file = byId.get(o.report);
    if (!file) return { ...where, outcome: "no-report" as const };
    if (!warningsOf.has(o.report)) {
      const { data } = parseEntry(readFileSync(join(entriesDir, `${o.report}.md`), "utf8"));
      warningsOf.set(o.report, (data.warnings as string[] | undefined) ?? []);
    }
    const stale = unmatchedOverrideWarning(o);
    if (!warningsOf.get(o.report)!.includes(stale)) return { ...where, outcome: "applied" as const };
    if (!file.warnings.includes(stale)) file.warnings.push(stale);
    return { ...where, outcome: "unmatched" as const };
  });
}

export function summaryTable(report: BuildReport): string {
  const rows = report.files.map((f) => {
    const what = f.outcome === "published" ? f.id : f.outcome === "duplicate" ? `= ${f.duplicateOf}` : f.reason;
    const warn = f.warnings.length ? `  (${f.warnings.join("; ")})` : "";
    return `${f.outcome.padEnd(9)}  ${f.file}  →  ${what}${warn}`;
  });
  const c = report.counts;
  const stale = report.overrides.filter((o) => o.outcome !== "applied");
  return [
    ...rows,
    ...stale.map((o) => `override   ${o.report} ${overrideSelector(o)}  →  ${o.outcome === "no-report" ? "no published report has this id" : "matches nothing in the report"} (${o.note})`),
    "",
    `files read ${c.read} | published ${c.published} | duplicates ${c.duplicate} | rejected ${c.rejected} | warnings ${c.warnings}`,
  ].join("\n");
}

export function statsLine(s: IngestStats): string {
  const mb = s.sourceBytes / 1e6;
  const secs = s.ms.analyse / 1000;
  return (
    `ingest: ${s.files} files (${mb.toFixed(1)} MB, ${s.hashed} read and hashed) | analysed ${s.analysed}, from cache ${s.cached} | ` +
    `entries written ${s.entriesWritten}, unchanged ${s.entriesUnchanged}, removed ${s.entriesRemoved} | ` +
    `${s.threads} thread(s) | analyse ${secs.toFixed(1)} s` +
    (s.analysed ? ` (${(mb * (s.analysed / Math.max(1, s.files)) / Math.max(secs, 1e-3) / s.threads).toFixed(2)} MB/s per thread)` : "") +
    ` | write ${(s.ms.write / 1000).toFixed(1)} s | total ${(s.ms.total / 1000).toFixed(1)} s`
  );
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const strict = process.argv.includes("--strict");
  const quiet = process.argv.includes("--quiet");
  const noCache = process.argv.includes("--no-cache");
  const reportsDir = process.env.REPORTS_DIR || DEFAULT_REPORTS_DIR;
  let report: BuildReport;
  let stats: IngestStats | undefined;
  try {
    statSync(reportsDir);
    report = await ingest({
      reportsDir,
      cacheDir: noCache ? false : undefined,
      log: quiet ? undefined : (l) => process.stderr.write(l + "\n"),
      onStats: (s) => (stats = s),
    });
  } catch (e) {
    process.stderr.write(`cannot read the reports folder ${reportsDir}: ${(e as Error).message}\n`);
    process.exit(2);
  }
  if (quiet) {
    const c = report.counts;
    process.stdout.write(`files read ${c.read} | published ${c.published} | duplicates ${c.duplicate} | rejected ${c.rejected} | warnings ${c.warnings}\n`);
  } else process.stdout.write(summaryTable(report) + "\n");
  if (stats) process.stdout.write(statsLine(stats) + "\n");
  process.stdout.write(`build report: ${relative(process.cwd(), BUILD_REPORT)} (copied to dist/build-report.json by the site build)\n`);
  if (report.counts.published === 0) {
    process.stderr.write("no report could be published\n");
    process.exit(1);
  }
  if (strict && report.counts.rejected > 0) {
    process.stderr.write(`--strict: ${report.counts.rejected} file(s) rejected\n`);
    process.exit(1);
  }
}
void BUILD_DIR;
