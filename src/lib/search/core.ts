// Exact-substring search over an index of characters, character pairs and common short terms.
// Pure functions, no I/O. The browser client and the index builder share the key and list
// formats here; indexLines (a whole index in memory) serves the tests.
//
// Index (docs/search.md): the searchable text of every report (text.ts) is folded to code points.
// Keys never contain a space or a line break, so a match never spans either.
// - every character → its count per report;
// - every pair of adjacent characters → its positions per report;
// - every term of GRAM_MIN…GRAM_MAX characters whose covering pairs (coverOffsets) have more than
//   `bound` positions in the corpus together → its count per report ("gram" keys).
// A term of n characters occurs at position p exactly when the pairs at offsets 0, 2, 4, …, n−2
// occur at p, p+2, …, p+n−2, because those pairs cover every character. So a term of 3–6
// characters is answered either from its own count list (when its pairs are common) or from the
// positions of its pairs (at most `bound` positions, by construction) — never more. Any set of
// pairs that covers every character is as exact, so a longer term reads the cover whose pairs have
// the fewest positions (cheapestCover): in 基本公共卫生服务项目 the rare seams 共卫, 生服, 务项 instead of
// the very common 卫生 and 服务.
import { fold, isSpace } from "./text";

export const GRAM_MIN = 3;
export const GRAM_MAX = 6;
/**
 * The longest "phrase" key: a term of GRAM_MAX+1…PHRASE_MAX characters that the index builder
 * picked to be a key of its own (scripts/search-grams.ts findLoosePhrases), with a count list.
 */
export const PHRASE_MAX = 16;

/** Count list: [docΔ·2 + inHead, count, …], docΔ from the previous report of the list (the first from 0). */
export type CountList = number[];
/** Positions of a pair: [docΔ, n, h, Δpos×n, …]; the first h of the n positions are in the title/region lines. */
export type PosList = number[];
/** An inline list, where it sits in a pack file ("<pack>:<offset>:<length>", shard.ts), or 0 when the key has no such list. */
export type ListRef = number[] | string | 0;
/** A key's entry in a shard: [occurrences in the corpus, count list, positions]. */
export type Entry = [number, ListRef, ListRef];
export type Shard = Record<string, Entry>;

/** Joins the lines into the folded code points of the searchable text (lines separated by "\n"). */
export function foldedText(lines: readonly string[]): string[] {
  return fold(lines.join("\n"));
}

/** Where the title and region lines (the first two of searchLines) end: positions below this are in them. */
export function headEndOf(lines: readonly string[]): number {
  return lines.slice(0, 2).reduce((a, l) => a + [...l].length + 1, 0);
}

