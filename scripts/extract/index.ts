// Stage 4: quantity mentions and masked values, in the cleaned text of one report.
// fold → find numbers with units (candidates.ts) → label, qualifier, kind, asOf → indicator
// mapping (mapping.ts). Pure: the same text and outline give the same mentions.
import type { Mention, MaskedValue, Section } from "../../src/lib/schema";
import { sectionAt } from "../pipeline/outline";
import { findCandidates } from "./candidates";
import { foldWidth } from "./fold";
import { asOfIn, kindOf } from "./kind";
import { labelParts } from "./labels";
import { findMasked } from "./masks";
import { mapIndicators, type MappingInput } from "./mapping";
import { qualifierAfter, qualifierBefore } from "./qualifiers";
import { baseUnit } from "./units";
import { charTable } from "./chars";

export { EXTRACTOR_VERSION } from "./version";

export interface ExtractInput {
  /** The cleaned text of the report; every offset returned refers to it. */
  text: string;
  /** Its outline, offsets in the same text. */
  sections: readonly Section[];
}

export interface ExtractOutput {
  mentions: Mention[];
  masked: MaskedValue[];
}

/** The multipliers a unit may start with (万人, 亿元, 千克): cut off for the base unit. */
const MULTIPLIER_START = charTable("万亿千");

/** Float noise off: 19.78 × 10000 → 197800, not 197799.99999999997. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

export function extract(input: ExtractInput): ExtractOutput {
  const { text, sections } = input;
  const f = foldWidth(text);
  const mentions: Mention[] = [];
  // (Built here by push, not by mentions.map: an array from map can have another elements kind
  // from report to report, and mapIndicators' optimised code was thrown away at each new one.)
  const items: MappingInput[] = [];
  for (const c of findCandidates(f, text)) {
    const parts = labelParts(text, f, c.start, c.unitEnd);
    const q = qualifierBefore(f.slice(Math.max(0, c.start - 4), c.start)) ?? qualifierAfter(c.inner, f.slice(c.unitEnd, c.unitEnd + 4));
    const section = sectionAt(sections, c.start);
    const sentence = f.slice(parts.sentenceStart, c.start);
    const paraEnd = f.indexOf("\n", c.unitEnd);
    const kind = kindOf({
      section,
      sentence,
      clause: f.slice(parts.clauseStart, c.start),
      after: f.slice(c.unitEnd, parts.afterEnd),
      unit: c.unit,
      qualifier: q?.qualifier ?? null,
      paragraphAfter: f.slice(c.unitEnd, paraEnd < 0 ? f.length : paraEnd),
    });
    const quoteStart = Math.min(parts.labelStart, c.start);
    const quoteEnd = Math.max(c.unitEnd, parts.labelStart === c.unitEnd ? c.unitEnd + parts.label.length : c.unitEnd);
    const unitBase = c.unit === null ? null : MULTIPLIER_START[c.unit.charCodeAt(0)] ? c.unit.slice(1) : c.unit;
    const mention: Mention = {
      label: parts.label,
      value: c.value,
      raw: text.slice(c.start, c.end),
      unit: c.unit === null ? null : text.slice(c.end, c.unitEnd).replace(/[\s余多]+/g, "") || c.unit,
      normalizedValue: round(c.value * c.multiplier),
      normalizedUnit: c.impliedUnit ?? baseUnit(c.multiplier === 1 ? c.unit : unitBase),
      qualifier: q?.qualifier ?? null,
      qualifierText: q?.text ?? null,
      kind,
      asOf: asOfIn(sentence),
      section: section?.id ?? null,
      quote: text.slice(quoteStart, quoteEnd),
      quoteStart,
      start: c.start,
      end: c.end,
      indicator: null,
    };
    mentions.push(mention);
    items.push({ mention, unitEnd: c.unitEnd, clauseStart: parts.clauseStart, sentenceStart: parts.sentenceStart });
  }
  mapIndicators(f, items);
  return { mentions, masked: findMasked(text, f) };
}
