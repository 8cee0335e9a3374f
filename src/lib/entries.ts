// Report entries for the pages. Astro's data store holds only each entry's metadata (it is
// bundled into the build as one JavaScript module, which costs ~100× its size in memory:
// docs/scaling.md); what the list, region, year and indicator pages need beyond that — the
// indicator values and counts — is read here from the entry files once per build, and a report
// page reads its own full entry (mentions, outline, offset map) when it renders.
import { getCollection } from "astro:content";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEntry } from "./entry-file";
import { ENTRIES_DIR } from "./paths";
import type { ReportEntry, ReportListing } from "./schema";

/** An entry without the per-report detail, plus the sizes of what was left out. */
export type ReportSummary = ReportListing & {
  mentionCount: number;
  maskedCount: number;
};

/** The full entry of one report, read from its file (validated when the content layer loaded it). */
export function readReport(id: string): ReportEntry {
  return parseEntry(readFileSync(join(ENTRIES_DIR, `${id}.md`), "utf8")).data as unknown as ReportEntry;
}

function summarise(entry: ReportEntry): ReportSummary {
  const { mentions, masked, sections: _sections, offsetRuns: _runs, ...rest } = entry;
  return { ...rest, mentionCount: mentions.length, maskedCount: masked.length };
}

let cached: ReportSummary[] | null = null;

export async function allReports(): Promise<ReportSummary[]> {
  cached ??= (await getCollection("reports")).map((e) => summarise(readReport(e.id)));
  return cached;
}
