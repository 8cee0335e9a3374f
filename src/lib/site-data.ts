// Everything the pages derive from the entries, computed once per build.
import { BASE } from "./base";
import { allReports } from "./entries";
import { indicatorIndex, type Indicator } from "./catalogue";
import { valueRows, type ValueRow } from "./values";
import { provinceColors } from "./charts/colors";
import { siteMeta, type SiteMeta } from "./meta";
import { compareTopics } from "./topics";
import type { ReportEntry } from "./schema";

export interface SiteData {
  reports: ReportEntry[];
  index: Map<string, Indicator>;
  rows: ValueRow[];
  colors: Map<string, string>;
  meta: SiteMeta;
  /** Indicators grouped by Chinese topic, in topic order. */
  topics: { topic: string; indicators: Indicator[] }[];
}

let cached: Promise<SiteData> | null = null;

export function siteData(base = BASE): Promise<SiteData> {
  cached ??= (async () => {
    const reports = await allReports();
    const index = indicatorIndex(reports);
    const rows = valueRows(reports, index, base);
    const colors = provinceColors(reports.flatMap((r) => (r.region ? [r.region.province] : [])));
    const byTopic = new Map<string, Indicator[]>();
    for (const ind of index.values()) byTopic.set(ind.topic, [...(byTopic.get(ind.topic) ?? []), ind]);
    const topics = [...byTopic].sort(([a], [b]) => compareTopics(a, b)).map(([topic, indicators]) => ({ topic, indicators }));
    return { reports, index, rows, colors, meta: siteMeta(reports), topics };
  })();
  return cached;
}
