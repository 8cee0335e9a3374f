// Stage 6: an analysed report → a content entry (Markdown: front matter + cleaned body). The
// report ids (readable <gbCode>-<year>-<period>, stable across builds) are in ids.ts.
import { reportEntrySchema, type ReportEntry } from "../../src/lib/schema";
import type { AnalysedReport } from "./report";
import { applyOverrides, unmatchedOverrideWarning, type Override } from "../extract/overrides";
import { indicatorsOf } from "../extract/indicators";
import { compileParser } from "./fast-parse";

/** `reportEntrySchema.parse`, compiled: the same result and errors, a fraction of the time. */
const parseReportEntry = compileParser(reportEntrySchema);

/** An entry before its id and source name are known. */
export type EntryBase = Omit<ReportEntry, "id" | "sourceFile">;

/**
 * The entry for an analysed report. Curator overrides (content/overrides.json) are applied here,
 * after the id is known and before the indicators are derived, so a dropped or corrected value
 * changes the indicator list too; an override that no longer matches anything is a warning.
 */
export function toEntry(r: AnalysedReport, id: string, sourceFile: string, overrides: readonly Override[] = []): ReportEntry {
  const base: EntryBase = {
    ...r.meta,
    sourceSha256: r.sha256,
    encoding: r.encoding,
    format: r.format,
    extractorVersion: r.extractorVersion,
    warnings: r.warnings,
    sections: r.sections,
    offsetRuns: r.cleaned.runs,
    mentions: r.mentions,
    indicators: r.indicators,
    masked: r.masked,
    charCount: r.original.length,
  };
  return finishEntry(base, id, sourceFile, overrides);
}

/** The entry from its id-free base (an analysis, or a cached entry template read back). */
export function finishEntry(base: EntryBase, id: string, sourceFile: string, overrides: readonly Override[] = []): ReportEntry {
  const { mentions, unused } = overrides.length ? applyOverrides(id, base.mentions, overrides) : { mentions: base.mentions, unused: [] };
  // (No spread without overrides: spreading arrays whose elements kind differs from report to
  // report, empty or not, threw away the caller's optimised code. The parse below copies it.)
  const warnings = unused.length === 0 ? base.warnings : [...base.warnings, ...unused.map(unmatchedOverrideWarning)];
  // The schema's parse gives its own key order, so the entry is the same whatever order base has.
  return parseReportEntry({
    ...base,
    id,
    sourceFile,
    warnings,
    mentions,
    indicators: overrides.length ? indicatorsOf(mentions) : base.indicators,
  });
}
