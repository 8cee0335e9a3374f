// Stage 5: canonical indicators — the mentions that define a catalogue indicator. (Issue 3.)
import type { IndicatorValue, Mention } from "../../src/lib/schema";

export function indicatorsOf(mentions: readonly Mention[]): IndicatorValue[] {
  return mentions
    .filter((m): m is Mention & { indicator: string } => m.indicator !== null)
    .map(({ indicator, raw: _raw, ...m }) => ({ id: indicator, ...m }));
}
