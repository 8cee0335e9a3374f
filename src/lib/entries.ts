// Report entries for the pages. Astro's data store holds only each entry's metadata (it is
// bundled into the build as one JavaScript module, which costs ~100× its size in memory:
// docs/scaling.md); what the list, region, year and indicator pages need beyond that — the
// indicator values and counts — is read here from the entry files once per build, and a report
// page reads its own full entry (mentions, outline, offset map) when it renders.
import { getCollection } from "astro:content";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { frontMatterBytes, parseEntry, splitEntry, summarise, takeSummaries, type ReportSummary } from "./entry-file";
import { ENTRIES_DIR } from "./paths";
import type { ReportEntry } from "./schema";

export type { ReportSummary };

/** An entry file's JSON front matter (as text, when in serialiseEntry's form) and body. */
function splitOrParse(source: string): { json: string | null; data?: unknown; body: string } {
  const split = splitEntry(source);
  if (split) return split;
  const { data, body } = parseEntry(source);
  return { json: null, data, body };
}

const readSplit = (id: string) => splitOrParse(readFileSync(join(ENTRIES_DIR, `${id}.md`), "utf8"));

/** The full entry of one report and its cleaned body, read from its file (validated when the content layer loaded it). */
export function readReportWithBody(id: string): { report: ReportEntry; body: string } {
  const { json, data, body } = readSplit(id);
  return { report: (json === null ? data : JSON.parse(json)) as ReportEntry, body };
}

/** The full entry of one report, read from its file (validated when the content layer loaded it). */
export function readReport(id: string): ReportEntry {
  return readReportWithBody(id).report;
}

/**
 * The full entry of one report as JSON, exactly as stored: for an entry in serialiseEntry's form
 * the bytes of its front matter, neither decoded nor parsed (frontMatterBytes); otherwise the
 * parsed front matter serialised again.
 */
export function readReportJson(id: string): Uint8Array<ArrayBuffer> {
  const bytes = readFileSync(join(ENTRIES_DIR, `${id}.md`));
  return frontMatterBytes(bytes) ?? Buffer.from(JSON.stringify(parseEntry(bytes.toString("utf8")).data));
}

let cached: ReportSummary[] | null = null;

/**
 * Every report's summary, in the collection's order: the content loader's, when it handed them
 * over in this process (an `astro build`: it has just parsed every file), else each file read again.
 */
export async function allReports(): Promise<ReportSummary[]> {
  if (cached) return cached;
  const entries = await getCollection("reports");
  const loaded = takeSummaries();
  const list = entries.map((e) => loaded?.get(e.id) ?? summarise(readReport(e.id)));
  cached = list;
  return list;
}
