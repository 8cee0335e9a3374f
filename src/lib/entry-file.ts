// Reading and writing entry files (JSON front matter + cleaned body). Shared by the ingest
// script, the content loader and the report page.
import matter from "gray-matter";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { ReportEntry } from "./schema";
import { ENTRIES_DIR } from "./paths";

export function serialiseEntry(entry: ReportEntry, body: string): string {
  // JSON front matter: exact numbers and strings, no YAML surprises, fast to parse.
  return `---json\n${JSON.stringify(entry)}\n---\n${body}`;
}

export function parseEntry(source: string): { data: Record<string, unknown>; body: string } {
  // An options object turns off gray-matter's cache, which would keep every body in memory.
  const parsed = matter(source, {});
  return { data: parsed.data, body: parsed.content };
}

/** The cleaned body of a report, read from its entry file. */
export function readEntryBody(id: string, dir = ENTRIES_DIR): string {
  return parseEntry(readFileSync(join(dir, `${id}.md`), "utf8")).body;
}
