// Exact-substring search over a positional character-pair index. Pure functions, no I/O: the
// browser client, the index builder, the evaluation and the tests all use these.
//
// Index: for every report, the searchable text (text.ts) is folded to code points; every pair of
// adjacent non-space characters within a line is a key with the list of its positions; every
// single non-space character is a key with its count. A term of n ≥ 3 characters occurs at
// position p exactly when the pairs at offsets 0, 2, 4, …, n-2 occur at p, p+2, p+4, …, p+n-2,
// because those pairs cover every character of the term. Pairs never span a line break or a
// space, so a match never does either.
import { fold, isSpace } from "./text";

/** Postings of one key in one shard: [doc, count, …] for characters, [doc, n, Δpos×n, …] for pairs. */
export type Postings = number[];
export type Shard = Record<string, Postings>;

/** Joins the lines into the folded code points of the searchable text (lines separated by "\n"). */
export function foldedText(lines: readonly string[]): string[] {
  return fold(lines.join("\n"));
}

/** Keys of one document: character → count, pair → ascending positions. */
export function documentKeys(cps: readonly string[]): { chars: Map<string, number>; pairs: Map<string, number[]> } {
  const chars = new Map<string, number>();
  const pairs = new Map<string, number[]>();
  for (let i = 0; i < cps.length; i++) {
    const a = cps[i]!;
    if (isSpace(a)) continue;
    chars.set(a, (chars.get(a) ?? 0) + 1);
    const b = cps[i + 1];
    if (b === undefined || isSpace(b)) continue;
    const key = a + b;
    let list = pairs.get(key);
    if (!list) pairs.set(key, (list = []));
    list.push(i);
  }
  return { chars, pairs };
}

export function appendCharPosting(target: Postings, doc: number, count: number): void {
  target.push(doc, count);
}

export function appendPairPosting(target: Postings, doc: number, positions: readonly number[]): void {
  target.push(doc, positions.length);
  let prev = 0;
  for (const p of positions) {
    target.push(p - prev);
    prev = p;
  }
}

export function decodeCharPostings(list: Postings | undefined): Map<number, number> {
  const out = new Map<number, number>();
  if (!list) return out;
  for (let i = 0; i + 1 < list.length; i += 2) out.set(list[i]!, list[i + 1]!);
  return out;
}

