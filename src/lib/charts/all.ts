// The charts offered as SVG downloads (/charts/<key>.svg): the national charts of every indicator
// page, exactly as that page draws them. Region pages' small charts offer their region's CSV
// instead, and province pages the indicator's CSV (docs/site.md).
import type { SiteData } from "../site-data";
import { indicatorCharts, splitByProvince, type ChartSpec } from "./specs";

/** The charts of one indicator's page (/indicators/<id>/). */
export function indicatorPageCharts(data: SiteData, id: string): { split: boolean; charts: ChartSpec[] } {
  const ind = data.index.get(id)!;
  const rows = data.rowsByIndicator.get(id) ?? [];
  const split = splitByProvince(rows);
  return { split, charts: indicatorCharts(ind, rows, data.colors, { split }) };
}

export function allChartSpecs(data: SiteData): ChartSpec[] {
  return [...data.index.keys()].flatMap((id) => indicatorPageCharts(data, id).charts);
}
