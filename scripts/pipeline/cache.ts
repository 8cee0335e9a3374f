// The analysis cache (content/.cache/): one gzipped JSON analysis per source file, keyed by the
// file's content hash and extension, under a folder named by the code version (the extractor
// version plus a hash of the pipeline's own source). A rebuild re-analyses only files whose
// bytes changed, or everything when the pipeline changed. Each analysis has a small summary
// beside it (outcome, duplicate key, base id, warnings) so that ingest can decide everything
// without reading the large files again.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, extname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gunzipSync, gzipSync } from "node:zlib";
import { EXTRACTOR_VERSION } from "../extract/index";
import { baseId } from "./entry";
import type { AnalysedReport, Analysis } from "./report";

/** What ingest needs of an analysis to account for the file, find duplicates and assign its id. */
export interface CacheSummary {
  ok: boolean;
  sha256: string;
  reason?: string;
  /** Hash of the cleaned text without white space: equal keys are the same report. */
  dupKey?: string;
  baseId?: string;
  warnings: string[];
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Where the analysis and the entry writing start; the cache and pool code are not part of it. */
const ENTRY_POINTS = ["scripts/pipeline/report.ts", "scripts/pipeline/entry.ts", "src/lib/entry-file.ts"];
const RESOLVE_EXT = ["", ".ts", ".mts", ".js", ".mjs", "/index.ts", "/index.js"];
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*)["'](\.{1,2}\/[^"']+)["']/g;

/** Every project source file the analysis depends on: the relative-import closure of the entry points. */
export function analysisSources(): string[] {
  const seen = new Set<string>();
  const stack = ENTRY_POINTS.map((f) => join(ROOT, f));
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
  const files = [...analysisSources(), join(ROOT, "package-lock.json")].filter((f) => existsSync(f));
  const h = createHash("sha256");
  for (const f of files) h.update(relative(ROOT, f)).update("\0").update(readFileSync(f)).update("\0");
  versionMemo = `${EXTRACTOR_VERSION}-${h.digest("hex").slice(0, 12)}`;
  return versionMemo;
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
  return { ok: true, sha256: a.sha256, dupKey: sha256(a.cleaned.text.replace(/\s+/g, "")), baseId: baseId(a), warnings: a.warnings };
}

function writeAtomic(path: string, data: Uint8Array | string): void {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, data);
  renameSync(tmp, path);
}

/** Placeholders of an entry template; valid where they stand (the id pattern allows them). */
export const TEMPLATE_ID = "__ingest_id__";
export const TEMPLATE_SOURCE = "__ingest_source_file__";

/** The entry file from a template: the first `"id":…` and `"sourceFile":…` are in the front matter. */
export function fillEntryTemplate(template: string, id: string, sourceFile: string): string | null {
  const idAt = template.indexOf(`"id":"${TEMPLATE_ID}"`);
  const srcAt = template.indexOf(`"sourceFile":"${TEMPLATE_SOURCE}"`);
  const bodyAt = template.indexOf("\n---\n");
  if (idAt < 0 || srcAt < 0 || idAt > bodyAt || srcAt > bodyAt) return null;
  return template
    .replace(`"id":"${TEMPLATE_ID}"`, () => `"id":${JSON.stringify(id)}`)
    .replace(`"sourceFile":"${TEMPLATE_SOURCE}"`, () => `"sourceFile":${JSON.stringify(sourceFile)}`);
}

export class AnalysisCache {
  readonly root: string;
  readonly version: string;
  readonly dir: string;

  constructor(root: string, version = codeVersion()) {
    this.root = root;
    this.version = version;
    this.dir = join(root, version);
  }

  private base(key: string): string {
    return join(this.dir, key.slice(0, 2), key);
  }

  readSummary(key: string): CacheSummary | null {
    const path = `${this.base(key)}.sum.json`;
    try {
      return JSON.parse(readFileSync(path, "utf8")) as CacheSummary;
    } catch {
      return null;
    }
  }

  readAnalysis(key: string): AnalysedReport | null {
    try {
      return JSON.parse(gunzipSync(readFileSync(`${this.base(key)}.json.gz`)).toString("utf8")) as AnalysedReport;
    } catch {
      return null;
    }
  }

  /**
   * The entry file as ingest would write it for this analysis without overrides, with the id and
   * source name as placeholders (fillEntryTemplate): writing an entry is then a string
   * substitution, not a parse and re-validation of the whole analysis.
   */
  readEntryTemplate(key: string): string | null {
    try {
      return gunzipSync(readFileSync(`${this.base(key)}.entry.gz`)).toString("utf8");
    } catch {
      return null;
    }
  }

  /** Stores an analysis (the full one and the entry template only for a report) and returns its summary. */
  write(key: string, a: Analysis, entryTemplate?: string): CacheSummary {
    const base = this.base(key);
    mkdirSync(dirname(base), { recursive: true });
    const summary = summarise(a);
    if (a.ok) writeAtomic(`${base}.json.gz`, gzipSync(JSON.stringify(a), { level: 1 }));
    if (a.ok && entryTemplate !== undefined) writeAtomic(`${base}.entry.gz`, gzipSync(entryTemplate, { level: 1 }));
    // The summary last: its presence means the entry is complete.
    writeAtomic(`${base}.sum.json`, JSON.stringify(summary));
    return summary;
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