export function decodePairPostings(list: Postings | undefined): Map<number, number[]> {
  const out = new Map<number, number[]>();
  if (!list) return out;
  let i = 0;
  while (i < list.length) {
    const doc = list[i++]!;
    const n = list[i++]!;
    const positions = new Array<number>(n);
    let p = 0;
    for (let k = 0; k < n; k++) positions[k] = p += list[i++]!;
    out.set(doc, positions);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Queries

export interface ParsedQuery {
  /** Every term must occur (AND). A quoted phrase is one term, spaces included. */
  terms: string[];
}

/** Splits a query: "quoted phrases" stay whole, everything else splits on whitespace. */
export function parseQuery(q: string): ParsedQuery {
  const terms: string[] = [];
  const re = /[“"]([^”"]*)[”"]?|(\S+)/gu;
  for (const m of q.matchAll(re)) {
    const phrase = m[1];
    const word = m[2];
    if (phrase !== undefined) {
      const t = phrase.trim();
      if (t) terms.push(t);
    } else if (word) {
      // A stray quote mark inside a word is not part of the text users look for.
      const t = word.replace(/[“”"]/gu, "");
      if (t) terms.push(t);
    }
  }
  // Duplicates change nothing (AND); keep the first.
  return { terms: [...new Set(terms)] };
}

/** Offsets of the pairs that cover a run of n ≥ 2 characters: 0, 2, 4, …, and n-2. */
export function coverOffsets(n: number): number[] {
  const out: number[] = [];
  for (let k = 0; k + 1 < n; k += 2) out.push(k);
  if (n >= 2 && out[out.length - 1] !== n - 2) out.push(n - 2);
  return out;
}

/** A term split into the runs of non-space characters it is made of, with their offsets. */
export interface TermPlan {
  /** Folded code points of the term. */
  cps: string[];
  runs: { offset: number; cps: string[] }[];
  /** The keys to look up (characters for one-character runs, pairs otherwise). */
  keys: string[];
}

export function planTerm(term: string): TermPlan {
  const cps = fold(term);
  const runs: TermPlan["runs"] = [];
  for (let i = 0; i < cps.length; ) {
    if (isSpace(cps[i]!)) {
      i++;
      continue;
    }
    let j = i;
    while (j < cps.length && !isSpace(cps[j]!)) j++;
    runs.push({ offset: i, cps: cps.slice(i, j) });
    i = j;
  }
  const keys = new Set<string>();
  for (const run of runs) {
    if (run.cps.length === 1) keys.add(run.cps[0]!);
    else for (const k of coverOffsets(run.cps.length)) keys.add(run.cps[k]! + run.cps[k + 1]!);
  }
  return { cps, runs, keys: [...keys] };
}

export interface TermMatch {
  /** doc → number of occurrences (exact). */
  counts: Map<number, number>;
  /**
   * Docs that contain every run but whose exact match cannot be decided from the index alone
   * (a phrase with a space next to a one-character run); the caller verifies them on the text.
   */
  unverified: Set<number>;
}

/** Looks up a postings list by key in the loaded shards. */
export type Lookup = (key: string) => Postings | undefined;

function positionsOfRun(run: { cps: string[] }, lookup: Lookup): Map<number, number[]> {
  const offsets = coverOffsets(run.cps.length);
  const lists = offsets.map((k) => decodePairPostings(lookup(run.cps[k]! + run.cps[k + 1]!)));
  const out = new Map<number, number[]>();
  const first = lists[0]!;
  // Start from the rarest list: fewest documents to check.
  for (const [doc, starts] of first) {
    const others: Set<number>[] = [];
    let missing = false;
    for (let i = 1; i < lists.length; i++) {
      const pos = lists[i]!.get(doc);
      if (!pos) {
        missing = true;
        break;
      }
      others.push(new Set(pos));
    }
    if (missing) continue;
    const hits: number[] = [];
    for (const p of starts) {
      let ok = true;
      for (let i = 1; i < offsets.length; i++) {
        if (!others[i - 1]!.has(p + offsets[i]!)) {
          ok = false;
          break;
        }
      }
      if (ok) hits.push(p);
    }
    if (hits.length) out.set(doc, hits);
  }
  return out;
}

/** Exact matches of one term in the index. */
export function matchTerm(plan: TermPlan, lookup: Lookup): TermMatch {
  const counts = new Map<number, number>();
  const unverified = new Set<number>();
  const { runs } = plan;
  if (runs.length === 0) return { counts, unverified };
  if (runs.length === 1 && runs[0]!.cps.length === 1) {
    for (const [doc, n] of decodeCharPostings(lookup(runs[0]!.cps[0]!))) counts.set(doc, n);
    return { counts, unverified };
  }
  // A phrase with spaces inside: runs of two or more characters must sit at their offsets;
  // one-character runs only narrow the candidates and leave the doc to verification.
  const long = runs.filter((r) => r.cps.length >= 2);
  const single = runs.filter((r) => r.cps.length === 1);
  const singleDocs = single.map((r) => decodeCharPostings(lookup(r.cps[0]!)));
  if (long.length === 0) {
    // Only one-character runs separated by spaces: candidates contain all of them.
    const [firstDocs, ...rest] = singleDocs;
    for (const doc of firstDocs!.keys()) if (rest.every((m) => m.has(doc))) unverified.add(doc);
    return { counts, unverified };
  }
  const anchor = long[0]!;
  const runPositions = long.map((r) => positionsOfRun(r, lookup));
  for (const [doc, starts] of runPositions[0]!) {
    if (!singleDocs.every((m) => m.has(doc))) continue;
    let n = 0;
    for (const p0 of starts) {
      const base = p0 - anchor.offset;
      let ok = true;
      for (let i = 1; i < long.length; i++) {
        const pos = runPositions[i]!.get(doc);
        if (!pos || !pos.includes(base + long[i]!.offset)) {
          ok = false;
          break;
        }
      }
      if (ok) n++;
    }
    if (n === 0) continue;
    if (single.length > 0 || runs.length > 1) unverified.add(doc);
    else counts.set(doc, n);
  }
  return { counts, unverified };
}

/** Occurrences of a term in a text (non-overlapping is not what Ctrl-F counts: overlapping). */
export function countIn(textCps: readonly string[], termCps: readonly string[]): number {
  if (termCps.length === 0) return 0;
  let n = 0;
  outer: for (let i = 0; i + termCps.length <= textCps.length; i++) {
    for (let k = 0; k < termCps.length; k++) if (textCps[i + k] !== termCps[k]) continue outer;
    n++;
  }
  return n;
}

/** Position (in code points) of the first occurrence of the term in the text, or -1. */
export function firstIndex(textCps: readonly string[], termCps: readonly string[], from = 0): number {
  outer: for (let i = from; i + termCps.length <= textCps.length; i++) {
    for (let k = 0; k < termCps.length; k++) if (textCps[i + k] !== termCps[k]) continue outer;
    return i;
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Excerpts and links

export interface Excerpt {
  before: string;
  match: string;
  after: string;
  /** Text before and after the match in its line, for a precise text fragment. */
  prefix: string;
  suffix: string;
}

/**
 * About `width` characters around the match at code point `start` (length `len`), within its line
 * when the line is long enough, marked with "…" where cut.
 */
export function excerptAt(textCps: readonly string[], start: number, len: number, width = 100): Excerpt {
  let lineStart = start;
  while (lineStart > 0 && textCps[lineStart - 1] !== "\n") lineStart--;
  let lineEnd = start + len;
  while (lineEnd < textCps.length && textCps[lineEnd] !== "\n") lineEnd++;
  const room = Math.max(0, width - len);
  let from = Math.max(lineStart, start - Math.floor(room / 3));
  let to = Math.min(lineEnd, from + len + room);
  from = Math.max(lineStart, Math.min(from, to - len - room));
  // Short line: fill from the neighbouring lines so the excerpt is still 80–120 characters.
  if (to - from < width) {
    from = Math.max(0, start - Math.floor((width - len) / 3));
    to = Math.min(textCps.length, from + width);
    from = Math.max(0, Math.min(from, to - width));
  }
  const join = (a: number, b: number) => textCps.slice(a, b).join("").replace(/\n/g, " ");
  return {
    before: (from > 0 ? "…" : "") + join(from, start),
    match: textCps.slice(start, start + len).join(""),
    after: join(start + len, to) + (to < textCps.length ? "…" : ""),
    prefix: textCps.slice(Math.max(lineStart, start - 8), start).join(""),
    suffix: textCps.slice(start + len, Math.min(lineEnd, start + len + 8)).join(""),
  };
}

function fragmentPart(s: string): string {
  return encodeURIComponent(s).replace(/-/g, "%2D").replace(/,/g, "%2C").replace(/&/g, "%26");
}

/** A text fragment (#:~:text=) that makes the browser scroll to and highlight the match. */
export function textFragment(match: string, prefix = "", suffix = ""): string {
  const parts: string[] = [];
  if (prefix) parts.push(fragmentPart(prefix) + "-");
  parts.push(fragmentPart(match));
  if (suffix) parts.push("-" + fragmentPart(suffix));
  return `#:~:text=${parts.join(",")}`;
}
