// Which charts the site draws, as data: the cross-region comparison of one indicator (one chart
// per period type and unit, never mixing half-year and full-year values), its time series, the
// per-10,000-people view, a region's own indicators over time, and — for indicators with values
// from more regions than one page can show — the same comparison by province (lowest, median and
// highest region of each). Each spec knows its points; `renderSpec` draws it: the comparison dot
// plots with Observable Plot (./plot.ts), the time series with the string writer (./svg.ts). Every
// point is a link to the sentence it came from.
import type { Period } from "../schema";
import type { Indicator } from "../catalogue";
import { PERIOD_LABEL, formatNumber2 } from "../labels";
import { byPeriodType, chartPoints, groupBy, latestPerRegion, type ValueRow } from "../values";
import { comparePeriods } from "../corpus";
import { seriesPlot, type Line } from "./svg";
import { dotPlot, type Row } from "./plot";

export type ChartKind = "regions" | "series" | "per10k" | "region-series" | "provinces" | "provinces-per10k";

export interface ChartPoint {
  row: ValueRow;
  /** The label on the region (or province) axis. */
  label: string;
  value: number;
  color: string;
  tip: string;
  /** Province charts: which region of the province this point is. */
  role?: "min" | "median" | "max";
}

export interface ChartSpec {
  /** File-safe, unique across the site: also the name of the SVG download. */
  key: string;
  kind: ChartKind;
  indicator: string;
  period: Period | "unknown";
  title: string;
  unit: string;
  axisLabel: string;
  points: ChartPoint[];
}

/**
 * An indicator's page shows every region only up to these sizes; beyond them it shows provinces
 * (lowest, median, highest region) and a table by province, and each province's regions and values
 * are on /indicators/<id>/<province code>/. Chosen so an indicator page stays under 120 KB
 * (docs/site.md).
 */
export const SPLIT_AT = { regions: 40, rows: 250 } as const;
/** A series chart draws one line per region: beyond this many it is left to the region pages. */
export const SERIES_MAX_REGIONS = 20;

const periodName = (p: Period | "unknown") => (p === "unknown" ? "报告期不详" : PERIOD_LABEL[p]);

function unitOf(r: ValueRow, ind: Indicator | undefined): string {
  return r.normalizedUnit ?? r.unit ?? ind?.unit ?? "";
}

const fmt = formatNumber2;

/** Whether an indicator's values are too many for one page (see SPLIT_AT). */
export function splitByProvince(rows: readonly ValueRow[]): boolean {
  if (rows.filter((r) => r.kind === "actual").length > SPLIT_AT.rows) return true;
  const regions = new Set<string>();
  for (const r of rows) if (r.regionCode) regions.add(r.regionCode);
  return regions.size > SPLIT_AT.regions;
}

/** Region labels, with the prefecture where two regions of the chart share a name. */
function regionLabels(rows: readonly ValueRow[]): Map<string, string> {
  const count = new Map<string, number>();
  const codes = new Map<string, ValueRow>();
  for (const r of rows) codes.set(r.regionCode!, r);
  for (const r of codes.values()) count.set(r.regionName!, (count.get(r.regionName!) ?? 0) + 1);
  return new Map([...codes].map(([code, r]) => [code, (count.get(r.regionName!) ?? 0) > 1 ? `${r.regionName}（${r.prefecture ?? r.province}）` : r.regionName!]));
}

function slug(s: string): string {
  return [...s].map((c) => (/[0-9A-Za-z_-]/.test(c) ? c : c.codePointAt(0)!.toString(16))).join("");
}

/** Lowest, median (the lower one for an even count) and highest of a province's regions: real values, each linked. */
function provincePoints(latest: ValueRow[], value: (r: ValueRow) => number, tip: (r: ValueRow, v: number) => string, colors: Map<string, string>): ChartPoint[] {
  const out: ChartPoint[] = [];
  for (const [, rs] of groupBy(latest, (r) => r.province ?? "")) {
    const sorted = [...rs].sort((a, b) => value(a) - value(b));
    const n = sorted.length;
    const picks: [ChartPoint["role"], ValueRow][] = [["median", sorted[(n - 1) >> 1]!]];
    if (n > 1) picks.push(["min", sorted[0]!]);
    if (n > 2) picks.push(["max", sorted[n - 1]!]);
    for (const [role, r] of picks) {
      const v = value(r);
      const what = n === 1 ? "本省唯一有数值的地区" : role === "median" ? `本省 ${n} 个地区的中位数` : role === "min" ? `本省 ${n} 个地区中最低` : `本省 ${n} 个地区中最高`;
      out.push({ row: r, label: r.province!, value: v, color: colors.get(r.province!) ?? "#888", tip: `${tip(r, v)}\n（${what}）`, role });
    }
  }
  return out;
}

