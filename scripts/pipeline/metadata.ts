// Stage 3b: report metadata from the text alone — title, region, year and period, publication
// date and plan period. Nothing is guessed: what the text does not say stays null.
import type { Level, Period, Region, Section } from "../../src/lib/schema";
import { findCountyNames, gazetteer, type County } from "./gazetteer";
import { chineseNumeral, closingStart } from "./outline";
import { charTable } from "../extract/chars";

const HAN = "\\u3400-\\u9fff";
const SPACED_HAN = new RegExp(`(?<=[${HAN}\\d])[ \\t\\u3000]+(?=[${HAN}\\d])|(?<=[${HAN}])[ \\t\\u3000]+|[ \\t\\u3000]+(?=[${HAN}])`, "g");

/** Removes the spaces that typesetting puts between Chinese characters (阳 山 县 → 阳山县). */
export function despace(line: string): string {
  return line.replace(SPACED_HAN, "").trim();
}

function nonEmptyLines(text: string): { line: string; start: number }[] {
  const out: { line: string; start: number }[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].trim()) out.push({ line: m[0], start: m.index });
  return out;
}

const ISSUER_ONLY = /^[^\d，。]{2,30}(?:局|委|委员会|卫健委|办公室)$/;
const REPORT_WORDS = /总结|计划|报告|情况|要点|谋划/;
const SOURCE_LINE = /来源[:：]|发布时间|发布日期|作者[:：]/;

/** A line with no Chinese character or digit (---, ====, a lone title: key) cannot be a title. */
const TITLE_LIKE = /[\u3400-\u9fff\d]/;

export function findTitle(allLines: { line: string }[]): { title: string; headerLines: number } {
  // A front-matter block (---\ntitle: …\n---) left by an export tool is not the report's title.
  const fence = /^\s*-{3,}\s*$/;
  const closing = fence.test(allLines[0]?.line ?? "") ? allLines.findIndex((l, i) => i > 0 && i < 40 && fence.test(l.line)) : -1;
  const afterFence = closing > 0 ? closing + 1 : 0;
  const skipped = afterFence + allLines.slice(afterFence).findIndex((l) => TITLE_LIKE.test(l.line));
  const lines = skipped > 0 ? allLines.slice(skipped) : allLines;
  const first = lines[0] ? despace(lines[0].line) : "";
  const second = lines[1] ? despace(lines[1].line) : "";
  if (ISSUER_ONLY.test(first) && REPORT_WORDS.test(second) && second.length <= 60) {
    return { title: first + second, headerLines: Math.max(skipped, 0) + 2 };
  }
  if (first.length <= 80) return { title: first, headerLines: Math.max(skipped, 0) + 1 };
  // No title line: the report starts with prose. Use its first clause.
  const clause = first.split(/[，。；]/)[0] ?? first;
  return { title: clause.slice(0, 40), headerLines: 0 };
}

const PERIOD_WORDS: [RegExp, Period][] = [
  [/^上半年|^半年|^1[-—至~]6月|^一至六月/, "H1"],
  [/^下半年|^7[-—至~]12月/, "H2"],
  [/^第?一季度/, "Q1"],
  [/^第?二季度/, "Q2"],
  [/^第?三季度|^前三季度/, "Q3"],
  [/^第?四季度/, "Q4"],
];

function periodAfterYear(rest: string): Period {
  const trimmed = rest.replace(/^[\s年度]+/, "");
  for (const [re, period] of PERIOD_WORDS) if (re.test(trimmed)) return period;
  return "FY";
}

const YEAR = /((?:19|20)\d{2})\s*年?\s*(?!\d)/g;

