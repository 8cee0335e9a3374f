// The end-anchored word stripper (scripts/extract/chars.ts) must equal the regex replace it
// short-cuts, on every clause of the seeds and on hand-made edge cases.
import { describe, expect, it } from "vitest";
import { lastNonSpace, trailingWordsStripper, WHITE_SPACE } from "../scripts/extract/chars";
import { qualifierAfter, qualifierAfterByPattern, qualifierBefore, qualifierBeforeByPatterns } from "../scripts/extract/qualifiers";
import { asOfIn, kindOf, lastAsOf } from "../scripts/extract/kind";
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
    expect(lastNonSpace("ab  ", 2, 4)).toBe(0);
    expect(lastNonSpace("ab", -3, 2)).toBe("b".charCodeAt(0));
    expect(lastNonSpace("", 0, 0)).toBe(0);
  });
});

describe("short cuts before a regex", () => {
  it("qualifierBefore (which skips its patterns by the last character) equals the patterns alone on every 4-character window of the seeds", () => {
    let hits = 0;
    for (const file of seedFiles()) {
      const text = seedText(file) + " 约 超过\u3000 不到  近";
      for (let i = 0; i < text.length; i++) {
        const w = text.slice(Math.max(0, i - 4), i);
        const r = qualifierBeforeByPatterns(w);
        expect(qualifierBefore(w)).toEqual(r);
        if (r) hits++;
      }
    }
    expect(hits).toBeGreaterThan(50);
  });
  it("qualifierAfter and asOfIn equal their patterns alone on the seeds", () => {
    let hits = 0;
    let afterHits = 0;
    for (const file of seedFiles()) {
      const text = seedText(file);
      for (let i = 0; i < text.length; i++) {
        const w = text.slice(i, i + 4);
        const r = qualifierAfterByPattern(w);
        expect(qualifierAfter(undefined, w)).toEqual(r);
        if (r) afterHits++;
      }
      for (const sentence of text.split(/[。；\n]/)) {
        for (let end = 1; end <= sentence.length; end += 3) {
          const r = lastAsOf(sentence.slice(0, end));
          expect(asOfIn(sentence.slice(0, end))).toBe(r);
          if (r) hits++;
        }
      }
    }
    expect(hits).toBeGreaterThan(20);
    expect(afterHits).toBeGreaterThan(20); // (28 windows on the seeds: the words after a number do occur)
  });
});

describe("kindOf's last-character short cuts", () => {
  // kindOf skips an end-anchored pattern when the clause's last character cannot end it; each
  // word of each pattern is tried here (with a trailing space too), so a character missing from a
  // table fails a case.
  const kind = (clause: string, o: { unit?: string; sentence?: string; paragraphAfter?: string } = {}) =>
    kindOf({ section: null, sentence: o.sentence ?? clause, clause, after: "", unit: o.unit ?? null, qualifier: null, paragraphAfter: o.paragraphAfter ?? "" });
  it("a share of the goal done is actual, whatever goal word ends the clause", () => {
    for (const goal of ["任务数", "任务", "目标", "计划"])
      for (const done of ["完成", "占", "达成"]) {
        // 计划 would make the sentence a target but for the share.
        expect(kind(`${done}全年${goal}的`, { sentence: `力争${done}全年${goal}的80%` }), `${done}…${goal}的`).toBe("actual");
        expect(kind(`${done}全年${goal} `, { unit: "%", sentence: `力争${done}全年${goal} 80%` }), `${done}…${goal} %`).toBe("actual");
      }
  });
  it("a building verb before the number is a target when the paragraph says when it will be done", () => {
    for (const verb of ["建成", "建设", "新建"]) expect(kind(`年内${verb}`, { paragraphAfter: "预计10月底投入使用" }), verb).toBe("target");
  });
  it("a value measured against a norm is a target, for every norm word", () => {
    for (const word of ["按", "按照", "依照", "参照"]) expect(kind(`${word}省定床人比1：`), word).toBe("target");
  });
});

