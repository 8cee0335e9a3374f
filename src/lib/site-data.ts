// Everything the pages derive from the entries, computed once per build.
import { BASE } from "./base";
import { allReports, type ReportSummary } from "./entries";
import { indicatorIndex, type Indicator } from "./catalogue";
import { groupBy, valueRows, type ValueRow } from "./values";
import { provinceColors } from "./charts/colors";
import { siteMeta, type SiteMeta } from "./meta";
import { compareTopics } from "./topics";

export interface SiteData {
  reports: ReportSummary[];
  index: Map<string, Indicator>;
  /** Indicator id → Chinese name (the report text's tooltips). */
  indicatorNames: Record<string, string>;
  rows: ValueRow[];
  /** The same rows grouped once, so a page takes its own without scanning all of them. */
  rowsByReport: Map<string, ValueRow[]>;
  rowsByRegion: Map<string, ValueRow[]>;
  rowsByIndicator: Map<string, ValueRow[]>;
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
    return {
      reports,
      index,
      indicatorNames: Object.fromEntries([...index.values()].map((i) => [i.id, i.zh])),
      rows,
      rowsByReport: groupBy(rows, (r) => r.reportId),
      rowsByRegion: groupBy(rows, (r) => r.regionCode ?? null),
      rowsByIndicator: groupBy(rows, (r) => r.indicator),
      colors,
      meta: siteMeta(reports),
      topics,
    };
  })();
  return cached;
}