/** Year and period of what the report sums up (the first year in the title that heads a summary). */
export function findYearPeriod(title: string, body: string): { year: number | null; period: Period | null; warning?: string } {
  for (const m of title.matchAll(YEAR)) {
    const after = title.slice(m.index + m[0].length);
    // "2021年工作计划" alone is a plan, not a summary; prefer a year followed by a summary word.
    const clause = after.split(/和|及|暨|与/)[0] ?? after;
    if (/计划|谋划|打算|要点/.test(clause) && !/总结|情况|报告/.test(clause)) continue;
    return { year: Number(m[1]), period: periodAfterYear(after) };
  }
  // A title without a year (工作总结): the opening sentence usually starts with it (2023年上半年，…).
  const opening = body.slice(0, 300);
  const m = /((?:19|20)\d{2})\s*年\s*(上半年|下半年|[一二三四]季度|以来|，|,)/.exec(opening);
  if (m) {
    const period = /上半年/.test(m[2]!) || (/以来/.test(m[2]!) && /上半年|半年/.test(title)) ? "H1" : periodAfterYear(m[2]!);
    return { year: Number(m[1]), period: /半年/.test(title) && period === "FY" ? "H1" : period, warning: "year taken from the opening sentence, not the title" };
  }
  return { year: null, period: null, warning: "no year found in title or opening" };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1990 || y > 2100) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

function chineseYear(s: string): number | null {
  const digits = s.replace(/[〇零○Ｏ]/g, "0").replace(/[一二三四五六七八九]/g, (c) => String(chineseNumeral(c)));
  return /^\d{4}$/.test(digits) ? Number(digits) : null;
}

