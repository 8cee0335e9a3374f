// The end-anchored word stripper (scripts/extract/chars.ts) must equal the regex replace it
// short-cuts, on every clause of the seeds and on hand-made edge cases.
import { describe, expect, it } from "vitest";
import { lastNonSpace, trailingWordsStripper, WHITE_SPACE } from "../scripts/extract/chars";
import { qualifierAfter, qualifierBefore } from "../scripts/extract/qualifiers";
import { asOfIn } from "../scripts/extract/kind";
import { seedFiles, seedText } from "./support/seeds";

const JOINER_LIKE = [
  /(?:均|已|共|总共|合计|累计|达到|达|控制在|为|是|有|计|(?<!签)约|近|超过|超|了|\s)+$/,
  /(?:(?:均|已|达|已达|达到|，|(?<!签)约|\s)+)$/,
];

describe("trailing word stripper", () => {
  it("equals s.replace(re, '') on every clause prefix of the seeds", () => {
    const strips = JOINER_LIKE.map((re) => ({ re, f: trailingWordsStripper(re) }));
    let n = 0;
    for (const file of seedFiles()) {
      const text = seedText(file);
      for (const clause of text.split(/[。；\n]/)) {
        for (let end = 1; end <= Math.min(clause.length, 60); end++) {
          const s = clause.slice(0, end);
          for (const { re, f } of strips) expect(f(s)).toBe(s.replace(re, ""));
          n++;
        }
      }
    }
    expect(n).toBeGreaterThan(10_000);
  });

  it("handles lookbehind, white space, empty strings, and other regex shapes", () => {
    const f = trailingWordsStripper(JOINER_LIKE[0]!);
    for (const s of ["", "签约", "合同约", "人数共计 ", "率\u3000", "已", "达到达到", "人员达"]) expect(f(s)).toBe(s.replace(JOINER_LIKE[0]!, ""));
    const other = /(?:a.c)+$/;
    expect(trailingWordsStripper(other)("xabc")).toBe("x");
  });
});

describe("last non-space character", () => {
  it("WHITE_SPACE is JavaScript's \\s", () => {
    for (let c = 0; c < 0x10000; c += 1) expect(WHITE_SPACE[c] === 1, c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });
  it("skips white space back to the window start, -1 when there is none", () => {
    expect(lastNonSpace("约 \u3000", 0, 3)).toBe("约".charCodeAt(0));
    expect(lastNonSpace("ab  ", 2, 4)).toBe(-1);
    expect(lastNonSpace("ab", -3, 2)).toBe("b".charCodeAt(0));
    expect(lastNonSpace("", 0, 0)).toBe(-1);
  });
  it("qualifierBefore (which skips its patterns by the last character) equals the patterns alone on every 4-character window of the seeds", () => {
    // The patterns of scripts/extract/qualifiers.ts, tried in its order without the short cut.
    const reference = (before: string) => {
      const atMost = /(不超过|不高于|不到)\s*$/.exec(before);
      if (atMost) return { qualifier: "at_most", text: atMost[1]! };
      const list: [RegExp, string][] = [
        [/(不少于|不低于|至少)\s*$/, "at_least"],
        [/(超过|大于|高于|多于|逾|超)\s*$/, "more_than"],
        [/(不超过|不高于|低于|少于|小于|不到)\s*$/, "at_most"],
        [/((?<![签节合预制公条契协简])约|大约)\s*$/, "approx"],
        [/(将近|接近|近)\s*$/, "nearly"],
      ];
      for (const [re, q] of list) {
        const m = re.exec(before);
        if (m) return { qualifier: q, text: m[1]! };
      }
      return null;
    };
    let hits = 0;
    for (const file of seedFiles()) {
      const text = seedText(file) + " 约 超过\u3000 不到  近";
      for (let i = 0; i < text.length; i++) {
        const w = text.slice(Math.max(0, i - 4), i);
        const r = reference(w);
        expect(qualifierBefore(w)).toEqual(r);
        if (r) hits++;
      }
    }
    expect(hits).toBeGreaterThan(50);
  });
});

describe("short cuts before a regex", () => {
  it("qualifierAfter and asOfIn equal their patterns alone on the seeds", () => {
    const after = (a: string) => {
      const m = /^\s*(以上|及以上|以下|以内|左右)/.exec(a);
      if (!m) return null;
      return { qualifier: m[1] === "以下" || m[1] === "以内" ? "at_most" : m[1] === "左右" ? "approx" : "at_least", text: m[1]! };
    };
    const AS_OF = /(截至|截止到?|至)\s*((?:\d{4}\s*年\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}\s*日|底|末|份)?|\d{4}\s*年(?:底|末)|年底|目前)/g;
    const asOf = (s: string) => {
      let last: string | null = null;
      for (const m of s.matchAll(AS_OF)) last = m[0].replace(/\s+/g, "");
      return last;
    };
    let hits = 0;
    for (const file of seedFiles()) {
      const text = seedText(file);
      for (let i = 0; i < text.length; i++) {
        const w = text.slice(i, i + 4);
        expect(qualifierAfter(undefined, w)).toEqual(after(w));
      }
      for (const sentence of text.split(/[。；\n]/)) {
        for (let end = 1; end <= sentence.length; end += 3) {
          const r = asOf(sentence.slice(0, end));
          expect(asOfIn(sentence.slice(0, end))).toBe(r);
          if (r) hits++;
        }
      }
    }
    expect(hits).toBeGreaterThan(20);
  });
});
