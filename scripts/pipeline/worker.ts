// The worker side of the ingest pool (see pool.ts): analyses one source file into the cache, or
// writes one content entry from a cached analysis. Both read and write files themselves so that
// report texts never travel through the main thread.
import { readFileSync, writeFileSync } from "node:fs";
import { serialiseEntry } from "../../src/lib/entry-file";
import { AnalysisCache, cacheKey, fillEntryTemplate, sha256, TEMPLATE_ID, TEMPLATE_SOURCE, type CacheSummary } from "./cache";
import { toEntry } from "./entry";
import { analyse, type Analysis } from "./report";
import type { Override } from "../extract/overrides";

export type Task =
  | { op: "analyse"; path: string; cacheRoot: string; version: string }
  | { op: "write"; key: string; id: string; sourceFile: string; outPath: string; cacheRoot: string; version: string; overrides: Override[] };

export type TaskResult = { op: "analyse"; key: string; summary: CacheSummary } | { op: "write"; ok: true };

const caches = new Map<string, AnalysisCache>();
function cacheFor(root: string, version: string): AnalysisCache {
  const k = `${root}\0${version}`;
  let c = caches.get(k);
  if (!c) caches.set(k, (c = new AnalysisCache(root, version)));
  return c;
}

export async function runTask(task: Task): Promise<TaskResult> {
  const cache = cacheFor(task.cacheRoot, task.version);
  if (task.op === "analyse") {
    const bytes = readFileSync(task.path);
    const key = cacheKey(sha256(bytes), task.path);
    let analysis: Analysis;
    try {
      analysis = await analyse(bytes, task.path);
    } catch (e) {
      // A crash in one report is that report's rejection, not the build's.
      analysis = { ok: false, sha256: sha256(bytes), reason: `internal error while reading: ${(e as Error).message}` };
    }
    // The entry without overrides, ready but for its id and source name (known only later).
    let template: string | undefined;
    if (analysis.ok) {
      try {
        template = serialiseEntry(toEntry(analysis, TEMPLATE_ID, TEMPLATE_SOURCE), analysis.cleaned.text);
      } catch {
        template = undefined; // the slow path below will report the problem when writing
      }
    }
    return { op: "analyse", key, summary: cache.write(key, analysis, template) };
  }
  if (task.overrides.length === 0) {
    const template = cache.readEntryTemplate(task.key);
    const filled = template === null ? null : fillEntryTemplate(template, task.id, task.sourceFile);
    if (filled !== null) {
      writeFileSync(task.outPath, filled);
      return { op: "write", ok: true };
    }
  }
  const a = cache.readAnalysis(task.key);
  if (!a) throw new Error(`analysis ${task.key} missing from the cache ${cache.dir}`);
  writeFileSync(task.outPath, serialiseEntry(toEntry(a, task.id, task.sourceFile, task.overrides), a.cleaned.text));
  return { op: "write", ok: true };
}

export default runTask;
