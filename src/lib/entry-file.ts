// Reading and writing entry files (JSON front matter + cleaned body). Shared by the ingest
// script, the content loader and the report page.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { ReportEntry, ReportListing } from "./schema";
import { ENTRIES_DIR } from "./paths";

/** How every entry file starts, and what ends its front matter. */
export const OPEN = "---json\n";
export const CLOSE = "\n---\n";

export function serialiseEntry(entry: ReportEntry, body: string): string {
  return entryParts(JSON.stringify(entry), body).join("");
}

/**
 * serialiseEntry's text in its parts, for a caller that encodes them one after the other without
 * joining them into one string first. JSON front matter: exact numbers and strings, no YAML
 * surprises, fast to parse.
 */
export function entryParts(json: string, body: string): string[] {
  return [OPEN, json, CLOSE, body];
}

/**
 * The JSON front matter (as text) and body of an entry in the form serialiseEntry writes, or
 * null for any other form. A plain split: no parse, so a caller may pass the JSON on as stored.
 */
export function splitEntry(source: string): { json: string; body: string } | null {
  const end = source.startsWith(OPEN) ? source.indexOf(CLOSE, OPEN.length - 1) : -1;
  return end < 0 ? null : { json: source.slice(OPEN.length, end), body: source.slice(end + CLOSE.length) };
}

// gray-matter takes ~190 ms to load and is only needed for entries not written by serialiseEntry.
let matter: ((source: string, options: object) => { data: Record<string, unknown>; content: string }) | undefined;

export function parseEntry(source: string): { data: Record<string, unknown>; body: string } {
  const split = splitEntry(source);
  if (split) return { data: JSON.parse(split.json) as Record<string, unknown>, body: split.body };
  matter ??= createRequire(import.meta.url)("gray-matter");
  // An options object turns off gray-matter's cache, which would keep every body in memory.
  const parsed = matter!(source, {});
  return { data: parsed.data, body: parsed.content };
}

const OPEN_BYTES = Buffer.from(OPEN);

/**
 * The JSON front matter's bytes of an entry file in serialiseEntry's form, or null for any other
 * form: the file is UTF-8, and OPEN and CLOSE are ASCII, which never occurs inside a multi-byte
 * character, so the bytes are split without decoding them.
 */
export function frontMatterBytes(bytes: Buffer<ArrayBuffer>): Buffer<ArrayBuffer> | null {
  const end = bytes.subarray(0, OPEN_BYTES.length).equals(OPEN_BYTES) ? bytes.indexOf(CLOSE, OPEN_BYTES.length - 1) : -1;
  return end < 0 ? null : bytes.subarray(OPEN_BYTES.length, end);
}

/** An entry file's front matter, parsed; its body is not decoded when the file is in serialiseEntry's form. */
export function readEntryData(path: string): Record<string, unknown> {
  const bytes = readFileSync(path);
  const json = frontMatterBytes(bytes);
  return json ? (JSON.parse(json.toString("utf8")) as Record<string, unknown>) : parseEntry(bytes.toString("utf8")).data;
}

/** The cleaned body of a report, read from its entry file. */
export function readEntryBody(id: string, dir = ENTRIES_DIR): string {
  return parseEntry(readFileSync(join(dir, `${id}.md`), "utf8")).body;
}

/** An entry without the per-report detail, plus the sizes of what was left out. */
export type ReportSummary = ReportListing & {
  mentionCount: number;
  maskedCount: number;
};

export function summarise(entry: ReportEntry): ReportSummary {
  const { mentions, masked, sections: _sections, offsetRuns: _runs, ...rest } = entry;
  return { ...rest, mentionCount: mentions.length, maskedCount: masked.length };
}

/**
 * The summaries the content loader made while it read every entry file (id → summary of the file's
 * front matter as parsed), handed to src/lib/entries.ts so the pages need not read every file a
 * second time. On globalThis: the loader (src/content.config.ts) and the pages run in the same
 * process but load this module separately (Vite's loader vs. the built chunks).
 */
const HANDOFF = Symbol.for("county-reports.entry-summaries");
type WithHandoff = typeof globalThis & { [HANDOFF]?: Map<string, ReportSummary> };

export function handOffSummaries(summaries: Map<string, ReportSummary>): void {
  (globalThis as WithHandoff)[HANDOFF] = summaries;
}

/** The loader's summaries, once: the map is dropped so it never outlives its one use. */
export function takeSummaries(): Map<string, ReportSummary> | undefined {
  const g = globalThis as WithHandoff;
  const out = g[HANDOFF];
  delete g[HANDOFF];
  return out;
}
