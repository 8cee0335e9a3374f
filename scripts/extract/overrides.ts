// Curator overrides: correct or drop an extracted value without touching the extractor.
// Keyed by report id plus either an indicator id or the mention's start offset in the original
// text, so they survive re-extraction as long as the source file does not change.
import type { Mention } from "../../src/lib/schema";

export interface Override {
  /** Report id, as in content entries. */
  report: string;
  /** Select by canonical indicator (the defining mention) … */
  indicator?: string;
  /** … or by the number's start offset in the original text. */
  start?: number;
  /** drop: remove the mention; set: replace fields. */
  action: "drop" | "set";
  set?: Partial<Pick<Mention, "value" | "normalizedValue" | "unit" | "normalizedUnit" | "kind" | "label" | "indicator" | "qualifier">>;
  /** Why, shown on the site next to the value. */
  note: string;
}

export interface OverridesFile {
  overrides: Override[];
}

/** What an override selects, as warnings and the build summary name it: its indicator, or `start N`. */
export function overrideSelector(o: Pick<Override, "indicator" | "start">): string {
  return o.indicator ?? `start ${o.start}`;
}

/** The warning an entry carries for an override that matched nothing in it (ingest looks for it there). */
export function unmatchedOverrideWarning(o: Override): string {
  return `override matches nothing (${overrideSelector(o)}): ${o.note}`;
}

function selects(o: Override, m: Mention): boolean {
  if (o.start !== undefined) return m.start === o.start;
  if (o.indicator !== undefined) return m.indicator === o.indicator;
  return false;
}

/**
 * Applies the overrides for one report. Matched mentions get `override` set to the note; an
 * override that matches nothing is returned in `unused`, so ingest can warn that the source
 * or the extractor moved under it.
 */
export function applyOverrides(
  reportId: string,
  mentions: readonly Mention[],
  overrides: readonly Override[] | OverridesFile,
): { mentions: Mention[]; unused: Override[] } {
  const list = (Array.isArray(overrides) ? overrides : (overrides as OverridesFile).overrides).filter((o) => o.report === reportId);
  const used = new Set<Override>();
  const out: Mention[] = [];
  for (const m of mentions) {
    let cur: Mention | null = m;
    for (const o of list) {
      if (!cur || !selects(o, cur)) continue;
      used.add(o);
      cur = o.action === "drop" ? null : { ...cur, ...o.set, override: o.note };
    }
    if (cur) out.push(cur);
  }
  return { mentions: out, unused: list.filter((o) => !used.has(o)) };
}