/** The same test as isSpace(), on a code point (the index builder works on code points). */
export function isSpaceCode(c: number): boolean {
  return (
    (c >= 9 && c <= 13) || c === 32 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/**
 * fold() as code points, with a fast path for characters that have no lower case (most of the
 * text); the index builder folds every report with it, so it must agree with fold() exactly.
 */
export function foldCodes(text: string): Uint32Array {
  const out = new Uint32Array(text.length);
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if ((cp >= 0x3000 && cp < 0xa000) || (cp < 0x80 && !(cp >= 65 && cp <= 90))) out[n++] = cp;
    else {
      const lower = ch.toLowerCase();
      out[n++] = ([...lower].length === 1 ? lower : ch).codePointAt(0)!;
    }
  }
  return out.slice(0, n);
}

/**
 * The offsets of the pairs that cover every character of a run at the least cost (the sum of
 * `cost(o)` for the pair at offset o; `Infinity` when a pair is unknown), or null when no cover
 * has a finite cost. A cover must hold the pairs at 0 and n−2 and leave no gap of two offsets.
 */
export function cheapestCover(n: number, cost: (offset: number) => number): number[] | null {
  if (n < 2) return null;
  const pairs = n - 1;
  const best = new Array<number>(pairs).fill(Infinity);
  const from = new Array<number>(pairs).fill(-1);
  best[0] = cost(0);
  for (let o = 1; o < pairs; o++) {
    const c = cost(o);
    // The previous chosen pair is o−1 or o−2; further back would leave character o−1 uncovered.
    const prev = o >= 2 && best[o - 2]! < best[o - 1]! ? o - 2 : o - 1;
    best[o] = c + best[prev]!;
    from[o] = prev;
  }
  if (!Number.isFinite(best[pairs - 1]!)) return null;
  const out: number[] = [];
  for (let o = pairs - 1; o >= 0; o = from[o]!) out.push(o);
  return out.reverse();
}

/** Offsets of the pairs that cover a run of n ≥ 2 characters: 0, 2, 4, …, and n-2. */
export function coverOffsets(n: number): number[] {
  const out: number[] = [];
  for (let k = 0; k + 1 < n; k += 2) out.push(k);
  if (n >= 2 && out[out.length - 1] !== n - 2) out.push(n - 2);
  return out;
}
/** coverOffsets(n) for every key length n ≤ GRAM_MAX, computed once. */
export const COVER: readonly (readonly number[])[] = Array.from({ length: GRAM_MAX + 1 }, (_, n) => coverOffsets(n));

/** hashKey (shard.ts) computed code point by code point: fnvCode(…fnvCode(FNV_BASIS, c0)…, cn) = hashKey(key). */
export const FNV_BASIS = 0x811c9dc5;
export function fnvCode(h: number, cp: number): number {
  if (cp < 0x10000) return Math.imul(h ^ cp, 0x01000193) >>> 0;
  const c = cp - 0x10000;
  h = Math.imul(h ^ (0xd800 + (c >> 10)), 0x01000193) >>> 0;
  return Math.imul(h ^ (0xdc00 + (c & 0x3ff)), 0x01000193) >>> 0;
}

/** The key of n characters at position i. */
export function keyOf(cps: ArrayLike<number>, i: number, n: number): string {
  let s = "";
  for (let k = i; k < i + n; k++) s += String.fromCodePoint(cps[k]!);
  return s;
}

/**
 * Visits every key occurrence of one report: `emit(i, n, h)` for the key of n characters starting
 * at position i, whose hash (hashKey) is h — n = 1 a character, n = 2 a pair, n = GRAM_MIN…GRAM_MAX a gram key (only when
 * its covering pairs have more than `bound` positions in the corpus).
 * @param cps folded code points of its searchable text (lines joined by "\n")
 * @param occAt occurrences in the whole corpus of the pair starting at each position (0 where none)
 * @param include only keys whose hash (hashKey) passes are visited (the builder's passes)
 */
export function forEachKey(cps: ArrayLike<number>, occAt: ArrayLike<number>, bound: number, include: (hash: number) => boolean, emit: (i: number, n: number, h: number) => void): void {
  const len = cps.length;
  for (let i = 0; i < len; i++) {
    if (isSpaceCode(cps[i]!)) continue;
    let h = fnvCode(FNV_BASIS, cps[i]!);
    for (let n = 1; n <= GRAM_MAX && i + n <= len; n++) {
      if (n > 1) {
        const c = cps[i + n - 1]!;
        if (isSpaceCode(c)) break;
        h = fnvCode(h, c);
      }
      if (n >= GRAM_MIN) {
        const cover = COVER[n]!;
        let cost = 0;
        for (let k = 0; k < cover.length; k++) cost += occAt[i + cover[k]!]!;
        if (cost <= bound) continue;
      }
      if (include(h)) emit(i, n, h);
    }
  }
}

/** The keys of one report. */
export interface DocKeys {
  /** Characters and gram keys → [count, 1 when in the title/region lines else 0]. */
  counts: Map<string, [number, number]>;
  /** Pairs → ascending positions. */
  pairs: Map<string, number[]>;
}

/** The keys of one report as maps (see forEachKey; positions below headEnd are in the title and region lines). */
export function collectDocKeys(cps: ArrayLike<number>, headEnd: number, occAt: ArrayLike<number>, bound: number, include: (hash: number) => boolean = () => true): DocKeys {
  const counts = new Map<string, [number, number]>();
  const pairs = new Map<string, number[]>();
  forEachKey(cps, occAt, bound, include, (i, n) => {
    const key = keyOf(cps, i, n);
    if (n === 2) {
      let list = pairs.get(key);
      if (!list) pairs.set(key, (list = []));
      list.push(i);
      return;
    }
    const head = i < headEnd ? 1 : 0;
    const c = counts.get(key);
    if (c) {
      c[0]++;
      c[1] |= head;
    } else counts.set(key, [1, head]);
  });
  return { counts, pairs };
}

/** Appends one report to a count list; `last` is the previous report number in the list (−1 for none). */
export function appendCount(target: CountList, last: number, doc: number, count: number, head: number): void {
  target.push((doc - last - 1) * 2 + head, count);
}

/**
 * Appends one report's positions of a pair, positions[from…to) (ascending); h = how many are in
 * the title/region lines.
 */
export function appendPositions(target: PosList, last: number, doc: number, positions: ArrayLike<number>, headEnd: number, from = 0, to = positions.length): void {
  let h = 0;
  while (from + h < to && positions[from + h]! < headEnd) h++;
  target.push(doc - last - 1, to - from, h);
  let prev = 0;
  for (let k = from; k < to; k++) {
    target.push(positions[k]! - prev);
    prev = positions[k]!;
  }
}

export function decodeCounts(list: CountList): { counts: Map<number, number>; heads: Set<number> } {
  const counts = new Map<number, number>();
  const heads = new Set<number>();
  let doc = -1;
  for (let i = 0; i + 1 < list.length; i += 2) {
    const v = list[i]!;
    doc += (v >> 1) + 1;
    counts.set(doc, list[i + 1]!);
    if (v & 1) heads.add(doc);
  }
  return { counts, heads };
}

export function decodePositions(list: PosList): Map<number, { pos: number[]; h: number }> {
  const out = new Map<number, { pos: number[]; h: number }>();
  let doc = -1;
  let i = 0;
  while (i < list.length) {
    doc += list[i++]! + 1;
    const n = list[i++]!;
    const h = list[i++]!;
    const pos = new Array<number>(n);
    let p = 0;
    for (let k = 0; k < n; k++) pos[k] = p += list[i++]!;
    out.set(doc, { pos, h });
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

/** A term split into the runs of non-space characters it is made of, with their offsets. */
export interface TermPlan {
  /** Folded code points of the term. */
  cps: string[];
  runs: { offset: number; cps: string[] }[];
  /** The term itself when it is one run of GRAM_MIN…GRAM_MAX characters (it may be a key of its own). */
  gram: string | null;
  /**
   * The term itself when it is one run of GRAM_MAX+1…PHRASE_MAX characters: the builder makes a
   * few such terms keys (common phrases whose windows are loose bounds). Unlike a gram, a phrase
   * that is no key says nothing: the term is then answered from its pairs.
   */
  phrase: string | null;
  /**
   * The keys to look up first: the gram or the phrase, the covering pairs of each run (every pair of a run
   * longer than GRAM_MAX, so the cheapest cover can be chosen), or the character of a
   * one-character run.
   */
  keys: string[];
  /**
   * For a term that is one run longer than GRAM_MAX: its GRAM_MAX-character windows at offsets
   * 0, GRAM_MAX, 2·GRAM_MAX, … and n−GRAM_MAX. Each occurrence of the term holds every window,
   * so their exact counts bound the term's per report without reading its pairs' positions
   * (the engine's first rows of a common long phrase).
   */
  windows: string[];
}

/** The pairs a run's plan looks up: every pair of a long run, the fixed cover of a short one. */
function pairOffsetsToLookUp(n: number): number[] {
  return n > GRAM_MAX ? Array.from({ length: n - 1 }, (_, o) => o) : coverOffsets(n);
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
  const single = runs.length === 1 ? runs[0]!.cps.length : 0;
  const gram = single >= GRAM_MIN && single <= GRAM_MAX ? runs[0]!.cps.join("") : null;
  const phrase = single > GRAM_MAX && single <= PHRASE_MAX ? runs[0]!.cps.join("") : null;
  const keys = new Set<string>(gram ? [gram] : phrase ? [phrase] : []);
  for (const run of runs) {
    if (run.cps.length === 1) keys.add(run.cps[0]!);
    else for (const k of pairOffsetsToLookUp(run.cps.length)) keys.add(run.cps[k]! + run.cps[k + 1]!);
  }
  return { cps, runs, gram, phrase, keys: [...keys], windows: runs.length === 1 ? windowsOf(runs[0]!.cps) : [] };
}

/** The keys whose shards a term reads: its plan's keys, and its windows when it is a long run. */
export function shardKeysOf(term: string): string[] {
  const plan = planTerm(term);
  return [...plan.keys, ...plan.windows];
}

/** The GRAM_MAX-character windows that cover a run longer than GRAM_MAX (none for a shorter one). */
function windowsOf(cps: readonly string[]): string[] {
  const n = cps.length;
  if (n <= GRAM_MAX) return [];
  const offsets: number[] = [];
  for (let o = 0; o + GRAM_MAX < n; o += GRAM_MAX) offsets.push(o);
  offsets.push(n - GRAM_MAX);
  return [...new Set(offsets.map((o) => cps.slice(o, o + GRAM_MAX).join("")))];
}

/** Looks up a key's entry in the loaded shards. */
export type Lookup = (key: string) => Entry | undefined;

/** How a term is answered, once the entries of its keys (planTerm().keys) are known. */
export type Choice =
  | { kind: "none" }
  /** One key's count list is the answer (a character, a pair with a count list, a gram key). */
  | { kind: "counts"; list: ListRef }
  /**
   * Positions: every run of two or more characters from the positions of the pairs that cover it
   * (`pairs`: their offsets in the run; the first is 0), every
   * one-character run from its character's counts; `verify` when the index cannot decide alone
   * (a phrase with spaces), so candidates are checked on their text.
   */
  | { kind: "positions"; runs: { offset: number; pairs: number[]; lists: ListRef[] }[]; singles: ListRef[]; verify: boolean; cost: number };

/** Decides how to answer a term from the entries of its keys; exact, and within `bound` positions for a term of 3–6 characters. */
export function chooseLists(plan: TermPlan, lookup: Lookup, bound: number): Choice {
  const { runs } = plan;
  const none = { kind: "none" } as const;
  if (runs.length === 0) return none;
  if (runs.length === 1 && runs[0]!.cps.length <= 2) {
    const e = lookup(runs[0]!.cps.join(""));
    if (!e) return none;
    if (e[1] !== 0) return { kind: "counts", list: e[1] };
    return { kind: "positions", runs: [{ offset: 0, pairs: [0], lists: [e[2]] }], singles: [], verify: false, cost: e[0] };
  }
  if (plan.gram) {
    const g = lookup(plan.gram);
    if (g) return { kind: "counts", list: g[1] };
    // Not a key: either absent or its pairs are rare enough to intersect.
    const cps = runs[0]!.cps;
    let cost = 0;
    for (const o of coverOffsets(cps.length)) {
      const e = lookup(cps[o]! + cps[o + 1]!);
      if (!e) return none;
      cost += e[0];
    }
    if (cost > bound) return none;
  }
  if (plan.phrase) {
    const p = lookup(plan.phrase);
    if (p) return { kind: "counts", list: p[1] };
  }
  const out: { offset: number; pairs: number[]; lists: ListRef[] }[] = [];
  const singles: ListRef[] = [];
  // The positions read: the pairs' occurrences in the corpus.
  let cost = 0;
  for (const run of runs) {
    const n = run.cps.length;
    if (n === 1) {
      const e = lookup(run.cps[0]!);
      if (!e) return none;
      singles.push(e[1]);
      continue;
    }
    const pair = (o: number) => lookup(run.cps[o]! + run.cps[o + 1]!);
    const pairs = n > GRAM_MAX ? cheapestCover(n, (o) => pair(o)?.[0] ?? Infinity) : coverOffsets(n);
    if (!pairs) return none;
    const lists: ListRef[] = [];
    for (const o of pairs) {
      const e = pair(o);
      if (!e) return none;
      lists.push(e[2]);
      cost += e[0];
    }
    out.push({ offset: run.offset, pairs, lists });
  }
  return { kind: "positions", runs: out, singles, verify: runs.length > 1, cost };
}

/** The pack references of the lists a choice needs (those not inline in their shard). */
export function packedRefsOf(choice: Choice): string[] {
  const refs: ListRef[] = choice.kind === "counts" ? [choice.list] : choice.kind === "positions" ? [...choice.runs.flatMap((r) => r.lists), ...choice.singles] : [];
  return [...new Set(refs.filter((r): r is string => typeof r === "string"))];
}

export interface TermMatch {
  /** doc → number of occurrences (exact). */
  counts: Map<number, number>;
  /** Docs where the term occurs in the title or region line. */
  heads: Set<number>;
  /**
   * Docs that contain every run but whose exact match cannot be decided from the index alone
   * (a phrase with spaces inside); the caller verifies them on the text.
   */
  unverified: Set<number>;
}

/** Materialises a list: inline, or loaded from its pack. */
export type ListLoader = (ref: string) => number[];

function positionsOfRun(runLists: number[][], offsets: number[]): Map<number, { hits: number[]; head: boolean }> {
  const lists = runLists.map((l) => decodePositions(l));
  const out = new Map<number, { hits: number[]; head: boolean }>();
  for (const [doc, first] of lists[0]!) {
    const others: Set<number>[] = [];
    let missing = false;
    for (let i = 1; i < lists.length; i++) {
      const e = lists[i]!.get(doc);
      if (!e) {
        missing = true;
        break;
      }
      others.push(new Set(e.pos));
    }
    if (missing) continue;
    const hits: number[] = [];
    let head = false;
    first.pos.forEach((p, idx) => {
      for (let i = 1; i < offsets.length; i++) if (!others[i - 1]!.has(p + offsets[i]!)) return;
      hits.push(p);
      if (idx < first.h) head = true;
    });
    if (hits.length) out.set(doc, { hits, head });
  }
  return out;
}

/** Exact matches of one term, from the lists its choice (chooseLists) names. */
export function matchTerm(choice: Choice, load: ListLoader): TermMatch {
  const counts = new Map<number, number>();
  const heads = new Set<number>();
  const unverified = new Set<number>();
  const get = (r: ListRef): number[] => (r === 0 ? [] : typeof r === "string" ? load(r) : r);
  if (choice.kind === "none") return { counts, heads, unverified };
  if (choice.kind === "counts") {
    const d = decodeCounts(get(choice.list));
    return { counts: d.counts, heads: d.heads, unverified };
  }
  const singleDocs = choice.singles.map((l) => decodeCounts(get(l)).counts);
  // choice.runs holds the term's runs of two or more characters.
  if (choice.runs.length === 0) {
    // Only one-character runs separated by spaces: candidates contain all of them.
    const [firstDocs, ...rest] = singleDocs;
    for (const doc of firstDocs!.keys()) if (rest.every((m) => m.has(doc))) unverified.add(doc);
    return { counts, heads, unverified };
  }
  const runPositions = choice.runs.map((r) => positionsOfRun(r.lists.map(get), r.pairs));
  const anchor = choice.runs[0]!;
  for (const [doc, first] of runPositions[0]!) {
    if (!singleDocs.every((m) => m.has(doc))) continue;
    let n = 0;
    for (const p0 of first.hits) {
      const base = p0 - anchor.offset;
      let ok = true;
      for (let i = 1; i < choice.runs.length; i++) {
        const pos = runPositions[i]!.get(doc);
        if (!pos || !pos.hits.includes(base + choice.runs[i]!.offset)) {
          ok = false;
          break;
        }
      }
      if (ok) n++;
    }
    if (n === 0) continue;
    if (choice.verify) unverified.add(doc);
    else {
      counts.set(doc, n);
      if (first.head) heads.add(doc);
    }
  }
  return { counts, heads, unverified };
}

/** An in-memory index of a few reports with every list inline (tests and small tools). */
export function indexLines(docs: readonly (readonly string[])[], bound: number): Shard {
  // Folded as the index builder folds.
  const texts = docs.map((lines) => ({ cps: foldCodes(lines.join("\n")), headEnd: headEndOf(lines) }));
  const occ = new Map<string, number>();
  const pairAt = (cps: Uint32Array, i: number) => (i + 1 < cps.length && !isSpaceCode(cps[i]!) && !isSpaceCode(cps[i + 1]!) ? String.fromCodePoint(cps[i]!, cps[i + 1]!) : null);
  for (const { cps } of texts)
    for (let i = 0; i < cps.length; i++) {
      const k = pairAt(cps, i);
      if (k) occ.set(k, (occ.get(k) ?? 0) + 1);
    }
  const index: Shard = Object.create(null);
  const last = new Map<string, number>();
  texts.forEach(({ cps, headEnd }, doc) => {
    const occAt = cps.map((_, i) => occ.get(pairAt(cps, i) ?? "") ?? 0);
    const { counts, pairs } = collectDocKeys(cps, headEnd, occAt, bound);
    for (const [k, [n, head]] of counts) {
      const e = (index[k] ??= [0, [], 0]);
      e[0] += n;
      appendCount(e[1] as number[], last.get(k) ?? -1, doc, n, head);
      last.set(k, doc);
    }
    for (const [k, pos] of pairs) {
      const e = (index[k] ??= [0, 0, []]);
      e[0] += pos.length;
      appendPositions(e[2] as number[], last.get(k) ?? -1, doc, pos, headEnd);
      last.set(k, doc);
    }
  });
  return index;
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
