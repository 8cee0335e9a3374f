// Position maps between the cleaned body (what the site shows) and the original decoded text
// (what every offset in an entry refers to). A map is a list of runs of identical text.
import type { OffsetRun } from "./schema";

/** Original index for a cleaned index. Positions inside removed text map to the run's edge. */
export function toOriginal(runs: readonly OffsetRun[], cleanIndex: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]![0] <= cleanIndex) lo = mid;
    else hi = mid - 1;
  }
  const run = runs[lo];
  if (!run) return cleanIndex;
  const [cleanStart, origStart, length] = run;
  return origStart + Math.min(Math.max(cleanIndex - cleanStart, 0), length);
}

/** Cleaned index for an original index; text removed by cleaning maps to where it was cut. */
export function toCleaned(runs: readonly OffsetRun[], originalIndex: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]![1] <= originalIndex) lo = mid;
    else hi = mid - 1;
  }
  const run = runs[lo];
  if (!run) return originalIndex;
  const [cleanStart, origStart, length] = run;
  return cleanStart + Math.min(Math.max(originalIndex - origStart, 0), length);
}
