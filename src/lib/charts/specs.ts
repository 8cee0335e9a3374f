// Which charts the site draws, as data: the cross-region comparison of one indicator (one chart
// per period type and unit, never mixing half-year and full-year values), its time series, the
// per-10,000-people view, and a region's own indicators over time. Each spec knows its points;
// `renderSpec` draws it with Plot. Every point is a link to the sentence it came from.
import * as Plot from "@observablehq/plot";
import type { Period } from "../schema";
import type { Indicator } from "../catalogue";
import { PERIOD_LABEL } from "../labels";
import { byPeriodType, chartPoints, latestPerRegion, type ValueRow } from "../values";
import { comparePeriods } from "../corpus";
import { renderPlot } from "./render";

export type ChartKind = "regions" | "series" | "per10k" | "region-series";

export interface ChartPoint {
  row: ValueRow;
  /** The label on the region axis. */
  label: string;
  value: number;
  color: string;
  tip: string;
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

const periodName = (p: Period | "unknown") => (p === "unknown" ? "报告期不详" : PERIOD_LABEL[p]);

function unitOf(r: ValueRow, ind: Indicator | undefined): string {
  return r.normalizedUnit ?? r.unit ?? ind?.unit ?? "";
}

function fmt(n: number): string {
  return n.toLocaleString("zh-CN", { maximumFractionDigits: 2 });
}

/** Region labels, with the prefecture where two regions of the chart share a name. */
function regionLabels(rows: readonly ValueRow[]): Map<string, string> {
  const count = new Map<string, number>();
  const codes = new Map<string, ValueRow>();
  for (const r of rows) codes.set(r.regionCode!, r);
  for (const r of codes.values()) count.set(r.regionName!, (count.get(r.regionName!) ?? 0) + 1);
  return new Map([...codes].map(([code, r]) => [code, (count.get(r.regionName!) ?? 0) > 1 ? `${r.regionName}（${r.prefecture ?? r.province}）` : r.regionName!]));
}

function groupByUnit(rows: ValueRow[], ind: Indicator | undefined): Map<string, ValueRow[]> {
  const out = new Map<string, ValueRow[]>();
  for (const r of rows) {
    const u = unitOf(r, ind);
    out.set(u, [...(out.get(u) ?? []), r]);
  }
  return out;
}

function slug(s: string): string {
  return [...s].map((c) => (/[0-9A-Za-z_-]/.test(c) ? c : c.codePointAt(0)!.toString(16))).join("");
}

export function indicatorCharts(ind: Indicator, rows: readonly ValueRow[], colors: Map<string, string>): ChartSpec[] {
  const specs: ChartSpec[] = [];
  const points = chartPoints(rows.filter((r) => r.indicator === ind.id));
  const periods = [...byPeriodType(points)].sort(([a], [b]) => (a === "unknown" ? 1 : b === "unknown" ? -1 : comparePeriods({ year: 0, period: a }, { year: 0, period: b })));
  for (const [period, ps] of periods) {
    const units = groupByUnit(ps, ind);
    for (const [unit, us] of units) {
      const suffix = units.size > 1 ? `-${slug(unit || "none")}` : "";
      const unitNote = units.size > 1 ? `，单位：${unit || "无"}` : "";
      const base = `${ind.id}-${period}${suffix}`;
      const latest = latestPerRegion(us);
      const years = new Set(latest.map((r) => r.year));
      const labels = regionLabels(latest);
      const label = (r: ValueRow) => `${labels.get(r.regionCode!)}${years.size > 1 ? ` ${r.year ?? "?"}` : ""}`;
      const tip = (r: ValueRow, v: number, u: string) => `${r.regionName}（${r.province}）${r.year ?? ""}${periodName(period)}：${fmt(v)}${u}\n${r.quote}`;
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
      const withPop = latest.filter((r) => r.per10k !== null);
      if (withPop.length > 0) {
        const u = `${unit}/万人`;
        specs.push({
          key: `${base}-per10k`,
          kind: "per10k",
          indicator: ind.id,
          period,
          title: `${ind.zh}：每万常住人口（${periodName(period)}${unitNote}）`,
          unit: u,
          axisLabel: `每万常住人口${ind.zh}（${u}）`,
          points: withPop.map((r) => ({ row: r, label: label(r), value: r.per10k!, color: colors.get(r.province!) ?? "#888", tip: `${tip(r, r.per10k!, u)}\n常住人口 ${fmt(r.population!)} 人` })),
        });
      }
      const regionsWithSeveral = new Set(us.map((r) => r.regionCode).filter((c, i, a) => a.indexOf(c) !== i));
      if (regionsWithSeveral.size > 0) {
        const series = us.filter((r) => regionsWithSeveral.has(r.regionCode));
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
  const byInd = new Map<string, ValueRow[]>();
  for (const p of points) byInd.set(p.indicator, [...(byInd.get(p.indicator) ?? []), p]);
  for (const [id, ps] of byInd) {
    const ind = index.get(id);
    for (const [period, pp] of byPeriodType(ps)) {
      for (const [unit, us] of groupByUnit(pp, ind)) {
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

const CHAR_PX = 12.5;
const FONT = "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

export function renderSpec(spec: ChartSpec): string {
  const data = spec.points.map((p) => ({ ...p, href: p.row.link, year: p.row.year ?? 0 }));
  const common = { style: { fontSize: "12px", fontFamily: FONT, background: "transparent" }, ariaLabel: spec.title, ariaDescription: `${spec.points.length} 个数据点；每个点链接到原文句子` };
  if (spec.kind === "regions" || spec.kind === "per10k") {
    const longest = Math.max(2, ...data.map((d) => [...d.label].reduce((n, c) => n + (c.charCodeAt(0) > 255 ? 1 : 0.6), 0)));
    const marginLeft = Math.ceil(longest * CHAR_PX) + 14;
    const sorted = [...data].sort((a, b) => b.value - a.value);
    const domain = sorted.map((d) => d.label);
    return renderPlot({
      ...common,
      width: 640,
      height: Math.max(90, data.length * 24 + 56),
      marginLeft,
      marginRight: 24,
      marginBottom: 44,
      x: { label: `${spec.axisLabel} →`, labelAnchor: "right", labelOffset: 38, grid: true, nice: true, zero: true },
      y: { label: null, domain, tickSize: 0 },
      marks: [
        Plot.ruleY(sorted, { y: "label", stroke: "#d9dee4" }),
        Plot.ruleX([0], { stroke: "#5b6673" }),
        Plot.dot(sorted, { x: "value", y: "label", fill: "color", r: 6, stroke: "#1d232a", strokeWidth: 0.6, href: "href", title: "tip", ariaLabel: "数据点" }),
      ],
    });
  }
  // Time series: one line per region, a linked dot per value.
  const years = [...new Set(data.map((d) => d.year))].sort();
  return renderPlot({
    ...common,
    width: spec.kind === "region-series" ? 420 : 640,
    height: spec.kind === "region-series" ? 220 : 320,
    marginLeft: 64,
    marginRight: spec.kind === "series" ? 90 : 24,
    marginBottom: 44,
    x: { label: "年份 →", labelAnchor: "right", labelOffset: 38, type: "point", domain: years, tickFormat: (d: number) => `${d}`, inset: 20 },
    y: { label: `↑ ${spec.axisLabel}`, grid: true, nice: true, zero: true },
    marks: [
      Plot.line(data, { x: "year", y: "value", z: "label", stroke: "color", strokeWidth: 1.6, sort: "year" }),
      Plot.dot(data, { x: "year", y: "value", fill: "color", r: 5, stroke: "#1d232a", strokeWidth: 0.6, href: "href", title: "tip", ariaLabel: "数据点" }),
      ...(spec.kind === "series" ? [Plot.text(data, Plot.selectLast({ x: "year", y: "value", z: "label", text: "label", dx: 8, textAnchor: "start", fill: "#1d232a" }))] : []),
    ],
  });
}
