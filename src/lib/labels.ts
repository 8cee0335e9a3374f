// Chinese labels for the UI.
import type { Period, SectionRole } from "./schema";

export const PERIOD_LABEL: Record<Period, string> = {
  H1: "上半年",
  H2: "下半年",
  FY: "全年",
  Q1: "第一季度",
  Q2: "第二季度",
  Q3: "第三季度",
  Q4: "第四季度",
};

export const PERIOD_ORDER: Period[] = ["Q1", "H1", "Q2", "Q3", "H2", "Q4", "FY"];

export const ROLE_LABEL: Record<SectionRole, string> = {
  preamble: "导言",
  summary: "工作总结",
  problems: "存在问题",
  plan: "工作计划",
  closing: "落款",
};

export const KIND_LABEL = { actual: "实际值", target: "目标值" } as const;

export const QUALIFIER_LABEL = {
  approx: "约",
  more_than: "超过/余",
  nearly: "近",
  at_least: "不少于/以上",
  at_most: "不超过/以内",
} as const;

export const UNKNOWN_REGION = "地区不详";

export function periodLabel(year: number | null, period: Period | null): string {
  return `${year ?? "年份不详"}${year ? "年" : ""}${period ? PERIOD_LABEL[period] : ""}`;
}

// One formatter per precision, made once: `toLocaleString` builds a new Intl.NumberFormat on every
// call, which was the largest single cost of a 10,000-report build (docs/site.md).
const NF4 = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 4 });
const NF2 = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 2 });

/** Numbers that read the same in JavaScript's shortest form and in zh-CN with up to four decimals. */
const PLAIN_SHORT = /^-?\d{1,3}(?:\.\d{1,4})?$/;

/** A number as zh-CN readers write it (1,234.5678): up to four decimals. */
export function formatNumber(n: number): string {
  // Below 1,000 in magnitude, with at most four decimals in its shortest form, a number needs no
  // separator and no rounding: String(n) is the formatter's text, at a fraction of its cost (this
  // runs for every mark of every report page). -0 is left to the formatter ("-0").
  const s = String(n);
  return PLAIN_SHORT.test(s) && !Object.is(n, -0) ? s : NF4.format(n);
}

/** The same with at most two decimals (chart tooltips, per-10,000 values). */
export function formatNumber2(n: number): string {
  return NF2.format(n);
}

/**
 * Tick labels for a value axis whose largest magnitude is `max`: plain numbers below 100,000,
 * 万 (10⁴) from there, 亿 (10⁸) from 100 million — 12万, 1.5亿 — as zh-CN readers expect.
 */
export function axisFormat(max: number): (n: number) => string {
  const m = Math.abs(max);
  if (m >= 1e8) return (n) => (n === 0 ? "0" : `${NF4.format(n / 1e8)}亿`);
  if (m >= 1e5) return (n) => (n === 0 ? "0" : `${NF4.format(n / 1e4)}万`);
  return (n) => NF4.format(n);
}

const HTML_SPECIAL = /[&<>"']/;
const HTML_ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text for HTML text nodes and double-quoted attribute values. Components that build large
 * repeated markup (report text, value tables, charts) write strings with this instead of one
 * Astro expression per cell — the same output, several times faster at 10,000 reports. It runs
 * millions of times in a build, and most strings hold none of the five characters: those are
 * returned as they are, without a replace.
 */
export function escapeHtml(s: string): string {
  return HTML_SPECIAL.test(s) ? s.replace(/[&<>"']/g, (c) => HTML_ENTITY[c]!) : s;
}
