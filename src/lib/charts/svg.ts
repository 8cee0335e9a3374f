// The time-series charts (one line per region, a linked dot per value), written as SVG text
// directly. Region pages draw tens of thousands of these small charts at 10,000 reports (~42,000);
// Observable Plot on a server-side DOM (linkedom) cost 3.5 ms (four points) to 12 ms (80 points) of
// CPU per chart against ~0.1 ms here, so this writer stays for them (docs/site.md). The few
// cross-region comparison charts of indicator pages are drawn with Plot (./plot.ts), which imports
// the shared scale and style constants below. Scales and ticks come from d3, as in Plot. Every
// point is an <a> to its source sentence with a <title> tooltip; all text is escaped (report quotes
// are untrusted).
import { scaleLinear } from "d3";
import { axisFormat, escapeHtml as esc } from "../labels";

export interface Mark {
  value: number;
  href: string;
  tip: string;
  color: string;
  /** Radius; hollow marks are drawn white with a coloured ring. */
  r?: number;
  hollow?: boolean;
}

export interface Line {
  label: string;
  color: string;
  /** Points in year order. */
  points: (Mark & { year: number })[];
}

export const FONT = "system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";
const GRID = "#e3e7ec";
export const MUTED = "#5b6673";
export const INK = "#1d232a";

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
export function valueScale(values: number[], range: [number, number]) {
  let lo = Math.min(0, ...values);
  let hi = Math.max(0, ...values);
  if (lo === hi) hi = lo + 1;
  return scaleLinear().domain([lo, hi]).nice().range(range);
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
