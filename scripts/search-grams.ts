// The gram keys of the search index (src/lib/search/core.ts): every term of GRAM_MIN…GRAM_MAX
// characters whose covering pairs have more than `bound` positions in the corpus, and the phrase
// keys picked by findLoosePhrases (GRAM_MAX+1…PHRASE_MAX characters), with their counts per
// report. Used by scripts/search-index.ts.
//
// At 10,000 reports there are ~1.4 million such keys and ~160 million occurrences, so keys live in
// typed arrays: an open-addressing table finds a key by its hash (hashKey, computed character by
// character) and tells keys that share a hash apart by the characters of their first occurrence;
// each report's counts are gathered per key, then sorted by key (a counting sort), so every key's
// reports come out in report order without a growing list per key.
import { appendCount, fnvCode, isSpaceCode, keyOf, COVER, FNV_BASIS, GRAM_MAX, GRAM_MIN, PHRASE_MAX, type CountList } from "../src/lib/search/core";

/** What the gram keys are read from: one report's folded text and the pair number at each position. */
export interface GramText {
  cps: Uint32Array;
  /** The number of the pair starting at each position (−1 where none: the last position, or a space at or after it). */
  pairAt: Int32Array;
  /** Positions below this are in the title and region lines. */
  headEnd: number;
}

export interface GramKeys {
  count: number;
  /** Occurrences of all keys in the corpus. */
  occurrences: number;
  /** Key k is the term of length[k] characters at position at[k] of report doc[k]. */
  doc: Int32Array;
  at: Int32Array;
  length: Uint8Array;
  /** hashKey of key k. */
  hash: Uint32Array;
  /** Occurrences of key k in the corpus. */
  occ: Int32Array;
  /** Key k's reports are reports[start[k]…start[k+1]), each with counts[·] = count · 2 + (1 when in the head lines). */
  start: Int32Array;
  reports: Int32Array;
  counts: Int32Array;
}

