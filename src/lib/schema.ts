// The contract between the pipeline stages and the site. The ingest script writes entries that
// must parse with `reportEntrySchema`; Astro's content collection validates them again on load.
// Offsets (`start`, `end`, `quoteStart`, …) are JavaScript string indices into the decoded
// original text of the source file, end exclusive.
import { z } from "astro/zod";

export const PERIODS = ["H1", "H2", "FY", "Q1", "Q2", "Q3", "Q4"] as const;
export const periodSchema = z.enum(PERIODS);
export type Period = z.infer<typeof periodSchema>;

export const LEVELS = ["区", "县", "县级市"] as const;
export const levelSchema = z.enum(LEVELS);
export type Level = z.infer<typeof levelSchema>;

export const regionSchema = z.object({
  name: z.string(),
  level: levelSchema,
  prefecture: z.string().nullable(),
  province: z.string(),
  gbCode: z.string().regex(/^\d{6}$/),
});
export type Region = z.infer<typeof regionSchema>;

export const SECTION_ROLES = ["preamble", "summary", "problems", "plan", "closing"] as const;
export const sectionRoleSchema = z.enum(SECTION_ROLES);
export type SectionRole = z.infer<typeof sectionRoleSchema>;

export const sectionSchema = z.object({
  /** Path of the section in the outline, e.g. "1", "1.2", "3.1.4". */
  id: z.string(),
  /** 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）, 5 = 一是 */
  rank: z.number().int().min(1).max(5),
  depth: z.number().int().min(1),
  /** The numbering as written: 一、 / （二） / 3. / 一是 */
  marker: z.string(),
  title: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  role: sectionRoleSchema,
});
export type Section = z.infer<typeof sectionSchema>;

export const QUALIFIERS = ["approx", "more_than", "nearly", "at_least", "at_most"] as const;
export const qualifierSchema = z.enum(QUALIFIERS);
export type Qualifier = z.infer<typeof qualifierSchema>;

export const kindSchema = z.enum(["actual", "target"]);
export type MentionKind = z.infer<typeof kindSchema>;

/** What every extracted value carries, whether a plain mention or a canonical indicator value. */
const extractedValueFields = {
  label: z.string(),
  /** The number as stated (after full-width folding), before multipliers: 19.78 for 19.78万人. */
  value: z.number(),
  unit: z.string().nullable(),
  normalizedValue: z.number(),
  normalizedUnit: z.string().nullable(),
  qualifier: qualifierSchema.nullable(),
  kind: kindSchema,
  asOf: z.string().nullable(),
  /** Id of the innermost outline section holding the number, null before the first heading. */
  section: z.string().nullable(),
  quote: z.string(),
  quoteStart: z.number().int().nonnegative(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Set when a curator's override changed or confirmed this value. */
  override: z.string().optional(),
};

export const mentionSchema = z.object({
  ...extractedValueFields,
  /** The number exactly as written in the text: "28．65", "两", "－2．53". */
  raw: z.string(),
  qualifierText: z.string().nullable(),
  /** Canonical indicator id from the catalogue, or null for an unmapped mention. */
  indicator: z.string().nullable(),
});
export type Mention = z.infer<typeof mentionSchema>;

export const maskedValueSchema = z.object({
  mask: z.string(),
  unit: z.string().nullable(),
  label: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
});
export type MaskedValue = z.infer<typeof maskedValueSchema>;

/** One indicator value: a mention that defines a catalogue indicator for this report. */
export const indicatorValueSchema = z.object({ id: z.string(), ...extractedValueFields });
export type IndicatorValue = z.infer<typeof indicatorValueSchema>;

/** Maps a position in the cleaned body back to the original text: runs of equal text. */
export const offsetRunSchema = z.tuple([
  z.number().int().nonnegative(), // start in cleaned text
  z.number().int().nonnegative(), // start in original text
  z.number().int().nonnegative(), // length
]);
export type OffsetRun = z.infer<typeof offsetRunSchema>;

export const reportMetaSchema = z.object({
  title: z.string(),
  region: regionSchema.nullable(),
  /** Level stated by an anonymised report (区卫生健康委员会) even when the region is unknown. */
  level: levelSchema.nullable(),
  year: z.number().int().min(1949).max(2100).nullable(),
  period: periodSchema.nullable(),
  hasPlan: z.boolean(),
  planYear: z.number().int().nullable(),
  planPeriod: periodSchema.nullable(),
  published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
});
export type ReportMeta = z.infer<typeof reportMetaSchema>;

export const reportEntrySchema = reportMetaSchema.extend({
  id: z.string().regex(/^[0-9A-Za-z_-]+$/),
  sourceFile: z.string(),
  sourceSha256: z.string().regex(/^[0-9a-f]{64}$/),
  encoding: z.string(),
  format: z.string(),
  extractorVersion: z.string(),
  warnings: z.array(z.string()),
  sections: z.array(sectionSchema),
  offsetRuns: z.array(offsetRunSchema),
  mentions: z.array(mentionSchema),
  indicators: z.array(indicatorValueSchema),
  masked: z.array(maskedValueSchema),
  charCount: z.number().int().nonnegative(),
});
export type ReportEntry = z.infer<typeof reportEntrySchema>;
/** An entry without its per-report detail: what lists, regions, years and indicators need. */
export type ReportListing = Omit<ReportEntry, "mentions" | "masked" | "sections" | "offsetRuns">;

export const OUTCOMES = ["published", "duplicate", "rejected"] as const;
export const buildFileOutcomeSchema = z.object({
  file: z.string(),
  outcome: z.enum(OUTCOMES),
  id: z.string().optional(),
  duplicateOf: z.string().optional(),
  reason: z.string().optional(),
  warnings: z.array(z.string()),
});
export type BuildFileOutcome = z.infer<typeof buildFileOutcomeSchema>;

export const buildReportSchema = z.object({
  generatedAt: z.string(),
  reportsDir: z.string(),
  extractorVersion: z.string(),
  counts: z.object({
    read: z.number().int(),
    published: z.number().int(),
    duplicate: z.number().int(),
    rejected: z.number().int(),
    warnings: z.number().int(),
  }),
  files: z.array(buildFileOutcomeSchema),
  /** Each curator override and whether it still applies (a stale one is a warning, not an error). */
  overrides: z
    .array(
      z.object({
        report: z.string(),
        indicator: z.string().optional(),
        start: z.number().int().optional(),
        outcome: z.enum(["applied", "unmatched", "no-report"]),
        note: z.string(),
      }),
    )
    .default([]),
});
export type BuildReport = z.infer<typeof buildReportSchema>;
