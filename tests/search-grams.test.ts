// The index builder's gram keys (scripts/search-grams.ts) against the definition in core.ts
// (forEachKey through collectDocKeys), on the seed reports' searchable text.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseEntry } from "../src/lib/entry-file";
import type { ReportEntry } from "../src/lib/schema";
import { searchLines } from "../src/lib/search/text";
import { collectDocKeys, foldCodes, headEndOf, GRAM_MIN } from "../src/lib/search/core";
import { collectGramKeys, gramCountList, gramKeyText, type GramText } from "../scripts/search-grams";
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
      const keys = collectGramKeys(texts, occ, bound, undefined, 2);
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
    const parts = [0, 1, 2].map((pass) => collectGramKeys(texts, occ, 40, (h) => h % 3 === pass));
    for (const [pass, part] of parts.entries()) for (let k = 0; k < part.count; k++) expect(part.hash[k]! % 3).toBe(pass);
    const joined = new Map(parts.flatMap((p) => [...listOf(p)]));
    expect(parts.every((p) => p.count > 0)).toBe(true);
    expect(joined).toEqual(whole);
  });
});
