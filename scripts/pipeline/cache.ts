// The analysis cache (content/.cache/): what ingest needs to write a report's entry again without
// analysing it, keyed by the file's content hash and extension, under a folder named by the code
// version (the extractor version plus a hash of the pipeline's own source). A rebuild re-analyses
// only files whose bytes changed, or everything when the pipeline changed.
//
// Layout of one version's folder, chosen so that a cold run creates no file per report (creating
// a file costs ~1.5 ms on our build machine's disk, as much as analysing a report):
// - packs/*.pack: entry templates as UTF-8 (the entry without overrides, id and source name as
//   placeholders), appended by each worker thread to a pack file of its own;
// - summaries.ndjson: one line per analysed file (outcome, duplicate key, base id, warnings and
//   where its template is), appended by the ingest's main thread once the template is on disk.
//   A line cut short by a crash is skipped, so a file is re-analysed rather than trusted.
import { createHash } from "node:crypto";
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname, extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { threadId } from "node:worker_threads";
import { EXTRACTOR_VERSION } from "../extract/version";
import { CLOSE, OPEN } from "../../src/lib/entry-file";
import { baseId } from "./ids";
import type { Analysis } from "./report";

/** What ingest needs of an analysis to account for the file, find duplicates and assign its id. */
export interface CacheSummary {
  ok: boolean;
  sha256: string;
  reason?: string;
  /** Hash of the cleaned text without white space: equal keys are the same report. */
  dupKey?: string;
  baseId?: string;
  warnings: string[];
  /** Where the entry template is (reports only). */
  template?: TemplateRef;
}

/** A byte range of a pack file (a name inside the version's packs/ folder). */
export interface TemplateRef {
  pack: string;
  offset: number;
  length: number;
}

// (In the bundled worker (pool.ts) this points elsewhere: workers never compute the version.)
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Where the analysis and the entry writing start; the cache and pool code are not part of it. */
const ENTRY_POINTS = ["scripts/pipeline/report.ts", "scripts/pipeline/entry.ts", "src/lib/entry-file.ts"];
const RESOLVE_EXT = ["", ".ts", ".mts", ".js", ".mjs", "/index.ts", "/index.js"];
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

/** Every project source file the analysis depends on: the relative-import closure of the entry points. */
export function analysisSources(): string[] {
  return sourceClosure(ENTRY_POINTS);
}

/** The project files that the given files (paths from the project root) import, directly or not, and themselves. */
export function sourceClosure(entryPoints: readonly string[]): string[] {
  const seen = new Set<string>();
  const stack = entryPoints.map((f) => join(ROOT, f));
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (!/\.(?:ts|mts|js|mjs)$/.test(file)) continue;
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
      const target = join(dirname(file), m[1]!);
      const hit = RESOLVE_EXT.map((e) => target + e).find((p) => existsSync(p) && statSync(p).isFile());
      if (hit) stack.push(hit);
    }
  }
  return [...seen].sort();
}

let versionMemo: string | null = null;

/**
 * The cache's code version: the extractor version and a hash of every source file the analysis
 * depends on (pipeline, extractor, the catalogue it reads) plus the lock file (parsers from npm).
 * Site code is not included: editing a page does not invalidate analyses.
 */
export function codeVersion(): string {
  if (versionMemo) return versionMemo;
  versionMemo = `${EXTRACTOR_VERSION}-${sourcesHash(analysisSources(), SUMMARY_FORMAT).slice(0, 12)}`;
  return versionMemo;
}

/** Bump when what a summary holds changes (this file is not part of the analysis sources). */
const SUMMARY_FORMAT = "summary-2";

