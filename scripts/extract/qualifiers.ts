// Approximation words around a number: the value is the stated number, the qualifier says how
// it relates to the truth (约70.73万人次 → approx; 20余次 → more_than; 近4.4万人 → nearly).
import type { Qualifier } from "../../src/lib/schema";
import { charTable, lastNonSpace, WHITE_SPACE } from "./chars";

export interface QualifierHit {
  qualifier: Qualifier;
  text: string;
}

// Words written right before the number (…超过500篇, 约1390平方米, 近4.4万人, 不少于6人), tried in
// this order: a longer word wins over the word it ends in (不少于 over 少于, 不超过 over 超过). A
// word may carry a lookbehind before its characters (regex source).
const BEFORE_WORDS: [string[], Qualifier][] = [
  [["不少于", "不低于", "至少"], "at_least"],
  [["不超过", "不高于", "低于", "少于", "小于", "不到"], "at_most"],
  [["超过", "大于", "高于", "多于", "逾", "超"], "more_than"],
  [["(?<![签节合预制公条契协简])约", "大约"], "approx"],
  [["将近", "接近", "近"], "nearly"],
];
const BEFORE: [RegExp, Qualifier][] = BEFORE_WORDS.map(([words, q]) => [new RegExp(`(${words.join("|")})\\s*$`), q]);

// Text whose last non-space character ends no word above matches no pattern (most numbers have
// no qualifier).
const LAST_CHARS = charTable(BEFORE_WORDS.flatMap(([words]) => words.map((w) => w.at(-1)!)).join(""));

/** The qualifier written just before a number, from the text that precedes it. */
export function qualifierBefore(before: string): QualifierHit | null {
  if (!LAST_CHARS[lastNonSpace(before, 0, before.length)]) return null;
  return qualifierBeforeByPatterns(before);
}

/** qualifierBefore without its short cut: every pattern tried (tests check that the two agree). */
export function qualifierBeforeByPatterns(before: string): QualifierHit | null {
  for (const [re, q] of BEFORE) {
    const m = re.exec(before);
    if (m) return { qualifier: q, text: m[1]! };
  }
  return null;
}

// Words written after the number; text that does not start (after white space) with the first
// character of one of them matches none.
const AFTER_WORDS = ["以上", "及以上", "以下", "以内", "左右"];
const AFTER = new RegExp(`^\\s*(${AFTER_WORDS.join("|")})`);
const AFTER_START = charTable(AFTER_WORDS.map((w) => w[0]).join(""));

/** Qualifiers written after the number: 余/多 inside the unit, 以上/以下/左右 after it. */
export function qualifierAfter(inner: string | undefined, after: string): QualifierHit | null {
  if (inner) return { qualifier: "more_than", text: inner };
  let i = 0;
  while (i < after.length && WHITE_SPACE[after.charCodeAt(i)]) i++;
  if (!AFTER_START[after.charCodeAt(i)]) return null;
  return qualifierAfterByPattern(after);
}

/** The words after the number without qualifierAfter's short cut (tests check that the two agree). */
export function qualifierAfterByPattern(after: string): QualifierHit | null {
  const m = AFTER.exec(after);
  if (!m) return null;
  if (m[1] === "以下" || m[1] === "以内") return { qualifier: "at_most", text: m[1] };
  if (m[1] === "左右") return { qualifier: "approx", text: m[1] };
  return { qualifier: "at_least", text: m[1]! };
}