function grown<T extends Int32Array | Uint32Array | Uint8Array>(a: T, size: number): T {
  if (size <= a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  b.set(a);
  return b;
}

export interface GramOptions {
  /** Only keys whose hash passes are collected (the builder's pass). */
  include?: (hash: number) => boolean;
  /** Long terms to collect as well (findLoosePhrases). */
  phrases?: PhraseSet;
  /** Sizes the arrays at first (2^bits keys); they grow as needed. */
  initialBits?: number;
}

/**
 * Finds the gram keys of the reports, and the phrase keys among `options.phrases`, in report
 * order; `occ` is the corpus count of each pair.
 */
export function collectGramKeys(texts: readonly GramText[], occ: ArrayLike<number>, bound: number, options: GramOptions = {}): GramKeys {
  const { include = () => true, phrases = NO_PHRASES, initialBits = 16 } = options;
  // Terms longer than GRAM_MAX are looked at only where a phrase can start.
  const longest = phrases.size > 0 ? PHRASE_MAX : GRAM_MAX;
  const initial = 1 << initialBits;
  let count = 0;
  let doc = new Int32Array(initial);
  let at = new Int32Array(initial);
  let length = new Uint8Array(initial);
  let hash = new Uint32Array(initial);
  let keyOcc = new Int32Array(initial);
  let keyReports = new Int32Array(initial);
  // Counts of the current report, by key.
  let local = new Int32Array(initial);
  let localHead = new Uint8Array(initial);
  const touched: number[] = [];
  // (key, count·2 + head) of every report in turn; reportEnd[r] ends report r's.
  let entryKey = new Int32Array(initial * 4);
  let entryCount = new Int32Array(initial * 4);
  let entries = 0;
  const reportEnd = new Int32Array(texts.length);
  let occurrences = 0;

  let tableBits = initialBits + 1;
  let table = new Int32Array(1 << tableBits).fill(-1);
  const slotOf = (h: number, n: number) => Math.imul((h ^ n) >>> 0, 0x9e3779b1) >>> (32 - tableBits);
  const rehash = () => {
    tableBits++;
    table = new Int32Array(1 << tableBits).fill(-1);
    const mask = (1 << tableBits) - 1;
    for (let k = 0; k < count; k++) {
      let s = slotOf(hash[k]!, length[k]!);
      while (table[s] !== -1) s = (s + 1) & mask;
      table[s] = k;
    }
  };
  /** The number of the key of n characters at position i of report r, hash h (a new number if unseen). */
  const keyAt = (h: number, n: number, r: number, i: number): number => {
    const cps = texts[r]!.cps;
    const mask = (1 << tableBits) - 1;
    let s = slotOf(h, n);
    for (;;) {
      const k = table[s]!;
      if (k === -1) break;
      if (hash[k] === h && length[k] === n) {
        const first = texts[doc[k]!]!.cps;
        const from = at[k]!;
        let same = true;
        for (let c = 0; c < n && same; c++) same = first[from + c] === cps[i + c];
        if (same) return k;
      }
      s = (s + 1) & mask;
    }
    const k = count++;
    if (k >= doc.length) {
      doc = grown(doc, k + 1);
      at = grown(at, k + 1);
      length = grown(length, k + 1);
      hash = grown(hash, k + 1);
      keyOcc = grown(keyOcc, k + 1);
      keyReports = grown(keyReports, k + 1);
      local = grown(local, k + 1);
      localHead = grown(localHead, k + 1);
    }
    doc[k] = r;
    at[k] = i;
    length[k] = n;
    hash[k] = h;
    table[s] = k;
    if (count * 2 > table.length) rehash();
    return k;
  };

  for (let r = 0; r < texts.length; r++) {
    const { cps, pairAt, headEnd } = texts[r]!;
    const len = cps.length;
    for (let i = 0; i < len; i++) {
      if (isSpaceCode(cps[i]!)) continue;
      let h = fnvCode(FNV_BASIS, cps[i]!);
      for (let n = 2; n <= longest && i + n <= len; n++) {
        const c = cps[i + n - 1]!;
        if (isSpaceCode(c)) break;
        h = fnvCode(h, c);
        if (n < GRAM_MIN) continue;
        let isKey: boolean;
        if (n > GRAM_MAX) isKey = phrases.has(h, n);
        else {
          // The same test as forEachKey (core.ts); a cover lies inside the run, so every pair exists.
          const offsets = COVER[n]!;
          let cost = 0;
          for (let o = 0; o < offsets.length; o++) cost += occ[pairAt[i + offsets[o]!]!]!;
          isKey = cost > bound;
        }
        if (isKey && include(h)) {
          const k = keyAt(h, n, r, i);
          if (local[k] === 0) touched.push(k);
          local[k] = local[k]! + 1;
          if (i < headEnd) localHead[k] = 1;
          occurrences++;
        }
        if (n === GRAM_MAX && longest > GRAM_MAX && !phrases.startsWith(h)) break;
      }
    }
    if (entries + touched.length > entryKey.length) {
      entryKey = grown(entryKey, entries + touched.length);
      entryCount = grown(entryCount, entries + touched.length);
    }
    for (const k of touched) {
      entryKey[entries] = k;
      entryCount[entries++] = local[k]! * 2 + localHead[k]!;
      keyReports[k] = keyReports[k]! + 1;
      keyOcc[k] = keyOcc[k]! + local[k]!;
      local[k] = 0;
      localHead[k] = 0;
    }
    touched.length = 0;
    reportEnd[r] = entries;
  }

  // Counting sort of the entries by key; reports stay in order within a key.
  const start = new Int32Array(count + 1);
  for (let k = 0; k < count; k++) start[k + 1] = start[k]! + keyReports[k]!;
  const next = start.slice(0, count);
  const reports = new Int32Array(entries);
  const counts = new Int32Array(entries);
  for (let r = 0, e = 0; r < texts.length; r++)
    for (; e < reportEnd[r]!; e++) {
      const s = next[entryKey[e]!]!++;
      reports[s] = r;
      counts[s] = entryCount[e]!;
    }
  return {
    count,
    occurrences,
    doc: doc.subarray(0, count),
    at: at.subarray(0, count),
    length: length.subarray(0, count),
    hash: hash.subarray(0, count),
    occ: keyOcc.subarray(0, count),
    start,
    reports,
    counts,
  };
}

/** The text of gram key k. */
export function gramKeyText(keys: GramKeys, texts: readonly GramText[], k: number): string {
  return keyOf(texts[keys.doc[k]!]!.cps, keys.at[k]!, keys.length[k]!);
}

/** Gram key k's count list (core.ts CountList). */
export function gramCountList(keys: GramKeys, k: number): CountList {
  const out: CountList = [];
  let last = -1;
  for (let s = keys.start[k]!; s < keys.start[k + 1]!; s++) {
    const r = keys.reports[s]!;
    const v = keys.counts[s]!;
    appendCount(out, last, r, v >> 1, v & 1);
    last = r;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Phrase keys

/** Small-integer forms of a term's hash (plain Sets look them up fastest); a shared form only adds an exact key. */
const phraseCode = (h: number, n: number) => (h ^ Math.imul(n, 0x9e3779b1)) & 0x3fffffff;
const prefixCode = (h: number) => h & 0x3fffffff;

/**
 * Long terms to make keys of, by hash and length. A term whose hash and length pass is collected
 * at every occurrence, so its count list is exact whatever else shares its code.
 */
export class PhraseSet {
  private readonly codes = new Set<number>();
  private readonly prefixes = new Set<number>();
  /** @param terms [hash of the term, its length, hash of its first GRAM_MAX characters] */
  constructor(terms: Iterable<readonly [number, number, number]> = []) {
    for (const [h, n, head] of terms) {
      this.codes.add(phraseCode(h, n));
      this.prefixes.add(prefixCode(head));
    }
  }
  get size(): number {
    return this.codes.size;
  }
  has(h: number, n: number): boolean {
    return this.codes.has(phraseCode(h, n));
  }
  /** Whether a phrase may start with the GRAM_MAX characters of hash h. */
  startsWith(h: number): boolean {
    return this.prefixes.has(prefixCode(h));
  }
}
const NO_PHRASES = new PhraseSet();

/** Reports looked at to pick the phrase keys, spread evenly over the corpus. */
export const PHRASE_SAMPLE = 512;

export interface LoosePhrases {
  phrases: PhraseSet;
  /** The picked terms, those in most sampled reports first. */
  terms: string[];
  /** Reports looked at. */
  sampled: number;
}

/**
 * Picks the long terms (GRAM_MAX+1…PHRASE_MAX characters) that become keys of their own: common
 * terms whose pairs are costly to read (cheapest cover above `bound` positions) and whose windows
 * (core.ts TermPlan.windows) can be loose bounds, because each window also occurs outside the
 * term (as 基本公共卫生 in 基本公共卫生服务均等化). For such a term the engine's first rows may not settle
 * early: a report holding the windows more often than the term outranks the true best match
 * until its text is read, and a few such reports among thousands are enough.
 * Picked on a sample of reports: terms in at least 1 % of them (and two) each of whose windows
 * occurs more often in the sample than the term itself. (Looseness seen in a sampled report, the
 * first rule tried, missed terms loose in ~1 % of their reports: ）强化应急处置能力 at 10,000 reports.)
 */
export function findLoosePhrases(texts: readonly GramText[], occ: ArrayLike<number>, bound: number, sampleSize = PHRASE_SAMPLE): LoosePhrases {
  const step = Math.max(1, texts.length / sampleSize);
  const sample: number[] = [];
  for (let x = 0; Math.floor(x) < texts.length; x += step) sample.push(Math.floor(x));
  // Long terms whose cover is costly, over the sample: reports holding each, its occurrences,
  // where it was seen first (report, position).
  const terms = new TermTable(16);
  let termReports = new Int32Array(1 << 16);
  let termOcc = new Int32Array(1 << 16);
  let termDoc = new Int32Array(1 << 16);
  let termAt = new Int32Array(1 << 16);
  // Occurrences of every GRAM_MAX-character run in the sample.
  const windows = new TermTable(18);
  let windowOcc = new Int32Array(1 << 18);
  // The current report's long terms, with their counts.
  const local = new TermTable(14);
  let localCount = new Int32Array(1 << 14);
  let localAt = new Int32Array(1 << 14);
  const best = new Float64Array(PHRASE_MAX);
  for (const r of sample) {
    const { cps, pairAt } = texts[r]!;
    const len = cps.length;
    local.clear();
    for (let i = 0; i < len; i++) {
      if (isSpaceCode(cps[i]!)) continue;
      let h = fnvCode(FNV_BASIS, cps[i]!);
      for (let n = 2; n <= PHRASE_MAX && i + n <= len; n++) {
        const c = cps[i + n - 1]!;
        if (isSpaceCode(c)) break;
        h = fnvCode(h, c);
        // Cheapest cover of the term of n characters at i (core.ts cheapestCover, grown one pair at a time).
        const o = n - 2;
        const cost = occ[pairAt[i + o]!]!;
        best[o] = o === 0 ? cost : cost + (o >= 2 && best[o - 2]! < best[o - 1]! ? best[o - 2]! : best[o - 1]!);
        if (n === GRAM_MAX) {
          const w = windows.entry(h, n);
          if (w >= windowOcc.length) windowOcc = grown(windowOcc, w + 1);
          if (windows.added) windowOcc[w] = 0;
          windowOcc[w]!++;
        }
        if (n <= GRAM_MAX || best[o]! <= bound) continue;
        const t = local.entry(h, n);
        if (t >= localCount.length) {
          localCount = grown(localCount, t + 1);
          localAt = grown(localAt, t + 1);
        }
        if (local.added) {
          localCount[t] = 0;
          localAt[t] = i;
        }
        localCount[t]!++;
      }
    }
    for (let t = 0; t < local.size; t++) {
      const e = terms.entry(local.hash[t]!, local.length[t]!);
      if (e >= termReports.length) {
        termReports = grown(termReports, e + 1);
        termOcc = grown(termOcc, e + 1);
        termDoc = grown(termDoc, e + 1);
        termAt = grown(termAt, e + 1);
      }
      if (terms.added) {
        termReports[e] = 0;
        termOcc[e] = 0;
        termDoc[e] = r;
        termAt[e] = localAt[t]!;
      }
      termReports[e]!++;
      termOcc[e] = termOcc[e]! + localCount[t]!;
    }
  }
  /** Hash of the GRAM_MAX characters at position `at` of report r. */
  const windowHash = (r: number, at: number) => {
    const cps = texts[r]!.cps;
    let h = FNV_BASIS;
    for (let k = 0; k < GRAM_MAX; k++) h = fnvCode(h, cps[at + k]!);
    return h;
  };
  const minReports = Math.max(2, Math.ceil(sample.length / 100));
  const picked: number[] = [];
  for (let e = 0; e < terms.size; e++) {
    if (termReports[e]! < minReports) continue;
    const n = terms.length[e]!;
    // Its windows at offsets 0, GRAM_MAX, … and n − GRAM_MAX, as planTerm takes them.
    let outside = windowOcc[windows.entry(windowHash(termDoc[e]!, termAt[e]! + n - GRAM_MAX), GRAM_MAX)]! > termOcc[e]!;
    for (let o = 0; o + GRAM_MAX < n && outside; o += GRAM_MAX) outside = windowOcc[windows.entry(windowHash(termDoc[e]!, termAt[e]! + o), GRAM_MAX)]! > termOcc[e]!;
    if (outside) picked.push(e);
  }
  picked.sort((a, b) => termReports[b]! - termReports[a]! || termOcc[b]! - termOcc[a]!);
  return {
    phrases: new PhraseSet(picked.map((e) => [terms.hash[e]!, terms.length[e]!, windowHash(termDoc[e]!, termAt[e]!)] as const)),
    terms: picked.map((e) => keyOf(texts[termDoc[e]!]!.cps, termAt[e]!, terms.length[e]!)),
    sampled: sample.length,
  };
}

/**
 * Terms numbered by (hash, length) in order of first sight, in typed arrays (findLoosePhrases
 * looks up ~10 long terms at every position of its sample: a Map of numbers that large cost
 * ~12 ms a report). Two terms of one length that share a 32-bit hash count as one; for picking
 * phrases that only loses or adds a key, never an exact count.
 */
class TermTable {
  hash = new Uint32Array(0);
  length = new Uint8Array(0);
  size = 0;
  /** Whether the last entry() call numbered a new term. */
  added = false;
  private slots: Int32Array;
  private bits: number;
  constructor(bits: number) {
    this.bits = bits;
    this.slots = new Int32Array(1 << bits).fill(-1);
    this.hash = new Uint32Array(1 << (bits - 1));
    this.length = new Uint8Array(1 << (bits - 1));
  }
  private slotOf(h: number, n: number): number {
    return Math.imul((h ^ n) >>> 0, 0x9e3779b1) >>> (32 - this.bits);
  }
  /** The number of the term (a new one when unseen). */
  entry(h: number, n: number): number {
    const mask = (1 << this.bits) - 1;
    let s = this.slotOf(h, n);
    for (;;) {
      const k = this.slots[s]!;
      if (k === -1) break;
      if (this.hash[k] === h && this.length[k] === n) {
        this.added = false;
        return k;
      }
      s = (s + 1) & mask;
    }
    const k = this.size++;
    if (k >= this.hash.length) {
      this.hash = grown(this.hash, k + 1);
      this.length = grown(this.length, k + 1);
    }
    this.hash[k] = h;
    this.length[k] = n;
    this.slots[s] = k;
    this.added = true;
    if (this.size * 2 > this.slots.length) this.rehash();
    return k;
  }
  private rehash(): void {
    this.bits++;
    this.slots = new Int32Array(1 << this.bits).fill(-1);
    const mask = (1 << this.bits) - 1;
    for (let k = 0; k < this.size; k++) {
      let s = this.slotOf(this.hash[k]!, this.length[k]!);
      while (this.slots[s] !== -1) s = (s + 1) & mask;
      this.slots[s] = k;
    }
  }
  clear(): void {
    this.slots.fill(-1);
    this.size = 0;
  }
}
