// Report ids (stage 6's naming rule) in a module of their own: ingest's main thread needs them
// without loading the schema, zod and the catalogue that entry.ts brings (~60 ms of a rebuild).
import type { AnalysedReport } from "./report";

/** The id a report asks for before collisions are resolved. */
export function baseId(r: AnalysedReport): string {
  const { region, year, period } = r.meta;
  const when = [year ?? "nd", period ?? "nd"].join("-");
  if (region) return `${region.gbCode}-${when}`;
  // No region: the content hash keeps the id stable and unique without guessing a place.
  return `unknown-${when}-${r.sha256.slice(0, 8)}`;
}

/** Gives every report a unique id: the first (in the given order) keeps the base id, later ones get -2, -3 … */
export function assignIds(bases: readonly string[]): string[] {
  const seen = new Map<string, number>();
  const taken = new Set(bases);
  return bases.map((base) => {
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    if (n === 1) return base;
    let k = n;
    while (taken.has(`${base}-${k}`)) k++;
    const id = `${base}-${k}`;
    taken.add(id);
    return id;
  });
}
