// The two chart shapes the site draws at build time, written as SVG text directly: a dot plot
// with one row per region (or province) and a time series with one line per region. Observable
// Plot on a server-side DOM (linkedom) drew the same pictures at 3.5 ms (four points) to 12 ms
// (80 points) of CPU per chart; at 10,000 reports the site draws tens of thousands of charts, so
// this string writer (~0.1 ms) replaced it (docs/site.md). Scales and ticks come from d3, as in
// Plot. Every point is an <a> to its source sentence with a <title> tooltip; all text is escaped
// (report quotes are untrusted).
import { scaleLinear } from "d3";
import { axisFormat } from "../labels";

export interface Mark {
  value: number;
  href: string;
  tip: string;
  color: string;
  /** Radius; hollow marks are drawn white with a coloured ring. */
  r?: number;
  hollow?: boolean;
}

export interface Row {
  label: string;
  marks: Mark[];
  /** A band from the lowest to the highest value of the row (province rows). */
  range?: [number, number];
}

export interface Line {
  label: string;
  color: string;
  /** Points in year order. */
  points: (Mark & { year: number })[];
}

const FONT = "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
const CHAR_PX = 12.5;
const GRID = "#e3e7ec";
const MUTED = "#5b6673";
const INK = "#1d232a";

export const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** Coordinates to one decimal: enough for the screen, short in the file. */
const c = (n: number) => String(Math.round(n * 10) / 10);

