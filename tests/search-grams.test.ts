// The index builder's gram keys (scripts/search-grams.ts) against the definition in core.ts
// (forEachKey through collectDocKeys), on the seed reports' searchable text.
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { synthCorpus } from "../scripts/corpus-synth";
import { SEEDS_DIR } from "./support/seeds";
import { parseEntry } from "../src/lib/entry-file";
import type { ReportEntry } from "../src/lib/schema";
import { searchLines } from "../src/lib/search/text";
import { cheapestCover, collectDocKeys, foldCodes, headEndOf, isSpaceCode, planTerm, FNV_BASIS, fnvCode, GRAM_MAX, GRAM_MIN, PHRASE_MAX } from "../src/lib/search/core";
import { collectGramKeys, findLoosePhrases, gramCountList, gramKeyText, PhraseSet, type GramText } from "../scripts/search-grams";
import { numberPairs, type Pairs } from "../scripts/search-index";

const ENTRIES = process.env.SITE_ENTRIES || "content/reports";
const texts: GramText[] = readdirSync(ENTRIES)
  .filter((f) => f.endsWith(".md"))
  .sort()
  .map((f) => {
    const { data, body } = parseEntry(readFileSync(join(ENTRIES, f), "utf8"));
    const lines = searchLines(data as unknown as ReportEntry, body);
    return { cps: foldCodes(lines.join("\n")), pairAt: new Int32Array(0), headEnd: headEndOf(lines) };
  });
// Pair numbers and corpus counts, by the builder's own numbering.
const pairs: Pairs = { numberOf: new Map(), code: [], occ: [] };
for (const t of texts) t.pairAt = numberPairs(t.cps, pairs);
const occ = pairs.occ;

/** Gram key → report → [count, in head], by the definition. */
function expected(bound: number): Map<string, Map<number, [number, number]>> {
  const out = new Map<string, Map<number, [number, number]>>();
  texts.forEach((t, r) => {
    const occAt = Array.from(t.pairAt, (p) => (p < 0 ? 0 : occ[p]!));
    for (const [key, [count, head]] of collectDocKeys(t.cps, t.headEnd, occAt, bound).counts) {
      if ([...key].length < GRAM_MIN) continue;
      if (!out.has(key)) out.set(key, new Map());
      out.get(key)!.set(r, [count, head]);
    }
  });
  return out;
}

describe("gram keys of the search index builder", () => {
  it("has the seed reports to work on", () => {
    expect(texts.length).toBeGreaterThanOrEqual(5);
  });

  for (const bound of [40, 200])
    it(`are exactly the terms whose covering pairs have more than ${bound} positions, with each report's count (arrays grown from 4 keys)`, () => {
      const want = expected(bound);
      const keys = collectGramKeys(texts, occ, bound, { initialBits: 2 });
      // Enough keys that the arrays and the table grew many times over.
      expect(keys.count).toBeGreaterThan(bound === 40 ? 1000 : 50);
      const got = new Map<string, Map<number, [number, number]>>();
      let occurrences = 0;
      for (let k = 0; k < keys.count; k++) {
        const key = gramKeyText(keys, texts, k);
        expect(got.has(key), `${key} numbered twice`).toBe(false);
        const list = gramCountList(keys, k);
        const byReport = new Map<number, [number, number]>();
        let r = -1;
        for (let i = 0; i < list.length; i += 2) {
          r += (list[i]! >> 1) + 1;
          byReport.set(r, [list[i + 1]!, list[i]! & 1]);
        }
        got.set(key, byReport);
        expect(keys.occ[k]).toBe([...byReport.values()].reduce((a, [n]) => a + n, 0));
        occurrences += keys.occ[k]!;
      }
      expect(keys.occurrences).toBe(occurrences);
      expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
      for (const [key, byReport] of want) expect(got.get(key), key).toEqual(byReport);
    });

  it("split into passes by hash, are the same keys with the same lists", () => {
    const all = collectGramKeys(texts, occ, 40);
    const listOf = (keys: ReturnType<typeof collectGramKeys>) =>
      new Map(Array.from({ length: keys.count }, (_, k) => [gramKeyText(keys, texts, k), JSON.stringify(gramCountList(keys, k))]));
    const whole = listOf(all);
    const parts = [0, 1, 2].map((pass) => collectGramKeys(texts, occ, 40, { include: (h) => h % 3 === pass }));
    for (const [pass, part] of parts.entries()) for (let k = 0; k < part.count; k++) expect(part.hash[k]! % 3).toBe(pass);
    const joined = new Map(parts.flatMap((p) => [...listOf(p)]));
    expect(parts.every((p) => p.count > 0)).toBe(true);
    expect(joined).toEqual(whole);
  });
});

/** Folded texts (each line list joined by line breaks) with the builder's pair numbers, and each pair's count. */
function textSet(lineLists: readonly (readonly string[])[]): { texts: GramText[]; occ: number[] } {
  const pairs: Pairs = { numberOf: new Map(), code: [], occ: [] };
  const texts = lineLists.map((lines) => {
    const cps = foldCodes(lines.join("\n"));
    return { cps, pairAt: numberPairs(cps, pairs), headEnd: headEndOf(lines) };
  });
  return { texts, occ: pairs.occ };
}