/** The hex SHA-256 of `salt`, then the names and contents of `files` and the lock file (those that exist). */
export function sourcesHash(files: readonly string[], salt = ""): string {
  const h = createHash("sha256").update(salt);
  for (const f of [...files, join(ROOT, "package-lock.json")]) {
    if (existsSync(f)) h.update(relative(ROOT, f)).update("\0").update(readFileSync(f)).update("\0");
  }
  return h.digest("hex");
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The cache key of a source file: its content hash and its extension (which decides the format). */
export function cacheKey(sha: string, fileName: string): string {
  const ext = extname(fileName).slice(1).toLowerCase().replace(/[^a-z0-9]/g, "") || "none";
  return `${sha}.${ext}`;
}

export function summarise(a: Analysis): CacheSummary {
  if (!a.ok) return { ok: false, sha256: a.sha256, reason: a.reason, warnings: [] };
  return { ok: true, sha256: a.sha256, dupKey: dupKey(a.cleaned.text), baseId: baseId(a), warnings: a.warnings };
}

/**
 * Equal for texts equal once white space is removed. The code units are hashed as they are
 * (UTF-16): no UTF-8 encoding, and one key per text, lone surrogates included.
 */
export function dupKey(cleanedText: string): string {
  return createHash("sha256").update(cleanedText.replace(/\s+/g, ""), "utf16le").digest("hex");
}

/** Placeholders of an entry template; valid where they stand (the id pattern allows them). */
export const TEMPLATE_ID = "__ingest_id__";
export const TEMPLATE_SOURCE = "__ingest_source_file__";

/** The entry file from a template: the first `"id":…` and `"sourceFile":…` are in the front matter. */
export function fillEntryTemplate(template: string, id: string, sourceFile: string): string | null {
  const idAt = template.indexOf(`"id":"${TEMPLATE_ID}"`);
  const srcAt = template.indexOf(`"sourceFile":"${TEMPLATE_SOURCE}"`);
  const bodyAt = template.indexOf(CLOSE);
  if (idAt < 0 || srcAt < 0 || idAt > bodyAt || srcAt > bodyAt) return null;
  return template
    .replace(`"id":"${TEMPLATE_ID}"`, () => `"id":${JSON.stringify(id)}`)
    .replace(`"sourceFile":"${TEMPLATE_SOURCE}"`, () => `"sourceFile":${JSON.stringify(sourceFile)}`);
}

/** The entry from a template's bytes, as fillEntryTemplate does on its text, or null. */
export function fillEntryTemplateBytes(template: Buffer, id: string, sourceFile: string): Buffer | null {
  const idNeedle = `"id":"${TEMPLATE_ID}"`;
  const srcNeedle = `"sourceFile":"${TEMPLATE_SOURCE}"`;
  const idAt = template.indexOf(idNeedle);
  const srcAt = template.indexOf(srcNeedle);
  const bodyAt = template.indexOf(CLOSE);
  if (idAt < 0 || srcAt < 0 || idAt > bodyAt || srcAt > bodyAt) return null;
  const cuts = [
    { at: idAt, end: idAt + idNeedle.length, text: `"id":${JSON.stringify(id)}` },
    { at: srcAt, end: srcAt + srcNeedle.length, text: `"sourceFile":${JSON.stringify(sourceFile)}` },
  ].sort((a, b) => a.at - b.at);
  return Buffer.concat([
    template.subarray(0, cuts[0]!.at),
    Buffer.from(cuts[0]!.text),
    template.subarray(cuts[0]!.end, cuts[1]!.at),
    Buffer.from(cuts[1]!.text),
    template.subarray(cuts[1]!.end),
  ]);
}

/** How every entry (and so every template) starts. */
const TEMPLATE_HEAD = Buffer.from(OPEN);

const LOG = "summaries.ndjson";
const PACKS = "packs";

export class AnalysisCache {
  readonly root: string;
  readonly version: string;
  readonly dir: string;
  private index: Map<string, CacheSummary> | null = null;
  private logFd: number | null = null;
  private pending: string[] = [];
  /** The pack this instance appends to (one per thread, so each has a single writer), once opened. */
  private pack: { name: string; fd: number; size: number } | null = null;
  /** Where templates are encoded before they are appended (reused: one at a time). */
  private scratch: Buffer | null = null;

  constructor(root: string, version = codeVersion()) {
    this.root = root;
    this.version = version;
    this.dir = join(root, version);
  }

  /** The summary of an earlier analysis of these bytes by this code version, or null. */
  readSummary(key: string): CacheSummary | null {
    if (!this.index) {
      this.index = new Map();
      let log = "";
      try {
        log = readFileSync(join(this.dir, LOG), "utf8");
      } catch {
        // No analysis by this version yet.
      }
      for (const line of log.split("\n")) {
        if (!line) continue;
        try {
          const { key: k, ...summary } = JSON.parse(line) as CacheSummary & { key: unknown };
          if (typeof k === "string") this.index.set(k, summary);
        } catch {
          // A line cut short by a crash: that file is analysed again.
        }
      }
    }
    return this.index.get(key) ?? null;
  }

  /**
   * Stores what a later run needs of an analysis — the entry template, only for a report — and
   * returns its summary. The analysis counts as cached only once `record` has logged the summary.
   */
  store(a: Analysis, entryTemplate?: string | readonly string[]): CacheSummary {
    const summary = summarise(a);
    // Stored as the bytes of the entry file, uncompressed: writing an entry is then a splice of
    // bytes (fillEntryTemplateBytes), with no compression, decompression or re-encoding (together
    // ~0.7 ms a report with brotli); the price is disk, ~75 KB a report, as much as its entry.
    if (a.ok && entryTemplate !== undefined) summary.template = this.append(this.utf8(entryTemplate));
    return summary;
  }

  /** Logs an analysis's summary (after its template was stored): later runs take it from the cache. */
  record(key: string, summary: CacheSummary): void {
    if (this.logFd === null) {
      mkdirSync(this.dir, { recursive: true });
      this.logFd = openSync(join(this.dir, LOG), "a+");
      // A crash may have cut the last line short: start on a line of our own.
      const size = fstatSync(this.logFd).size;
      const last = Buffer.alloc(1);
      if (size > 0 && readSync(this.logFd, last, 0, 1, size - 1) === 1 && last[0] !== 0x0a) writeSync(this.logFd, "\n");
    }
    this.pending.push(JSON.stringify({ key, ...summary }));
    if (this.pending.length >= 64) this.flush();
    this.index?.set(key, summary);
  }

  /** Writes the logged summaries still in memory (record batches them; close flushes). */
  flush(): void {
    if (this.logFd === null || this.pending.length === 0) return;
    // Whole lines in one write on a file opened for appending: lines of concurrent runs never interleave.
    writeSync(this.logFd, this.pending.join("\n") + "\n");
    this.pending = [];
  }

  /**
   * The entry file as ingest would write it for the analysis without overrides, with the id and
   * source name as placeholders (fillEntryTemplateBytes): writing an entry is then a substitution,
   * not a parse and re-validation of the whole analysis. Null when unreadable.
   */
  readEntryTemplateBytes(ref: TemplateRef | undefined): Buffer | null {
    if (!ref || !/^[\w.-]+\.pack$/.test(ref.pack)) return null;
    try {
      const fd = openSync(join(this.dir, PACKS, ref.pack), "r");
      try {
        const buf = Buffer.allocUnsafe(ref.length);
        return readSync(fd, buf, 0, ref.length, ref.offset) === ref.length && buf.subarray(0, TEMPLATE_HEAD.length).equals(TEMPLATE_HEAD) ? buf : null;
      } finally {
        closeSync(fd);
      }
    } catch {
      return null;
    }
  }

  /**
   * The text (or the texts one after the other) as UTF-8, in a buffer reused from call to call
   * (valid until the next call). One encoding pass into room for the worst case (3 bytes per
   * UTF-16 unit), where Buffer.from measures the length first: ~60 instead of ~150 µs for a
   * report's template; parts are written one by one, never joined into one string first.
   */
  private utf8(text: string | readonly string[]): Uint8Array {
    const parts = typeof text === "string" ? [text] : text;
    const room = parts.reduce((n, p) => n + p.length * 3, 0);
    if (room > 1 << 22) return Buffer.from(parts.join(""), "utf8");
    if (!this.scratch || this.scratch.length < room) this.scratch = Buffer.allocUnsafeSlow(Math.max(room, 1 << 18));
    let n = 0;
    for (const p of parts) n += this.scratch.write(p, n, "utf8");
    return this.scratch.subarray(0, n);
  }

  private append(data: Uint8Array): TemplateRef {
    if (this.pack === null) {
      const name = `${process.pid}-${threadId}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.pack`;
      const path = join(this.dir, PACKS, name);
      let fd: number;
      try {
        fd = openSync(path, "a");
      } catch {
        mkdirSync(dirname(path), { recursive: true });
        fd = openSync(path, "a");
      }
      // Kept open (an open, stat and close per report cost ~40 µs). This instance is the pack's
      // only writer: the size it counts is where the data goes.
      this.pack = { name, fd, size: fstatSync(fd).size };
    }
    const { name, fd } = this.pack;
    const offset = this.pack.size;
    for (let done = 0; done < data.length; ) done += writeSync(fd, data, done);
    this.pack.size += data.length;
    return { pack: name, offset, length: data.length };
  }

  /** Writes pending summaries and closes the summary log if this instance opened it. */
  close(): void {
    this.flush();
    if (this.logFd !== null) closeSync(this.logFd);
    this.logFd = null;
    if (this.pack !== null) closeSync(this.pack.fd);
    this.pack = null;
  }

  /** Removes the caches of other code versions (they can never be hit again). */
  pruneOtherVersions(): number {
    if (!existsSync(this.root)) return 0;
    let n = 0;
    for (const name of readdirSync(this.root)) {
      if (name === this.version || !statSync(join(this.root, name)).isDirectory()) continue;
      rmSync(join(this.root, name), { recursive: true, force: true });
      n++;
    }
    return n;
  }
}
