// Shared by the site tests: build the site from the seeds once (ingest + astro build into a
// private output directory, so parallel work in dist/ does not interfere), read entries, parse HTML.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { parseEntry } from "../src/lib/entry-file";
import type { ReportEntry } from "../src/lib/schema";

export const ROOT = join(import.meta.dirname, "..");

export interface Built { dist: string; entriesDir: string }

/**
 * Runs ingest on the seeds (content/sources) and the Astro build in a private directory —
 * entries, build report, output and cache all beside, never in, the shared content/ and dist/ —
 * and returns where. SITE_DIST + SITE_ENTRIES reuse a fresh build.
 */
export function buildSite(options: { reportsDir?: string } = {}): Built {
  const reuse = process.env.SITE_DIST;
  if (!options.reportsDir && reuse && process.env.SITE_ENTRIES && existsSync(join(reuse, "index.html"))) return { dist: reuse, entriesDir: process.env.SITE_ENTRIES };
  const work = mkdtempSync(join(tmpdir(), "site-test-"));
  const built = { dist: join(work, "dist"), entriesDir: join(work, "reports") };
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: "1",
    ENTRIES_DIR: built.entriesDir,
    BUILD_DIR: join(work, "build"),
    SITE_OUT_DIR: built.dist,
    SITE_CACHE_DIR: join(work, "cache"),
  };
  if (options.reportsDir) env.REPORTS_DIR = options.reportsDir;
  else delete env.REPORTS_DIR; // the seeds in content/sources
  // Exactly what users run: `npm run build` (ingest → astro build → search index), pointed at
  // private directories by the environment.
  execFileSync("npm", ["run", "--silent", "build"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], env });
  return built;
}

export function readEntries(dir: string): ReportEntry[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => parseEntry(readFileSync(join(dir, f), "utf8")).data as unknown as ReportEntry);
}

export function page(dist: string, path: string): Document {
  const file = join(dist, path, path.endsWith(".html") ? "" : "index.html");
  if (!existsSync(file)) throw new Error(`page ${path} was not built (${file})`);
  return parseHTML(readFileSync(file, "utf8")).document as unknown as Document;
}

export function readJson<T>(dist: string, path: string): T {
  return JSON.parse(readFileSync(join(dist, path), "utf8")) as T;
}

/** RFC 4180 CSV parser (quoted fields, doubled quotes, CRLF), enough for our downloads. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const s = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      row.push(cell), rows.push(row), (row = []), (cell = "");
    } else cell += c;
  }
  if (cell || row.length) row.push(cell), rows.push(row);
  return rows;
}