/** Every long term of the texts (GRAM_MAX+1…PHRASE_MAX characters, no space): report → count, and its cheapest cover's cost. */
function longTerms({ texts, occ }: ReturnType<typeof textSet>): Map<string, { counts: Map<number, number>; cover: number }> {
  const out = new Map<string, { counts: Map<number, number>; cover: number }>();
  texts.forEach((t, r) => {
    for (let i = 0; i < t.cps.length; i++)
      for (let n = GRAM_MAX + 1; n <= PHRASE_MAX && i + n <= t.cps.length; n++) {
        const run = t.cps.subarray(i, i + n);
        if (run.some(isSpaceCode)) break;
        const term = String.fromCodePoint(...run);
        let e = out.get(term);
        if (!e) {
          const costs = (o: number) => occ[t.pairAt[i + o]!]!;
          const cover = cheapestCover(n, costs)!.reduce((a, o) => a + costs(o), 0);
          out.set(term, (e = { counts: new Map(), cover }));
        }
        e.counts.set(r, (e.counts.get(r) ?? 0) + 1);
      }
  });
  return out;
}

const hashOf = (term: string) => [...term].reduce((h, c) => fnvCode(h, c.codePointAt(0)!), FNV_BASIS);

// The seeds, and 60 synthetic reports (made of the seeds' sentences, so common phrases recur
// across reports as they do in a large corpus).
const synthDir = mkdtempSync(join(tmpdir(), "phrase-keys-"));
synthCorpus({ count: 60, out: synthDir, seed: 11, seedsDir: SEEDS_DIR });
const sets = {
  seeds: { ...textSet(texts.map((t) => [String.fromCodePoint(...t.cps)])), bounds: [40] },
  "60 synthetic reports": { ...textSet(readdirSync(synthDir).sort().map((f) => readFileSync(join(synthDir, f), "utf8").split("\n"))), bounds: [2000, 4000] },
};

for (const [name, set] of Object.entries(sets))
  describe(`phrase keys of the search index builder, on the ${name}`, () => {
    const all = longTerms(set);
    const textOf = set.texts.map((t) => Array.from(t.cps, (c) => String.fromCodePoint(c)));
    // Each report's count of every GRAM_MAX-character substring (the windows are such substrings).
    const sixes = textOf.map((t) => {
      const m = new Map<string, number>();
      for (let i = 0; i + GRAM_MAX <= t.length; i++) {
        const w = t.slice(i, i + GRAM_MAX).join("");
        m.set(w, (m.get(w) ?? 0) + 1);
      }
      return m;
    });

    for (const bound of set.bounds)
      it(`are exactly the long terms whose cover is over ${bound} positions, in two reports or more, each of whose windows occurs more often than the term`, () => {
        // With at most 512 reports, the sample is every report.
        const { terms, phrases, sampled } = findLoosePhrases(set.texts, set.occ, bound);
        expect(sampled).toBe(set.texts.length);
        const occurrences = (counts: Iterable<number>) => [...counts].reduce((a, b) => a + b, 0);
        const want: string[] = [];
        for (const [term, { counts, cover }] of all) {
          if (cover <= bound || counts.size < 2) continue;
          const n = occurrences(counts.values());
          if (planTerm(term).windows.every((w) => occurrences(sixes.map((m) => m.get(w) ?? 0)) > n)) want.push(term);
        }
        expect(want.length).toBeGreaterThan(1);
        expect([...terms].sort()).toEqual(want.sort());
        for (const t of want) expect(phrases.has(hashOf(t), [...t].length), t).toBe(true);
      });


    it("are collected with exact counts at every occurrence, beside the gram keys, in passes too", () => {
      const bound = set.bounds[0]!;
      const { terms, phrases } = findLoosePhrases(set.texts, set.occ, bound);
      const read = (keys: ReturnType<typeof collectGramKeys>) => {
        const got = new Map<string, Map<number, number>>();
        for (let k = 0; k < keys.count; k++) {
          if (keys.length[k]! <= GRAM_MAX) continue;
          const list = gramCountList(keys, k);
          const byReport = new Map<number, number>();
          for (let i = 0, r = -1; i < list.length; i += 2) byReport.set((r += (list[i]! >> 1) + 1), list[i + 1]!);
          got.set(gramKeyText(keys, set.texts, k), byReport);
        }
        return got;
      };
      const whole = read(collectGramKeys(set.texts, set.occ, bound, { phrases }));
      // Every picked term, and only terms whose hash and length a picked one shares.
      for (const t of terms) expect(whole.get(t), t).toEqual(all.get(t)!.counts);
      for (const [t, counts] of whole) {
        expect(phrases.has(hashOf(t), [...t].length), t).toBe(true);
        expect(counts).toEqual(all.get(t)!.counts);
      }
      const parts = [0, 1].map((pass) => read(collectGramKeys(set.texts, set.occ, bound, { phrases, include: (h) => h % 2 === pass })));
      expect(new Map([...parts[0]!, ...parts[1]!])).toEqual(whole);
      // No phrase set, no long keys.
      expect(read(collectGramKeys(set.texts, set.occ, bound, { phrases: new PhraseSet() })).size).toBe(0);
    });
  });
