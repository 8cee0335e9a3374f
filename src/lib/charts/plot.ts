// The cross-region comparison charts of indicator pages (/indicators/<id>/ and
// /indicators/<id>/<province>/, and their downloads under /charts/), drawn with Observable Plot on
// a server-side DOM at build time: the pages ship the SVG inline and no JavaScript. There is one
// chart or two per indicator page and province page (~20,000 at 10,000 reports), so Plot's cost
// per chart (~1–4 ms of CPU, docs/scaling.md) is a large part of the build; the tens of thousands
// of small time-series charts of region pages stay with the string writer (./svg.ts).
//
// Every mark is an <a> to its source sentence with a <title> tooltip. Plot draws into a small DOM of
// our own (./dom.ts, which also serialises it: escaped text and attributes, coordinates to one
// decimal); linkedom, on which the charts were drawn before, gives the same markup and stays the
// reference in the tests.
import * as Plot from "@observablehq/plot";
import { axisFormat } from "../labels";
import { chartDocument, serialise } from "./dom";
import { FONT, INK, MUTED, valueScale, type Mark } from "./svg";

const CHAR_PX = 12.5;
/** A label's width in em (CJK characters 1, others 0.6). */
const labelWidth = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 255 ? 1 : 0.6), 0);

export interface Row {
  label: string;
  marks: Mark[];
  /** A band from the lowest to the highest value of the row (province rows). */
  range?: [number, number];
}

/**
 * Plot → the <svg> element's markup. `options` must not set a title (the page's figure has one).
 * `document` is the DOM Plot draws into: a fresh chart document by default (tests pass linkedom's).
 */
export function renderPlot(options: Plot.PlotOptions, document: object = chartDocument()): string {
  const node = Plot.plot({ ...options, document: document as Document }) as unknown as Element;
  const svg = node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg");
  if (!svg) throw new Error("Plot rendered no <svg>");
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return serialise(svg);
}

/**
 * Rows (regions or provinces) down the side, values along the bottom; rows are drawn in the
 * order given. `axisLabel` names the value axis with its unit; ticks read in 万/亿 past 100,000.
 */
export function dotPlot(rows: Row[], o: { width?: number; axisLabel: string; ariaLabel: string; ariaDescription: string }, document?: object): string {
  const width = o.width ?? 640;
  const marginLeft = Math.ceil(Math.max(2, ...rows.map((r) => labelWidth(r.label))) * CHAR_PX) + 14;
  const marginRight = 24;
  const x = valueScale(
    rows.flatMap((r) => r.marks.map((m) => m.value)),
    [marginLeft, width - marginRight],
  );
  const domain = x.domain() as [number, number];
  const dots = rows.flatMap((r) => r.marks.map((m) => ({ ...m, label: r.label })));
  const solid = dots.filter((d) => !d.hollow);
  const hollow = dots.filter((d) => d.hollow);
  const ranges = rows.filter((r) => r.range).map((r) => ({ label: r.label, lo: r.range![0], hi: r.range![1], color: r.marks[0]?.color ?? MUTED }));
  // A constant string would name a field; a function gives every mark its own aria-label.
  const linked = { href: "href", title: "tip", ariaLabel: () => "数据点" } as const;
  return renderPlot({
    width,
    height: Math.max(90, rows.length * 24 + 56),
    marginLeft,
    marginRight,
    marginTop: 20,
    marginBottom: 44,
    style: { fontSize: "12px", fontFamily: FONT, background: "transparent" },
    ariaLabel: o.ariaLabel,
    ariaDescription: o.ariaDescription,
    x: {
      domain,
      label: `${o.axisLabel} →`,
      labelAnchor: "right",
      labelOffset: 38,
      grid: true,
      ticks: Math.max(2, Math.floor((width - marginLeft - marginRight) / 80)),
      tickFormat: axisFormat(Math.max(...domain.map(Math.abs))),
    },
    y: { label: null, domain: rows.map((r) => r.label), tickSize: 0 },
    marks: [
      Plot.ruleY(rows, { y: "label", stroke: "#d9dee4" }),
      Plot.ruleX([0], { stroke: MUTED }),
      ...(ranges.length ? [Plot.ruleY(ranges, { y: "label", x1: "lo", x2: "hi", stroke: "color", strokeWidth: 3, strokeOpacity: 0.45 })] : []),
      Plot.dot(solid, { x: "value", y: "label", fill: "color", r: (d: Mark) => d.r ?? 6, stroke: INK, strokeWidth: 0.6, ...linked }),
      ...(hollow.length ? [Plot.dot(hollow, { x: "value", y: "label", fill: "#fff", r: (d: Mark) => d.r ?? 6, stroke: "color", strokeWidth: 2, ...linked })] : []),
    ],
    r: { type: "identity" },
    color: { type: "identity" },
  }, document);
}
