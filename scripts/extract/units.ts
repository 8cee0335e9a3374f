// Units and classifiers that may follow a number, and the multipliers 万/亿 that may sit between.
// A number without one of these after it is not a quantity in these reports (dates, list
// numbers, document numbers), except the few unitless ratios handled in candidates.ts.

/** Longest first, so 人次 wins over 人 and 篇（次） over 篇. Folded forms ( ( ) ) only. */
export const UNITS: readonly string[] = [
  "篇(次)", "个百分点", "元/人次", "元/人", "平方米", "平方公里", "公里", "人/床", "人次", "人份", "家次", "间次", "剂次", "场次", "项次", "架次", "台次", "户次", "所次",
  "个次", "批次", "车次", "件次", "%", "‰", "㎡", "人", "名", "家", "张", "间", "个", "剂", "管", "元", "场", "项", "例",
  "起", "宗", "条", "篇", "台", "辆", "种", "户", "层", "位", "部", "件", "对", "所", "座", "处", "公斤", "吨", "轮",
  "次", "批", "支", "套", "份", "册", "本", "期", "枚", "箱", "盒", "瓶", "亩", "米", "床", "组", "栋", "幢", "天", "类",
  "课时", "学时", "倍", "岁", "课", "款", "头", "只", "块", "片", "孔", "平米", "立方米", "千克", "克", "升", "毫升", "例次", "人日",
];

/** Unit as written → base unit of the normalized value. */
const BASE_UNIT: Record<string, string> = {
  名: "人", "㎡": "平方米", 平米: "平方米", "篇(次)": "篇（次）",
};

export const MULTIPLIERS: Record<string, number> = { 万: 1e4, 亿: 1e8, 千: 1e3, 百: 100 };

/** BASE_UNIT as a Map: units are fresh strings (cut from the text), which a Map hashes once, where an object property lookup has to internalise them. */
const BASE_UNIT_MAP = new Map(Object.entries(BASE_UNIT));

export function baseUnit(unit: string | null): string | null {
  if (unit === null) return null;
  return BASE_UNIT_MAP.get(unit) ?? unit;
}

/** Money, area … whose rate/count family the indicator mapper checks. */
export type UnitFamily = "percent" | "permille" | "money" | "area" | "count" | "ratio" | "other";

export function unitFamily(unit: string | null): UnitFamily {
  if (unit === null) return "ratio";
  if (unit === "%") return "percent";
  if (unit === "‰") return "permille";
  if (/元(\/人次?)?$/.test(unit)) return "money";
  if (/平方米|㎡|平米|亩|平方公里/.test(unit)) return "area";
  if (unit.includes("/")) return "ratio";
  return "count";
}
