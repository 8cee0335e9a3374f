// The whole per-file pipeline as one pure function: bytes in, an analysed report (or the reason
// it is not one) out. Ingest, the extract CLI and the tests all go through here.
import { createHash } from "node:crypto";
import type { IndicatorValue, MaskedValue, Mention, ReportMeta, Section } from "../../src/lib/schema";
import { toOriginal } from "../../src/lib/offsets";
import { readSource } from "./formats";
import { clean, type CleanText } from "./clean";
import { parseOutline } from "./outline";
import { findPlan, findPublished, findRegion, findTitle, findYearPeriod, nonEmptyLines, SOURCE_LINE } from "./metadata";
import { extract, EXTRACTOR_VERSION } from "../extract/index";
import { indicatorsOf } from "../extract/indicators";

export interface AnalysedReport {
  ok: true;
  sha256: string;
  encoding: string;
  format: string;
  /** The decoded original text: the source of truth for every offset. */
  original: string;
  cleaned: CleanText;
  meta: ReportMeta;
  sections: Section[];
  mentions: Mention[];
  indicators: IndicatorValue[];
  masked: MaskedValue[];
  warnings: string[];
  extractorVersion: string;
}

export type Analysis = AnalysedReport | { ok: false; sha256: string; reason: string };

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Where the header (title lines and a scraped source line) ends, in cleaned-text offsets (`allLines`: the text's non-empty lines). */
function headerEnd(allLines: readonly { line: string; start: number }[], titleLines: number): number {
  const lines = allLines.slice(0, titleLines + 2);
  let end = 0;
  lines.forEach((l, i) => {
    if (i < titleLines || SOURCE_LINE.test(l.line)) end = l.start + l.line.length;
  });
  return end;
}

function mapSection(s: Section, runs: CleanText["runs"]): Section {
  return { ...s, start: toOriginal(runs, s.start), end: toOriginal(runs, s.end) };
}

/**
 * `fileName` tells the format (.txt, .html, .docx, .pdf …); the content decides the encoding.
 * `hash`: the bytes' SHA-256 when the caller has computed it already.
 */
export async function analyse(bytes: Uint8Array, fileName = "report.txt", hash = sha256(bytes)): Promise<Analysis> {
  const source = await readSource(bytes, fileName);
  if (!source.ok) return { ok: false, sha256: hash, reason: source.reason };
  return analyseText(source.text, { sha256: hash, encoding: source.encoding, format: source.format, warnings: source.warnings });
}

export interface SourceInfo {
  sha256: string;
  encoding: string;
  format: string;
  warnings: string[];
}

/** The text pipeline proper: decoded text → analysed report. Pure and synchronous. */
export function analyseText(original: string, source: SourceInfo): AnalysedReport {
  const hash = source.sha256;
  const cleaned = clean(original);
  const text = cleaned.text;
  const warnings = [...source.warnings];

  const lines = nonEmptyLines(text);
  const { title, headerLines } = findTitle(lines);
  if (headerLines === 0) warnings.push("no title line: title taken from the first sentence");
  const sections = parseOutline(text);
  if (sections.length === 0) warnings.push("no numbered sections found");
  const region = findRegion(text, headerEnd(lines, headerLines));
  warnings.push(...region.warnings);
  const yp = findYearPeriod(title, text);
  if (yp.warning) warnings.push(yp.warning);
  const published = findPublished(text);
  if (!published) warnings.push("no publication date found");
  const plan = findPlan(title, sections, yp.year, yp.period);

  const extracted = extract({ text, sections });
  const runs = cleaned.runs;
  const mapRange = <T extends { start: number; end: number; quoteStart?: number; quote: string }>(x: T): T => {
    const start = toOriginal(runs, x.start);
    const end = toOriginal(runs, x.end - 1) + 1;
    if (x.quoteStart === undefined) return { ...x, start, end, quote: original.slice(start, end) };
    const quoteStart = toOriginal(runs, x.quoteStart);
    const quoteEnd = toOriginal(runs, x.quoteStart + x.quote.length - 1) + 1;
    return { ...x, start, end, quoteStart, quote: original.slice(quoteStart, quoteEnd) };
  };
  // When cleaning removed nothing (one run over the whole text, as in most reports), offsets and
  // quotes are the original's already.
  const identity = runs.length === 1 && runs[0]![0] === 0 && runs[0]![1] === 0 && runs[0]![2] === original.length && text === original;
  const mentions = identity ? extracted.mentions : extracted.mentions.map(mapRange);
  const masked = identity
    ? extracted.masked
    : extracted.masked.map((m) => {
        const start = toOriginal(runs, m.start);
        const end = toOriginal(runs, m.end - 1) + 1;
        return { ...m, start, end };
      });

  return {
    ok: true,
    sha256: hash,
    encoding: source.encoding,
    format: source.format,
    original,
    cleaned,
    meta: {
      title,
      region: region.region,
      level: region.level,
      year: yp.year,
      period: yp.period,
      published,
      ...plan,
    },
    sections: identity ? sections : sections.map((s) => mapSection(s, runs)),
    mentions,
    indicators: indicatorsOf(mentions),
    masked,
    warnings,
    extractorVersion: EXTRACTOR_VERSION,
  };
}