/** Publication date: a source line (发布时间:2021-06-30) or the date under the signature. */
export function findPublished(text: string): string | null {
  const source = /(?:发布时间|发布日期|发文日期|日期)\s*[:：]\s*(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(text.slice(0, 600));
  if (source) return isoDate(Number(source[1]), Number(source[2]), Number(source[3]));
  const tail = text.slice(closingStart(text));
  const sig = /(\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*([\d一二三四五六七八九十]{1,2})\s*月\s*([\d一二三四五六七八九十]{1,3})\s*日/.exec(tail);
  if (sig) {
    const y = /^\d+$/.test(sig[1]!) ? Number(sig[1]) : chineseYear(sig[1]!);
    const m = chineseNumeral(sig[2]!);
    const d = chineseNumeral(sig[3]!);
    if (y && m && d) return isoDate(y, m, d);
  }
  return null;
}

export interface RegionResult {
  region: Region | null;
  level: Level | null;
  warnings: string[];
}

const LEVEL_FROM_ISSUER: [RegExp, Level][] = [
  [/^区(?:卫生|卫健)/, "区"],
  [/^县(?:卫生|卫健)/, "县"],
  [/^市(?:卫生|卫健)/, "县级市"],
];

/**
 * The county-level unit that wrote the report. Names in the header (title, issuer, source line)
 * and the signature count ten times a name in the body, where other places are mentioned too
 * (与花都区签署…). Same-named counties are told apart by the prefecture or province the text names.
 */
export function findRegion(text: string, headerEnd: number): RegionResult {
  const warnings: string[] = [];
  const closing = closingStart(text);
  const headerText = despace(text.slice(0, headerEnd));
  const closingText = despace(text.slice(closing));
  const score = new Map<string, number>();
  const add = (name: string, weight: number) => score.set(name, (score.get(name) ?? 0) + weight);
  for (const h of findCountyNames(headerText)) add(h.name, 10);
  for (const h of findCountyNames(closingText)) add(h.name, 10);
  // The body's names only support the header's; its first 20,000 characters (a whole report, as a
  // rule) say as much as a 20 MB file would, at a fixed cost.
  for (const h of findCountyNames(text.slice(headerEnd, Math.min(closing, headerEnd + 20_000)))) add(h.name, 1);

  const ranked = [...score.entries()].sort((a, b) => b[1] - a[1]);
  const [best, runnerUp] = ranked;
  const level = levelFromText(text);
  if (!best) return { region: null, level, warnings: ["no county-level place name found: region unknown"] };
  const [name, points] = best;
  const inHeader = points >= 10;
  const dominant = points >= 3 && (!runnerUp || points >= 2 * runnerUp[1]);
  if (!inHeader && !dominant) {
    return { region: null, level, warnings: [`region unclear: ${ranked.slice(0, 3).map(([n, p]) => `${n}×${p}`).join(", ")}`] };
  }
  if (runnerUp && runnerUp[1] >= 10 && runnerUp[1] >= points / 2) {
    warnings.push(`report names two regions in its header or signature: ${name}, ${runnerUp[0]}; chose ${name}`);
  }
  const county = disambiguate(gazetteer().byName.get(name)!, text);
  if (!county) {
    const options = gazetteer().byName.get(name)!.map((c) => `${c.prefecture ?? c.province}${c.name}`);
    return { region: null, level, warnings: [`ambiguous region ${name}: ${options.join(" / ")}; the text names neither prefecture nor province`] };
  }
  const { prefectureShort: _p, provinceShort: _q, ...region } = county;
  return { region, level: region.level, warnings };
}

function levelFromText(text: string): Level | null {
  const head = despace(text.slice(0, 200));
  for (const [re, level] of LEVEL_FROM_ISSUER) if (re.test(head)) return level;
  return null;
}

function countOf(text: string, needle: string | null): number {
  if (!needle || needle.length < 2) return 0;
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}

function allPresent(table: Uint8Array, s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!table[s.charCodeAt(i)]) return false;
  return true;
}

function disambiguate(candidates: County[], text: string): County | null {
  if (candidates.length === 1) return candidates[0]!;
  // (Counted once per name: 市辖区 has 281 candidates in ~30 provinces. With that many, a name
  // with a character the text lacks is not searched for: 0.5 ms a report down to ~0.1.)
  const counts = new Map<string | null, number>();
  const present = candidates.length > 8 ? charTable(text) : null;
  const count = (needle: string | null) => {
    let n = counts.get(needle);
    if (n === undefined) counts.set(needle, (n = present && needle && !allPresent(present, needle) ? 0 : countOf(text, needle)));
    return n;
  };
  // (Pushed, not candidates.map(…): map's result does not always have the same elements kind,
  // and the sort on it threw away findRegion's optimised code, where this is inlined.)
  const scored: { c: County; s: number }[] = [];
  for (const c of candidates) scored.push({ c, s: count(c.prefectureShort) * 2 + count(c.provinceShort) });
  scored.sort((a, b) => b.s - a.s);
  if (scored[0]!.s > 0 && scored[0]!.s > (scored[1]?.s ?? 0)) return scored[0]!.c;
  return null;
}

export interface PlanInfo {
  hasPlan: boolean;
  planYear: number | null;
  planPeriod: Period | null;
}

export function findPlan(title: string, sections: readonly Section[], year: number | null, period: Period | null): PlanInfo {
  const planSection = sections.find((s) => s.role === "plan" && s.depth === 1);
  const planInTitle = /(?:和|及|暨|与)\s*((?:19|20)\d{2})?\s*年?\s*(上半年|下半年|全年|年度)?[^和及暨与]*?(?:计划|谋划|打算|要点)/.exec(title);
  if (!planSection && !planInTitle) return { hasPlan: false, planYear: null, planPeriod: null };
  const source = planInTitle?.[0] ?? planSection?.title ?? "";
  const m = /((?:19|20)\d{2})\s*年?/.exec(source);
  let planYear = m ? Number(m[1]) : null;
  let planPeriod: Period | null = null;
  if (/下半年/.test(source)) planPeriod = "H2";
  else if (/上半年/.test(source)) planPeriod = "H1";
  else if (m) planPeriod = "FY";
  if (planPeriod === null && year !== null && period !== null) {
    // The plan that follows a half-year summary is for the second half; a full year's, the next year.
    if (period === "H1") [planYear, planPeriod] = [year, "H2"];
    else if (period === "FY" || period === "H2") [planYear, planPeriod] = [year + 1, "FY"];
  }
  if (planYear === null && planPeriod !== null) planYear = year;
  return { hasPlan: true, planYear, planPeriod };
}

export { nonEmptyLines, SOURCE_LINE };
