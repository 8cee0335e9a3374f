// The indicator catalogue (content/catalogue.json, owned by extraction) as the site needs it:
// names, units, topics and whether values can be compared across regions. Indicators found in
// entries but missing from the catalogue get a stub named by their label, so pages never break.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ReportListing } from "./schema";
import { CATALOGUE, ROOT } from "./paths";
import { topicLabel } from "./topics";

export interface Indicator {
  id: string;
  zh: string;
  unit: string | null;
  /** count | rate | ratio | money | … : counts are the ones normalised by population. */
  kind: string;
  /** Chinese topic label (疫情防控, 医疗资源 …). */
  topic: string;
  comparable: string | null;
  synonyms: string[];
}

interface RawIndicator {
  id?: unknown;
  zh?: unknown;
  name?: unknown;
  unit?: unknown;
  kind?: unknown;
  topic?: unknown;
  group?: unknown;
  comparable?: unknown;
  synonyms?: unknown;
}

const str = (v: unknown): string | null => (typeof v === "string" && v.trim() ? v : null);

/** The catalogue file: content/catalogue.json, else the proposal in ../shared/gold (development). */
export function cataloguePath(): string | null {
  const candidates = [process.env.CATALOGUE_PATH, CATALOGUE, resolve(ROOT, "../shared/gold/catalogue.json")];
  for (const c of candidates) if (c && existsSync(c)) return c;
  return null;
}

export function parseCatalogue(json: unknown): Indicator[] {
  const list = Array.isArray(json) ? json : json && typeof json === "object" && Array.isArray((json as { indicators?: unknown }).indicators) ? (json as { indicators: unknown[] }).indicators : [];
  const out: Indicator[] = [];
  for (const item of list as RawIndicator[]) {
    const id = str(item?.id);
    if (!id) continue;
    out.push({
      id,
      zh: str(item.zh) ?? str(item.name) ?? id,
      unit: str(item.unit),
      kind: str(item.kind) ?? "count",
      topic: topicLabel(str(item.topic) ?? str(item.group)),
      comparable: str(item.comparable),
      synonyms: Array.isArray(item.synonyms) ? item.synonyms.filter((s): s is string => typeof s === "string") : [],
    });
  }
  return out;
}

let cached: Indicator[] | null = null;
export function loadCatalogue(): Indicator[] {
  if (cached) return cached;
  const path = cataloguePath();
  cached = path ? parseCatalogue(JSON.parse(readFileSync(path, "utf8"))) : [];
  return cached;
}

/** Catalogue indicators plus stubs for ids that entries use but the catalogue lacks. */
export function indicatorIndex(entries: readonly ReportListing[], catalogue: readonly Indicator[] = loadCatalogue()): Map<string, Indicator> {
  const index = new Map(catalogue.map((i) => [i.id, i]));
  for (const e of entries) {
    for (const v of e.indicators) {
      if (index.has(v.id)) continue;
      index.set(v.id, { id: v.id, zh: v.label || v.id, unit: v.normalizedUnit ?? v.unit, kind: v.normalizedUnit === "%" ? "rate" : "count", topic: topicLabel(null), comparable: null, synonyms: [] });
    }
  }
  return index;
}
