// Grouping and sorting of report entries for the pages. Pure functions over entry data.
import type { Period, ReportListing } from "./schema";
import { PERIOD_ORDER } from "./labels";

export function comparePeriods(a: { year: number | null; period: Period | null }, b: { year: number | null; period: Period | null }): number {
  return (a.year ?? 0) - (b.year ?? 0) || PERIOD_ORDER.indexOf(a.period ?? "FY") - PERIOD_ORDER.indexOf(b.period ?? "FY");
}

export interface RegionGroup {
  gbCode: string;
  name: string;
  prefecture: string | null;
  province: string;
  reports: ReportListing[];
}

export interface ProvinceGroup {
  province: string;
  prefectures: { prefecture: string | null; regions: RegionGroup[] }[];
}

/** Chinese collation, made once (`localeCompare(b, "zh-CN")` gives the same order at a higher cost per call). */
export const zh = new Intl.Collator("zh-CN");

export function regionsOf(entries: readonly ReportListing[]): RegionGroup[] {
  const byCode = new Map<string, RegionGroup>();
  for (const e of entries) {
    if (!e.region) continue;
    const g = byCode.get(e.region.gbCode) ?? { ...e.region, reports: [] };
    g.reports.push(e);
    byCode.set(e.region.gbCode, g);
  }
  for (const g of byCode.values()) g.reports.sort(comparePeriods);
  return [...byCode.values()].sort((a, b) => a.gbCode.localeCompare(b.gbCode));
}

/** Province → prefecture → region, in GB code order (which is the official order). */
export function provinceTree(entries: readonly ReportListing[]): ProvinceGroup[] {
  const tree = new Map<string, Map<string, RegionGroup[]>>();
  for (const r of regionsOf(entries)) {
    const prefectures = tree.get(r.province) ?? new Map<string, RegionGroup[]>();
    const key = r.prefecture ?? "";
    prefectures.set(key, [...(prefectures.get(key) ?? []), r]);
    tree.set(r.province, prefectures);
  }
  return [...tree.entries()].map(([province, prefectures]) => ({
    province,
    prefectures: [...prefectures.entries()].map(([prefecture, regions]) => ({ prefecture: prefecture || null, regions })),
  }));
}

export function yearsOf(entries: readonly ReportListing[]): number[] {
  return [...new Set(entries.map((e) => e.year).filter((y): y is number => y !== null))].sort((a, b) => b - a);
}

export function sortByTitle<T extends { title: string }>(xs: T[]): T[] {
  return xs.sort((a, b) => zh.compare(a.title, b.title));
}
