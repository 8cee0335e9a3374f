// The compare page's browser code: reads the choice from the URL, fetches the indicator's rows
// (/data/indicators/<id>.json), draws a dot chart with Observable Plot and a table, and writes
// the choice back to the URL so the view can be shared. Report text is only ever set as text.
import * as Plot from "@observablehq/plot";
import { PERIOD_LABEL, PERIOD_ORDER } from "./labels";
import type { Period } from "./schema";
import type { ValueRow } from "./values";

interface State { indicator: string; regions: string[]; period: Period | ""; norm: "none" | "per10k" }

const $ = <T extends Element>(sel: string) => document.querySelector<T>(sel);
const fmt = (n: number) => n.toLocaleString("zh-CN", { maximumFractionDigits: 2 });

function readState(form: HTMLFormElement): State {
  const q = new URLSearchParams(location.search);
  const indicator = q.get("indicator") || form.dataset.defaultIndicator || "";
  const regions = (q.get("regions") ?? "").split(",").map((s) => s.trim()).filter((s) => /^\d{6}$/.test(s));
  const p = q.get("period") ?? "";
  const period = (PERIOD_ORDER as string[]).includes(p) ? (p as Period) : "";
  const norm = q.get("norm") === "per10k" ? "per10k" : "none";
  return { indicator, regions, period, norm };
}

function writeState(s: State) {
  const q = new URLSearchParams();
  q.set("indicator", s.indicator);
  if (s.regions.length) q.set("regions", s.regions.join(","));
  if (s.period) q.set("period", s.period);
  if (s.norm !== "none") q.set("norm", s.norm);
  history.replaceState(null, "", `${location.pathname}?${q.toString().replace(/%2C/g, ",")}`);
}

const cache = new Map<string, Promise<{ indicator: { zh: string; unit: string | null }; rows: ValueRow[] }>>();
function load(base: string, id: string) {
  if (!cache.has(id)) {
    cache.set(
      id,
      fetch(`${base}data/indicators/${encodeURIComponent(id)}.json`).then((r) => {
        if (!r.ok) throw new Error(`没有找到指标 ${id} 的数据`);
        return r.json();
      }),
    );
  }
  return cache.get(id)!;
}

function cmpPeriod(a: ValueRow, b: ValueRow) {
  return (a.year ?? 0) - (b.year ?? 0) || PERIOD_ORDER.indexOf(a.period ?? "FY") - PERIOD_ORDER.indexOf(b.period ?? "FY");
}

export function initCompare() {
  const form = $<HTMLFormElement>("#compare-form");
  if (!form) return;
  const base = form.dataset.base ?? "/";
  const colors = JSON.parse(form.dataset.colors ?? "{}") as Record<string, string>;
  const sel = {
    indicator: $<HTMLSelectElement>("#cmp-indicator")!,
    period: $<HTMLSelectElement>("#cmp-period")!,
    norm: $<HTMLSelectElement>("#cmp-norm")!,
  };
  const boxes = [...form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  const state = readState(form);
  if ([...sel.indicator.options].some((o) => o.value === state.indicator)) sel.indicator.value = state.indicator;
  else state.indicator = sel.indicator.value;
  sel.period.value = state.period;
  sel.norm.value = state.norm;
  for (const b of boxes) b.checked = state.regions.includes(b.value);
  // Open the groups that hold a chosen region.
  for (const b of boxes) if (b.checked) b.closest("details")?.setAttribute("open", "");

  const chosen = () => {
    // Keep the URL's order for regions chosen there, then the rest in page order.
    const on = new Set(boxes.filter((b) => b.checked).map((b) => b.value));
    return [...state.regions.filter((c) => on.has(c)), ...[...on].filter((c) => !state.regions.includes(c))];
  };

  const update = async () => {
    state.indicator = sel.indicator.value;
    state.period = sel.period.value as Period | "";
    state.norm = sel.norm.value === "per10k" ? "per10k" : "none";
    state.regions = chosen();
    writeState(state);
    await draw(base, state, colors, form.dataset.source ?? "");
  };
  form.addEventListener("change", () => void update());
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void update();
  });
  form.querySelectorAll<HTMLButtonElement>("button[data-preset]").forEach((btn) =>
    btn.addEventListener("click", () => {
      const first = boxes.find((b) => b.value === chosen()[0]) ?? boxes.find((b) => b.checked);
      const preset = btn.dataset.preset;
      for (const b of boxes) {
        if (preset === "all") b.checked = true;
        else if (preset === "none") b.checked = false;
        else if (first && preset === "prefecture") b.checked = b.dataset.prefecture === first.dataset.prefecture && b.dataset.province === first.dataset.province;
        else if (first && preset === "province") b.checked = b.dataset.province === first.dataset.province;
      }
      if (first && (preset === "prefecture" || preset === "province")) state.regions = [first.value];
      void update();
    }),
  );
  void draw(base, state, colors, form.dataset.source ?? "").then(() => writeState(state));
}

