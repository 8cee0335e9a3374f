// The plain, obviously-correct answer a search must match: substring search of each report's
// searchable lines (what its page shows), case-folded like the index. Used by the tests and the
// evaluation; never by the page.
import { fold } from "./text";
import { countIn, parseQuery } from "./core";
import { mulberry32 } from "../random";

export interface ReferenceDoc {
  id: string;
  lines: string[];
}

/** Folded lines per report, computed once (the evaluation queries 10,000 reports hundreds of times). */
const folded = new WeakMap<ReferenceDoc, string[][]>();

/** Ids of the reports that contain every term of the query, with their occurrence counts. */
export function referenceSearch(docs: readonly ReferenceDoc[], query: string, t2s: Record<string, string> = {}): Map<string, number> {
  const { terms } = parseQuery(query);
  const out = new Map<string, number>();
  if (!terms.length) return out;
  const variants = terms.map((t) => [...new Set([t, [...t].map((c) => t2s[c] ?? c).join("")])].map((v) => fold(v)));
  for (const doc of docs) {
    let lines = folded.get(doc);
    if (!lines) folded.set(doc, (lines = doc.lines.map((l) => fold(l))));
    let total = 0;
    let all = true;
    for (const vs of variants) {
      let n = 0;
      for (const v of vs) for (const line of lines) n += countIn(line, v);
      if (n === 0) {
        all = false;
        break;
      }
      total += n;
    }
    if (all) out.set(doc.id, total);
  }
  return out;
}

/** A small seeded random generator, so query sets are reproducible. */
export const seededRandom = mulberry32;

/** A random substring of 1…maxLen characters from one line of the given texts, without spaces. */
export function randomSubstring(texts: readonly string[][], rand: () => number, minLen = 1, maxLen = 6): string {
  for (;;) {
    const lines = texts[Math.floor(rand() * texts.length)]!;
    const line = [...lines[Math.floor(rand() * lines.length)]!];
    const len = minLen + Math.floor(rand() * (maxLen - minLen + 1));
    if (line.length < len) continue;
    const start = Math.floor(rand() * (line.length - len + 1));
    const s = line.slice(start, start + len).join("");
    if (/\s|["“”]/u.test(s)) continue;
    return s;
  }
}