export interface IndicatorChartOptions {
  /** Province view (see SPLIT_AT); default: every region. */
  split?: boolean;
  /** Prepended to every key (province pages, so their charts never share a key with the national ones). */
  keyPrefix?: string;
}

export function indicatorCharts(ind: Indicator, rows: readonly ValueRow[], colors: Map<string, string>, options: IndicatorChartOptions = {}): ChartSpec[] {
  const specs: ChartSpec[] = [];
  const points = chartPoints(rows.filter((r) => r.indicator === ind.id));
  const periods = [...byPeriodType(points)].sort(([a], [b]) => (a === "unknown" ? 1 : b === "unknown" ? -1 : comparePeriods({ year: 0, period: a }, { year: 0, period: b })));
  for (const [period, ps] of periods) {
    const units = groupBy(ps, (r) => unitOf(r, ind));
    for (const [unit, us] of units) {
      const suffix = units.size > 1 ? `-${slug(unit || "none")}` : "";
      const unitNote = units.size > 1 ? `，单位：${unit || "无"}` : "";
      const base = `${options.keyPrefix ?? ""}${ind.id}-${period}${suffix}`;
      const latest = latestPerRegion(us);
      const tip = (r: ValueRow, v: number, u: string) => `${r.regionName}（${r.province}）${r.year ?? ""}${periodName(period)}：${fmt(v)}${u}\n${r.quote}`;
      const withPop = latest.filter((r) => r.per10k !== null);
      const u10k = `${unit}/万人`;
      const tip10k = (r: ValueRow, v: number) => `${tip(r, v, u10k)}\n常住人口 ${fmt(r.population!)} 人`;
      if (options.split) {
        specs.push({
          key: `${base}-provinces`,
          kind: "provinces",
          indicator: ind.id,
          period,
          title: `${ind.zh}：各省份地区比较（${periodName(period)}${unitNote}）`,
          unit,
          axisLabel: `${ind.zh}（${unit || "无单位"}）`,
          points: provincePoints(latest, (r) => r.normalizedValue, (r, v) => tip(r, v, unit), colors),
        });
        if (withPop.length > 0) {
          specs.push({
            key: `${base}-provinces-per10k`,
            kind: "provinces-per10k",
            indicator: ind.id,
            period,
            title: `${ind.zh}：每万常住人口，各省份地区比较（${periodName(period)}${unitNote}）`,
            unit: u10k,
            axisLabel: `每万常住人口${ind.zh}（${u10k}）`,
            points: provincePoints(withPop, (r) => r.per10k!, tip10k, colors),
          });
        }
        continue;
      }
      const years = new Set(latest.map((r) => r.year));
      const labels = regionLabels(latest);
      const label = (r: ValueRow) => `${labels.get(r.regionCode!)}${years.size > 1 ? ` ${r.year ?? "?"}` : ""}`;
      specs.push({
        key: `${base}-regions`,
        kind: "regions",
        indicator: ind.id,
        period,
        title: `${ind.zh}：各地区比较（${periodName(period)}${unitNote}）`,
        unit,
        axisLabel: `${ind.zh}（${unit || "无单位"}）`,
        points: latest.map((r) => ({ row: r, label: label(r), value: r.normalizedValue, color: colors.get(r.province!) ?? "#888", tip: tip(r, r.normalizedValue, unit) })),
      });
      if (withPop.length > 0) {
        specs.push({
          key: `${base}-per10k`,
          kind: "per10k",
          indicator: ind.id,
          period,
          title: `${ind.zh}：每万常住人口（${periodName(period)}${unitNote}）`,
          unit: u10k,
          axisLabel: `每万常住人口${ind.zh}（${u10k}）`,
          points: withPop.map((r) => ({ row: r, label: label(r), value: r.per10k!, color: colors.get(r.province!) ?? "#888", tip: tip10k(r, r.per10k!) })),
        });
      }
      const seen = new Set<string>();
      const regionsWithSeveral = new Set<string>();
      for (const r of us) (seen.has(r.regionCode!) ? regionsWithSeveral : seen).add(r.regionCode!);
      if (regionsWithSeveral.size > 0 && regionsWithSeveral.size <= SERIES_MAX_REGIONS) {
        const series = us.filter((r) => regionsWithSeveral.has(r.regionCode!));
        const sl = regionLabels(series);
        specs.push({
          key: `${base}-series`,
          kind: "series",
          indicator: ind.id,
          period,
          title: `${ind.zh}：历年变化（${periodName(period)}${unitNote}）`,
          unit,
          axisLabel: `${ind.zh}（${unit || "无单位"}）`,
          points: series.map((r) => ({ row: r, label: sl.get(r.regionCode!)!, value: r.normalizedValue, color: colors.get(r.province!) ?? "#888", tip: tip(r, r.normalizedValue, unit) })),
        });
      }
    }
  }
  return specs;
}