function open(width: number, height: number, ariaLabel: string, ariaDescription: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" role="img" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${esc(FONT)}" font-size="12" fill="currentColor" aria-label="${esc(ariaLabel)}" aria-description="${esc(ariaDescription)}">`;
}

function mark(m: Mark, cx: number, cy: number, defaultR: number): string {
  const r = m.r ?? defaultR;
  const paint = m.hollow ? `fill="#fff" stroke="${esc(m.color)}" stroke-width="2"` : `fill="${esc(m.color)}" stroke="${INK}" stroke-width="0.6"`;
  return `<a href="${esc(m.href)}" aria-label="数据点"><title>${esc(m.tip)}</title><circle cx="${c(cx)}" cy="${c(cy)}" r="${r}" ${paint}/></a>`;
}

/** A linear value scale from 0 (or the lowest negative value) to the highest value, made nice. */
function valueScale(values: number[], range: [number, number]) {
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (lo === hi) hi = lo + 1;
  return scaleLinear().domain([lo, hi]).nice().range(range);
}

const labelWidth = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 255 ? 1 : 0.6), 0);

/**
 * Rows (regions or provinces) down the side, values along the bottom; rows are drawn in the
 * order given. `axisLabel` names the value axis with its unit.
 */
export function dotPlot(rows: Row[], o: { width?: number; axisLabel: string; ariaLabel: string; ariaDescription: string }): string {
  const width = o.width ?? 640;
  const ml = Math.ceil(Math.max(2, ...rows.map((r) => labelWidth(r.label))) * CHAR_PX) + 14;
  const mr = 24;
  const mt = 20;
  const mb = 44;
  const height = Math.max(90, rows.length * 24 + 56);
  const values = rows.flatMap((r) => r.marks.map((m) => m.value));
  const x = valueScale(values, [ml, width - mr]);
  const step = rows.length ? (height - mt - mb) / rows.length : 0;
  const y = (i: number) => mt + step * (i + 0.5);
  const fmt = axisFormat(Math.max(...x.domain().map(Math.abs)));
  const out = [open(width, height, o.ariaLabel, o.ariaDescription)];
  out.push(`<g stroke="${GRID}">`);
  const ticks = x.ticks(Math.max(2, Math.floor((width - ml - mr) / 80)));
  for (const t of ticks) out.push(`<line x1="${c(x(t))}" x2="${c(x(t))}" y1="${mt}" y2="${height - mb}"/>`);
  for (let i = 0; i < rows.length; i++) out.push(`<line x1="${ml}" x2="${width - mr}" y1="${c(y(i))}" y2="${c(y(i))}" stroke="#d9dee4"/>`);
  out.push(`</g>`);
  out.push(`<line x1="${c(x(0))}" x2="${c(x(0))}" y1="${mt}" y2="${height - mb}" stroke="${MUTED}"/>`);
  out.push(`<g text-anchor="middle" fill="${MUTED}">`);
  for (const t of ticks) out.push(`<text x="${c(x(t))}" y="${height - mb + 16}">${esc(fmt(t))}</text>`);
  out.push(`</g>`);
  out.push(`<text x="${width - mr}" y="${height - 6}" text-anchor="end">${esc(o.axisLabel)} →</text>`);
  out.push(`<g text-anchor="end">`);
  rows.forEach((r, i) => out.push(`<text x="${ml - 6}" y="${c(y(i))}" dy="0.32em">${esc(r.label)}</text>`));
  out.push(`</g>`);
  rows.forEach((r, i) => {
    if (r.range) out.push(`<line x1="${c(x(r.range[0]))}" x2="${c(x(r.range[1]))}" y1="${c(y(i))}" y2="${c(y(i))}" stroke="${esc(r.marks[0]?.color ?? MUTED)}" stroke-width="3" stroke-opacity="0.45"/>`);
  });
  out.push(`<g>`);
  rows.forEach((r, i) => {
    for (const m of r.marks) out.push(mark(m, x(m.value), y(i), 6));
  });
  out.push(`</g></svg>`);
  return out.join("");
}

/** Years along the bottom (evenly spaced), values up the side, one line per series. */
export function seriesPlot(lines: Line[], o: { width: number; height: number; marginRight?: number; axisLabel: string; ariaLabel: string; ariaDescription: string; endLabels?: boolean }): string {
  const { width, height } = o;
  const ml = 64;
  const mr = o.marginRight ?? 24;
  const mt = 24;
  const mb = 44;
  const inset = 20;
  const years = [...new Set(lines.flatMap((l) => l.points.map((p) => p.year)))].sort((a, b) => a - b);
  const xi = new Map(years.map((yr, i) => [yr, i]));
  const span = width - ml - mr - 2 * inset;
  const x = (yr: number) => ml + inset + (years.length > 1 ? (xi.get(yr)! * span) / (years.length - 1) : span / 2);
  const y = valueScale(lines.flatMap((l) => l.points.map((p) => p.value)), [height - mb, mt]);
  const fmt = axisFormat(Math.max(...y.domain().map(Math.abs)));
  const ticks = y.ticks(Math.max(2, Math.floor((height - mt - mb) / 35)));
  const out = [open(width, height, o.ariaLabel, o.ariaDescription)];
  out.push(`<g stroke="${GRID}">`);
  for (const t of ticks) out.push(`<line x1="${ml}" x2="${width - mr}" y1="${c(y(t))}" y2="${c(y(t))}"/>`);
  out.push(`</g>`);
  out.push(`<g text-anchor="end" fill="${MUTED}">`);
  for (const t of ticks) out.push(`<text x="${ml - 6}" y="${c(y(t))}" dy="0.32em">${esc(fmt(t))}</text>`);
  out.push(`</g>`);
  out.push(`<text x="${ml - 6}" y="12">↑ ${esc(o.axisLabel)}</text>`);
  out.push(`<g text-anchor="middle" fill="${MUTED}">`);
  for (const yr of years) out.push(`<text x="${c(x(yr))}" y="${height - mb + 16}">${yr || "?"}</text>`);
  out.push(`</g>`);
  out.push(`<text x="${width - mr}" y="${height - 6}" text-anchor="end">年份 →</text>`);
  out.push(`<g fill="none" stroke-width="1.6">`);
  for (const l of lines) {
    if (l.points.length < 2) continue;
    out.push(`<path stroke="${esc(l.color)}" d="${l.points.map((p, i) => `${i ? "L" : "M"}${c(x(p.year))},${c(y(p.value))}`).join("")}"/>`);
  }
  out.push(`</g><g>`);
  for (const l of lines) for (const p of l.points) out.push(mark(p, x(p.year), y(p.value), 5));
  out.push(`</g>`);
  if (o.endLabels) {
    out.push(`<g fill="${INK}">`);
    for (const l of lines) {
      const last = l.points[l.points.length - 1];
      if (last) out.push(`<text x="${c(x(last.year) + 8)}" y="${c(y(last.value))}" dy="0.32em">${esc(l.label)}</text>`);
    }
    out.push(`</g>`);
  }
  out.push(`</svg>`);
  return out.join("");
}
