// The worker side of the ingest pool (see pool.ts): analyses one source file into the cache, or
// writes one content entry from a cached analysis. Both read and write files themselves so that
// report texts never travel through the main thread.
import { readFileSync, writeFileSync } from "node:fs";
import { entryParts, serialiseEntry, splitEntry } from "../../src/lib/entry-file";
import { AnalysisCache, fillEntryTemplate, fillEntryTemplateBytes, TEMPLATE_ID, TEMPLATE_SOURCE, type CacheSummary, type TemplateRef } from "./cache";
import { finishEntry, toEntry, type EntryBase } from "./entry";
import { analyse, sha256, type Analysis } from "./report";
import type { Override } from "../extract/overrides";

export type AnalyseTask = {
  op: "analyse";
  path: string;
  key: string;
  cacheRoot: string;
  version: string;
  /** The file's bytes and their SHA-256 when the sender has read them (ingest hashes every file): not read again. */
  bytes?: Uint8Array;
  sha256?: string;
};
export type WriteTask = {
  op: "write";
  /** The source file, analysed again only if its cached template cannot be read. */
  path: string;
  template: TemplateRef | undefined;
  id: string;
  sourceFile: string;
  outPath: string;
  cacheRoot: string;
  version: string;
  overrides: Override[];
};

/**
 * Several files in one message (ingest sends a few at a time: a message each way costs the
 * main thread and the worker more than the bookkeeping of a batch). Each file's outcome is its
 * own: a file that fails comes back as an error in its place, the others are unaffected.
 */
export type Task = AnalyseTask | WriteTask | { op: "batch"; tasks: (AnalyseTask | WriteTask)[] };

export type TaskResult =
  | { op: "analyse"; key: string; summary: CacheSummary }
  | { op: "write"; ok: true }
  | { op: "batch"; results: (TaskResult | { op: "error"; message: string })[] };

const caches = new Map<string, AnalysisCache>();
function cacheFor(root: string, version: string): AnalysisCache {
  const k = `${root}\0${version}`;
  let c = caches.get(k);
  if (!c) caches.set(k, (c = new AnalysisCache(root, version)));
  return c;
}

async function analyseFile(path: string, given?: { bytes: Uint8Array; sha256: string }): Promise<Analysis> {
  const bytes = given?.bytes ?? readFileSync(path);
  const hash = given?.sha256 ?? sha256(bytes);
  try {
    return await analyse(bytes, path, hash);
  } catch (e) {
    // A crash in one report is that report's rejection, not the build's.
    return { ok: false, sha256: hash, reason: `internal error while reading: ${(e as Error).message}` };
  }
}

/**
 * The entry file from a cached template: a substitution, or with overrides a parse of its front
 * matter and the same finishing step as an entry made from the analysis. Null if malformed.
 */
export function entryFromTemplate(template: string, id: string, sourceFile: string, overrides: readonly Override[] = []): string | null {
  if (overrides.length === 0) return fillEntryTemplate(template, id, sourceFile);
  const split = splitEntry(template);
  if (!split) return null;
  return serialiseEntry(finishEntry(JSON.parse(split.json) as EntryBase, id, sourceFile, overrides), split.body);
}

export async function runTask(task: Task): Promise<TaskResult> {
  if (task.op === "batch") {
    const results: (TaskResult | { op: "error"; message: string })[] = [];
    for (const t of task.tasks) {
      try {
        results.push(await runTask(t));
      } catch (e) {
        results.push({ op: "error", message: (e as Error).message });
      }
    }
    return { op: "batch", results };
  }
  const cache = cacheFor(task.cacheRoot, task.version);
  if (task.op === "analyse") {
    const analysis = await analyseFile(task.path, task.bytes && task.sha256 ? { bytes: task.bytes, sha256: task.sha256 } : undefined);
    // The entry without overrides, ready but for its id and source name (known only later).
    let template: string[] | undefined;
    if (analysis.ok) {
      try {
        // serialiseEntry's text in its parts (the cache encodes them one after the other).
        template = entryParts(JSON.stringify(toEntry(analysis, TEMPLATE_ID, TEMPLATE_SOURCE)), analysis.cleaned.text);
      } catch {
        template = undefined; // the slow path below will report the problem when writing
      }
    }
    return { op: "analyse", key: task.key, summary: cache.store(analysis, template) };
  }
  const template = cache.readEntryTemplateBytes(task.template);
  const filled =
    template === null
      ? null
      : task.overrides.length === 0
        ? fillEntryTemplateBytes(template, task.id, task.sourceFile)
        : entryFromTemplate(template.toString("utf8"), task.id, task.sourceFile, task.overrides);
  if (filled !== null) {
    writeFileSync(task.outPath, filled);
    return { op: "write", ok: true };
  }
  // No usable template (a pack deleted by hand, an entry that failed validation): analyse again.
  const a = await analyseFile(task.path);
  if (!a.ok) throw new Error(`${task.path} no longer reads as a report: ${a.reason}`);
  writeFileSync(task.outPath, serialiseEntry(toEntry(a, task.id, task.sourceFile, task.overrides), a.cleaned.text));
  return { op: "write", ok: true };
}

export default runTask;
