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

export function formatNumber(n: number): string {
  return n.toLocaleString("zh-CN", { maximumFractionDigits: 4 });
}
