// An entry's summary (metadata and indicator values, with the number of mentions and masked values)
// from its file's bytes, without decoding or parsing the per-report detail. The list, region, year
// and indicator pages need only this; at 10,000 reports decoding each ~60 KB file as UTF-8 cost
// more than parsing it, and the outline, offset map and mentions are two thirds of the front
// matter (docs/scaling.md, 2026-11-23 night). Used by src/lib/entries.ts; pure, so tests use it.
import { CLOSE, OPEN, parseEntry } from "./entry-file";
import type { ReportEntry, ReportListing } from "./schema";

/** An entry without the per-report detail, plus the sizes of what was left out. */
export type ReportSummary = ReportListing & {
  mentionCount: number;
  maskedCount: number;
};

export function summarise(entry: ReportEntry): ReportSummary {
  const { mentions, masked, sections: _sections, offsetRuns: _runs, ...rest } = entry;
  return { ...rest, mentionCount: mentions.length, maskedCount: masked.length };
}

const OPEN_BYTES = Buffer.from(OPEN);

/**
 * Where the JSON front matter of an entry file in serialiseEntry's form starts and ends in its
 * bytes (OPEN and CLOSE are ASCII, which never occurs inside a multi-byte UTF-8 character); null
 * for any other form.
 */
export function frontMatterBytes(bytes: Buffer): { start: number; end: number } | null {
  const end = bytes.subarray(0, OPEN_BYTES.length).equals(OPEN_BYTES) ? bytes.indexOf(CLOSE, OPEN_BYTES.length - 1) : -1;
  return end < 0 ? null : { start: OPEN_BYTES.length, end };
}
// serialiseEntry writes JSON.stringify of the entry, whose keys come in the schema's order: the
// detail (sections, offsetRuns, mentions) sits between the metadata and the indicator values. A
// key with its quotes cannot occur inside a JSON string (a quote there is always escaped), and
// the first occurrence is the top-level one (nothing before it has such keys).
const DETAIL = ["sections", "offsetRuns", "mentions"].map((k) => Buffer.from(`,"${k}":[`));
const INDICATORS = Buffer.from(',"indicators":[');

/**
 * The number of values in the JSON array whose `[` is at `open`, and where its `]` is; null if
 * the array does not close. Bytes of multi-byte UTF-8 characters are ≥ 0x80, never taken for
 * JSON syntax.
 */
export function jsonArrayLength(bytes: Uint8Array, open: number): { length: number; close: number } | null {
  let depth = 0;
  let commas = 0;
  let empty = true;
  for (let i = open + 1; i < bytes.length; i++) {
    const c = bytes[i]!;
    if (c === 0x22) {
      // a string: skip to its closing quote, past escaped characters
      empty = false;
      for (i++; i < bytes.length && bytes[i] !== 0x22; i++) if (bytes[i] === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) {
      depth++;
      empty = false;
    } else if (c === 0x5d || c === 0x7d) {
      if (depth === 0) return c === 0x5d ? { length: empty ? 0 : commas + 1, close: i } : null;
      depth--;
    } else if (c === 0x2c) {
      if (depth === 0) commas++;
    } else if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) empty = false;
  }
  return null;
}

/**
 * The summary of an entry file (its bytes): only the metadata and the indicator values (and the
 * masked values, to count them) are decoded and parsed; the outline and offset map are skipped and
 * the mentions counted. Used only when those three arrays follow one another just before the
 * indicator values, so nothing else is skipped; an entry in any other form (another key order,
 * gray-matter front matter) is parsed whole.
 */
export function summaryFromEntryBytes(bytes: Buffer): ReportSummary {
  const json = frontMatterBytes(bytes);
  const end = json?.end ?? -1;
  const start = json ? bytes.indexOf(DETAIL[0]!, json.start) : -1;
  let at = start;
  let mentionCount = 0;
  for (const [i, key] of DETAIL.entries()) {
    const array = at < 0 ? null : jsonArrayLength(bytes, at + key.length - 1);
    const next = i + 1 < DETAIL.length ? DETAIL[i + 1]! : INDICATORS;
    at = array && array.close < end && bytes.subarray(array.close + 1, array.close + 1 + next.length).equals(next) ? array.close + 1 : -1;
    mentionCount = array?.length ?? 0;
  }
  if (at < 0) return summarise(parseEntry(bytes.toString("utf8")).data as unknown as ReportEntry);
  const { masked, ...rest } = JSON.parse(bytes.toString("utf8", json!.start, start) + bytes.toString("utf8", at, end)) as ReportListing & { masked: unknown[] };
  return { ...rest, mentionCount, maskedCount: masked.length };
}