/** A region's own indicators over time: one small chart per indicator and period type with ≥ 2 values. */
export function regionCharts(gbCode: string, rows: readonly ValueRow[], index: Map<string, Indicator>, colors: Map<string, string>): ChartSpec[] {
  const specs: ChartSpec[] = [];
  const points = chartPoints(rows.filter((r) => r.regionCode === gbCode));
  for (const [id, ps] of groupBy(points, (p) => p.indicator)) {
    const ind = index.get(id);
    for (const [period, pp] of byPeriodType(ps)) {
      for (const [unit, us] of groupBy(pp, (r) => unitOf(r, ind))) {
        if (new Set(us.map((r) => r.year)).size < 2) continue;
        specs.push({
          key: `region-${gbCode}-${id}-${period}-${slug(unit || "none")}`,
          kind: "region-series",
          indicator: id,
          period,
          title: `${ind?.zh ?? id}（${periodName(period)}）`,
          unit,
          axisLabel: `${ind?.zh ?? id}（${unit || "无单位"}）`,
          points: us.map((r) => ({ row: r, label: r.regionName!, value: r.normalizedValue, color: colors.get(r.province!) ?? "#888", tip: `${r.year}${periodName(period)}：${fmt(r.normalizedValue)}${unit}\n${r.quote}` })),
        });
      }
    }
  }
  return specs;
}

export function renderSpec(spec: ChartSpec): string {
  const aria = { ariaLabel: spec.title, ariaDescription: `${spec.points.length} 个数据点；每个点链接到原文句子` };
  if (spec.kind === "regions" || spec.kind === "per10k") {
    const rows: Row[] = [...spec.points]
      .sort((a, b) => b.value - a.value)
      .map((p) => ({ label: p.label, marks: [{ value: p.value, href: p.row.link, tip: p.tip, color: p.color }] }));
    return dotPlot(rows, { axisLabel: spec.axisLabel, ...aria });
  }
  if (spec.kind === "provinces" || spec.kind === "provinces-per10k") {
    const byProvince = groupBy(spec.points, (p) => p.label);
    const median = (ps: ChartPoint[]) => ps.find((p) => p.role === "median")!.value;
    const rows: Row[] = [...byProvince]
      .sort(([, a], [, b]) => median(b) - median(a))
      .map(([label, ps]) => {
        const values = ps.map((p) => p.value);
        return {
          label,
          range: [Math.min(...values), Math.max(...values)],
          marks: ps.map((p) => ({ value: p.value, href: p.row.link, tip: p.tip, color: p.color, ...(p.role === "median" ? { r: 6 } : { r: 4, hollow: true }) })),
        };
      });
    return dotPlot(rows, { axisLabel: spec.axisLabel, ...aria, ariaDescription: `${byProvince.size} 个省份，每省最低、中位、最高的地区各一个点；每个点链接到原文句子` });
  }
  // Time series: one line per region, a linked dot per value.
  const lines: Line[] = [...groupBy(spec.points, (p) => p.label)].map(([label, ps]) => ({
    label,
    color: ps[0]!.color,
    points: [...ps].sort((a, b) => (a.row.year ?? 0) - (b.row.year ?? 0)).map((p) => ({ year: p.row.year ?? 0, value: p.value, href: p.row.link, tip: p.tip, color: p.color })),
  }));
  const small = spec.kind === "region-series";
  return seriesPlot(lines, { width: small ? 420 : 640, height: small ? 220 : 320, marginRight: small ? 24 : 90, endLabels: !small, axisLabel: spec.axisLabel, ...aria });
}

/**
 * Charts drawn twice — once inline on their page and once as the SVG download — are rendered
 * once: the first caller stores the drawing, the second takes it (and frees it).
 */
const shared = new Map<string, string>();
export function renderShared(spec: ChartSpec): string {
  const svg = shared.get(spec.key);
  if (svg !== undefined) {
    shared.delete(spec.key);
    return svg;
  }
  const drawn = renderSpec(spec);
  shared.set(spec.key, drawn);
  return drawn;
}
