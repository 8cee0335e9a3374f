// Every chart of the site, for the SVG downloads (/charts/<key>.svg).
import type { SiteData } from "../site-data";
import { indicatorCharts, regionCharts, type ChartSpec } from "./specs";
import { regionsOf } from "../corpus";

export function allChartSpecs(data: SiteData): ChartSpec[] {
  const specs: ChartSpec[] = [];
  for (const ind of data.index.values()) specs.push(...indicatorCharts(ind, data.rows, data.colors));
  for (const r of regionsOf(data.reports)) specs.push(...regionCharts(r.gbCode, data.rows, data.index, data.colors));
  return specs;
}