async function draw(base: string, s: State, colors: Record<string, string>, source: string) {
  const plotEl = $<HTMLDivElement>("#compare-plot")!;
  const title = $<HTMLElement>("#compare-title")!;
  const tbody = $<HTMLTableSectionElement>("#compare-table tbody")!;
  const note = $<HTMLElement>("#compare-note")!;
  const svgLink = $<HTMLAnchorElement>("#compare-svg")!;
  $<HTMLAnchorElement>("#compare-indicator-link")!.href = `${base}indicators/${s.indicator}/`;
  let data;
  try {
    data = await load(base, s.indicator);
  } catch (e) {
    plotEl.replaceChildren(Object.assign(document.createElement("p"), { className: "muted", textContent: (e as Error).message }));
    return;
  }
  const actual = data.rows.filter((r) => r.kind === "actual" && r.regionCode && (s.regions.length === 0 || s.regions.includes(r.regionCode)));
  // First statement per report, then the period type: the chosen one or the most covered.
  const seen = new Set<string>();
  const firsts = [...actual].sort((a, b) => a.start - b.start).filter((r) => (seen.has(r.reportId) ? false : (seen.add(r.reportId), true)));
  const counts = new Map<string, Set<string>>();
  for (const r of firsts) counts.set(r.period ?? "", (counts.get(r.period ?? "") ?? new Set()).add(r.regionCode!));
  const period = s.period || ([...counts].sort((a, b) => b[1].size - a[1].size)[0]?.[0] ?? "");
  const latest = new Map<string, ValueRow>();
  for (const r of firsts.filter((r) => (r.period ?? "") === period).sort(cmpPeriod)) latest.set(r.regionCode!, r);
  let rows = [...latest.values()];
  const dropped = s.norm === "per10k" ? rows.filter((r) => r.per10k === null).length : 0;
  if (s.norm === "per10k") rows = rows.filter((r) => r.per10k !== null);
  const unitBase = rows[0]?.normalizedUnit ?? rows[0]?.unit ?? data.indicator.unit ?? "";
  const unit = s.norm === "per10k" ? `${unitBase}/万人` : unitBase;
  const val = (r: ValueRow) => (s.norm === "per10k" ? r.per10k! : r.normalizedValue);
  const periodName = period ? PERIOD_LABEL[period as Period] : "报告期不详";
  title.textContent = `${data.indicator.zh}${s.norm === "per10k" ? "（每万常住人口）" : ""}：${periodName}各地区比较`;

  const names = new Map<string, number>();
  for (const r of rows) names.set(r.regionName!, (names.get(r.regionName!) ?? 0) + 1);
  const years = new Set(rows.map((r) => r.year));
  const points = rows
    .map((r) => ({
      label: `${r.regionName}${(names.get(r.regionName!) ?? 0) > 1 ? `（${r.prefecture ?? r.province}）` : ""}${years.size > 1 ? ` ${r.year}` : ""}`,
      value: val(r),
      color: colors[r.province ?? ""] ?? "#888",
      href: r.link,
      tip: `${r.regionName}（${r.province}）${r.year ?? ""}${periodName}：${fmt(val(r))}${unit}\n${r.quote}`,
      r,
    }))
    .sort((a, b) => b.value - a.value);

  if (points.length === 0) {
    plotEl.replaceChildren(Object.assign(document.createElement("p"), { className: "muted", textContent: "所选地区在该报告期没有这一指标的实际值。" }));
    svgLink.hidden = true;
  } else {
    const longest = Math.max(2, ...points.map((d) => [...d.label].reduce((n, c) => n + (c.charCodeAt(0) > 255 ? 1 : 0.6), 0)));
    const svg = Plot.plot({
      width: 640,
      height: Math.max(90, points.length * 24 + 56),
      marginLeft: Math.ceil(longest * 12.5) + 14,
      marginRight: 24,
      marginBottom: 44,
      style: { fontSize: "12px", background: "transparent" },
      ariaLabel: title.textContent,
      x: { label: `${data.indicator.zh}（${unit || "无单位"}） →`, labelAnchor: "right", labelOffset: 38, grid: true, nice: true, zero: true },
      y: { label: null, domain: points.map((p) => p.label), tickSize: 0 },
      marks: [
        Plot.ruleY(points, { y: "label", stroke: "#d9dee4" }),
        Plot.ruleX([0], { stroke: "#5b6673" }),
        Plot.dot(points, { x: "value", y: "label", fill: "color", r: 6, stroke: "#1d232a", strokeWidth: 0.6, href: "href", title: "tip", ariaLabel: "数据点" }),
      ],
    });
    svg.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    plotEl.replaceChildren(svg);
    const file = `<?xml version="1.0" encoding="UTF-8"?>\n<!-- ${title.textContent} — ${source} -->\n${svg.outerHTML.replace(/href="\//g, `href="${location.origin}/`)}`;
    if (svgLink.href.startsWith("blob:")) URL.revokeObjectURL(svgLink.href);
    svgLink.href = URL.createObjectURL(new Blob([file], { type: "image/svg+xml" }));
    svgLink.download = `compare-${s.indicator}-${period || "all"}.svg`;
    svgLink.hidden = false;
  }
  tbody.replaceChildren(
    ...points.map((p) => {
      const tr = document.createElement("tr");
      const cell = (text: string, cls?: string, href?: string) => {
        const td = document.createElement("td");
        if (cls) td.className = cls;
        if (href) td.append(Object.assign(document.createElement("a"), { href, textContent: text }));
        else td.textContent = text;
        tr.append(td);
      };
      cell(p.r.regionName ?? "", undefined, `${base}regions/${p.r.regionCode}/`);
      cell(p.r.province ?? "");
      cell(`${p.r.year ?? ""}年${periodName}`, undefined, `${base}reports/${p.r.reportId}/`);
      cell(fmt(p.value), "num");
      cell(unit);
      cell(p.r.quote, "quote", p.r.link);
      return tr;
    }),
  );
  const other = [...counts.keys()].filter((k) => k !== period).map((k) => (k ? PERIOD_LABEL[k as Period] : "报告期不详"));
  note.textContent = [
    `共 ${points.length} 个地区，每个地区取${periodName}的最新一期实际值。`,
    other.length ? `另有${other.join("、")}的数据，可在“报告期”中切换（不同报告期不混在一张图中）。` : "",
    dropped ? `${dropped} 个地区的报告没有给出常住人口，未换算为每万人，未显示。` : "",
  ].join("");
}
