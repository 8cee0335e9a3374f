// The cross-region comparison charts of indicator pages (/indicators/<id>/ and
// /indicators/<id>/<province>/, and their downloads under /charts/), drawn with Observable Plot on
// a server-side DOM (linkedom) at build time: the pages ship the SVG inline and no JavaScript.
// There is one chart or two per indicator page and province page (~20,000 at 10,000 reports), at
// ~1–4 ms of CPU each with linkedom (docs/scaling.md); the tens of thousands of small time-series
// charts of region pages stay with the string writer (./svg.ts). A DOM of our own for Plot was
// tried (2026-11-23 night: ~40 % less chart CPU, same markup) and dropped: the project takes a
// maintained library over hand-written code for a server-side DOM.
//
// Every mark is an <a> to its source sentence with a <title> tooltip. The SVG is serialised here
// (not with linkedom's outerHTML, which leaves & and < in attribute values as they are): all text
// and attribute values are escaped (report quotes are untrusted) and coordinates are rounded to
// one decimal, as in the string writer, so the markup is well-formed XML for the download too.
import * as Plot from "@observablehq/plot";
import { parseHTML } from "linkedom";
import { axisFormat, escapeHtml as esc } from "../labels";
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

let doc: Document | undefined;
function documentFor(): Document {
  doc ??= parseHTML("<!doctype html><html><body></body></html>").document as unknown as Document;
  return doc;
}

/** Plot → the <svg> element's markup. `options` must not set a title (the page's figure has one). */
export function renderPlot(options: Plot.PlotOptions): string {
  const node = Plot.plot({ ...options, document: documentFor() }) as unknown as Element;
  const svg = node.tagName.toLowerCase() === "svg" ? node : node.querySelector("svg");
  if (!svg) throw new Error("Plot rendered no <svg>");
  svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return serialise(svg);
}

/** Attributes that hold only coordinates: numbers in them are rounded to one decimal. */
const GEOMETRY = new Set(["x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "d", "transform", "width", "height"]);
/** Coordinates with three or more decimals to one decimal (em offsets such as 0.32em stay). */
const LONG_DECIMAL = /\d\.\d{3}/;
const round = (v: string) => (LONG_DECIMAL.test(v) ? v.replace(/-?\d+\.\d{3,}/g, (n) => String(Math.round(Number(n) * 10) / 10)) : v);

// Attributes by getAttributeNames/getAttributeNode and children by firstChild/nextSibling: linkedom
// builds `attributes` as a Proxy and `childNodes` as a fresh list on every call, which made this
// walk ~3× slower (a 60-row chart: ~2.4 against ~0.7 ms). linkedom lists attributes newest first;
// they are written in the order they were set.
function serialise(node: Node): string {
  if (node.nodeType === 3) return esc(node.textContent ?? "");
  if (node.nodeType !== 1) return "";
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  let out = `<${tag}`;
  const names = el.getAttributeNames();
  for (let i = names.length - 1; i >= 0; i--) {
    const name = names[i]!;
    const value = el.getAttributeNode(name)!.value;
    out += ` ${name}="${esc(GEOMETRY.has(name) ? round(value) : value)}"`;
  }
  let child = el.firstChild;
  if (!child) return `${out}/>`;
  out += ">";
  for (; child; child = child.nextSibling) out += serialise(child);
  return `${out}</${tag}>`;
}

/**
 * Rows (regions or provinces) down the side, values along the bottom; rows are drawn in the
 * order given. `axisLabel` names the value axis with its unit; ticks read in 万/亿 past 100,000.
 */
export function dotPlot(rows: Row[], o: { width?: number; axisLabel: string; ariaLabel: string; ariaDescription: string }): string {
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
  });
}
