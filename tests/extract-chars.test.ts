// The end-anchored word stripper (scripts/extract/chars.ts) must equal the regex replace it
// short-cuts, on every clause of the seeds and on hand-made edge cases.
import { describe, expect, it } from "vitest";
import { trailingWordsStripper } from "../scripts/extract/chars";
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
