// Unit tests for the site's data and chart modules and the link checker (no build needed).
import { describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { checkLinks } from "../scripts/check-links";
import { parseCatalogue } from "../src/lib/catalogue";
import { chartPoints, csvResponse, groupBy, rowsByProvince, rowsJson, rowsJsonBlob, toCsv, valueRows } from "../src/lib/values";
import { indicatorCharts, regionCharts, renderSpec, splitByProvince, SPLIT_AT } from "../src/lib/charts/specs";
import { axisFormat, formatNumber } from "../src/lib/labels";
import { provinceColors } from "../src/lib/charts/colors";
import type { IndicatorValue, ReportEntry } from "../src/lib/schema";
import { parseCsv } from "./site-helpers";
import { keepsPolicy, policyFor, withPolicy } from "../src/lib/csp";
import { handOffSummaries, summarise, takeSummaries } from "../src/lib/entry-file";
import { createHash } from "node:crypto";
import { mulberry32 } from "../src/lib/random";
import { comparePeriods } from "../src/lib/corpus";

function value(id: string, v: number, start: number, extra: Partial<IndicatorValue> = {}): IndicatorValue {
  return { id, label: id, value: v, unit: "人", normalizedValue: v, normalizedUnit: "人", qualifier: null, kind: "actual", asOf: null, section: null, quote: `q${v}`, quoteStart: start, start, end: start + 2, ...extra };
}
function entry(id: string, gb: string | null, year: number, period: "H1" | "FY", indicators: IndicatorValue[], province = "广东省"): ReportEntry {
  return {
    id, title: id, region: gb ? { name: `县${gb}`, level: "县", prefecture: "某市", province, gbCode: gb } : null, level: "县", year, period,
    hasPlan: false, planYear: null, planPeriod: null, published: null, sourceFile: `${id}.txt`, sourceSha256: "0".repeat(64), encoding: "utf-8", format: "txt",
    extractorVersion: "t", warnings: [], sections: [], offsetRuns: [], mentions: [], indicators, masked: [], charCount: 0,
  };
}

const catalogue = parseCatalogue([
  { id: "doctors", zh: "医生数", unit: "人", kind: "count", group: "workforce" },
  { id: "resident_population", zh: "常住人口", unit: "人", kind: "count", topic: "人口家庭" },
]);
const index = new Map(catalogue.map((i) => [i.id, i]));

describe("values and charts", () => {
  const entries = [
    entry("a-2021-H1", "440001", 2021, "H1", [value("doctors", 100, 10), value("resident_population", 200000, 50), value("doctors", 120, 90, { kind: "target" })]),
    entry("a-2022-H1", "440001", 2022, "H1", [value("doctors", 110, 10)]),
    entry("a-2022-FY", "440001", 2022, "FY", [value("doctors", 300, 10)]),
    entry("b-2022-H1", "320001", 2022, "H1", [value("doctors", 50, 10), value("doctors", 55, 40)], "江苏省"),
    entry("u-2022-H1", null, 2022, "H1", [value("doctors", 70, 10)]),
  ];
  const rows = valueRows(entries, index, "/");

  it("one row per indicator value, linked to its mark", () => {
    expect(rows.length).toBe(entries.reduce((n, e) => n + e.indicators.length, 0));
    expect(rows.find((r) => r.reportId === "b-2022-H1" && r.start === 40)?.link).toBe("/reports/b-2022-H1/#m-40");
  });

  it("per 10,000 people only where the region's own reports state the population", () => {
    const a = rows.find((r) => r.reportId === "a-2022-H1")!;
    expect(a.per10k).toBeCloseTo((110 / 200000) * 10000);
    expect(rows.find((r) => r.reportId === "b-2022-H1")!.per10k).toBeNull();
    expect(rows.find((r) => r.indicator === "resident_population")!.per10k).toBeNull();
  });

  it("chart points: actuals of known regions, first per report", () => {
    const pts = chartPoints(rows.filter((r) => r.indicator === "doctors"));
    expect(pts.map((p) => `${p.reportId}:${p.normalizedValue}`).sort()).toEqual(["a-2021-H1:100", "a-2022-FY:300", "a-2022-H1:110", "b-2022-H1:50"]);
  });

  it("one cross-region chart per period type, a series where a region has several periods, every mark a link", () => {
    const specs = indicatorCharts(index.get("doctors")!, rows, provinceColors(["广东省", "江苏省"]));
    const regions = specs.filter((s) => s.kind === "regions");
    expect(regions.map((s) => s.period).sort()).toEqual(["FY", "H1"]);
    const h1 = regions.find((s) => s.period === "H1")!;
    expect(h1.points.map((p) => p.row.reportId).sort()).toEqual(["a-2022-H1", "b-2022-H1"]);
    const svg = renderSpec(h1);
    const links = [...svg.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.sort()).toEqual(["/reports/a-2022-H1/#m-10", "/reports/b-2022-H1/#m-10"]);
    expect(specs.some((s) => s.kind === "series" && s.period === "H1")).toBe(true);
    expect(specs.some((s) => s.kind === "per10k" && s.points.length === 1)).toBe(true);
  });

  it("escapes report text in the SVG", () => {
    const evil = [entry("x-2022-H1", "440001", 2022, "H1", [value("doctors", 1, 5, { quote: '<script>alert("x")</script>' })])];
    const spec = indicatorCharts(index.get("doctors")!, valueRows(evil, index), new Map())[0]!;
    const svg = renderSpec(spec);
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;script&gt;");
  });

  it("comparison charts are drawn by Observable Plot: each mark a link with its tooltip, province colours, 万 ticks, escaped well-formed markup", () => {
    const big = [
      entry("g-2022-FY", "440001", 2022, "FY", [value("doctors", 1_500_000, 5, { quote: 'A&B "医生" <b>1,500,000</b>' })]),
      entry("j-2022-FY", "320001", 2022, "FY", [value("doctors", 400_000, 5)], "江苏省"),
    ];
    const colors = provinceColors(["广东省", "江苏省"]);
    const spec = indicatorCharts(index.get("doctors")!, valueRows(big, index, "/"), colors).find((s) => s.kind === "regions")!;
    const svg = renderSpec(spec);
    expect(svg).toMatch(/^<svg [^>]*class="plot-/); // Plot's own markup, not the string writer's
    const marks = [...svg.matchAll(/<a [^>]*href="([^"]+)"[^>]*><circle ([^>]*)><title>([^<]*)<\/title><\/circle><\/a>/g)];
    expect(marks.map((m) => m[1]).sort()).toEqual(["/reports/g-2022-FY/#m-5", "/reports/j-2022-FY/#m-5"]);
    const gd = marks.find((m) => m[1]!.includes("g-2022"))!;
    expect(gd[2]).toContain(`fill="${colors.get("广东省")}"`);
    expect(gd[3]).toContain("A&amp;B &quot;医生&quot; &lt;b&gt;1,500,000&lt;/b&gt;");
    expect(svg).toMatch(/>100万<\/text>/);
    expect(svg).toContain("医生数（人） →");
    // well-formed as XML too (the download is this markup): no bare & and no < inside attributes
    expect(svg).not.toMatch(/&(?!amp;|lt;|gt;|quot;|#)/);
    expect(svg).not.toMatch(/="[^"]*</);
  });

  it("a region's small charts: one per indicator and period type with two or more years, every point linked", () => {
    const specs = regionCharts("440001", rows, index, new Map());
    expect(specs.map((s) => `${s.indicator}-${s.period}`)).toEqual(["doctors-H1"]);
    const svg = renderSpec(specs[0]!);
    expect([...svg.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(["/reports/a-2021-H1/#m-10", "/reports/a-2022-H1/#m-10"]);
    expect(svg).toMatch(/viewBox="0 0 420 220"/);
    expect(svg).toContain("医生数（人）");
  });

  it("CSV round-trips quotes with commas, quotes and newlines", () => {
    const tricky = valueRows([entry("c-2022-H1", "440001", 2022, "H1", [value("doctors", 1, 5, { quote: '他说"好",\n然后' })])], index);
    const [header, row] = parseCsv(toCsv(tricky));
    expect(row![header!.indexOf("quote")]).toBe('他说"好",\n然后');
  });

  it("CSV guards formula-like text (not numbers) and quotes only where needed", () => {
    const rows = valueRows([entry("f-2022-H1", "440001", 2022, "H1", [value("doctors", -5, 5, { quote: "=SUM(A1)" }), value("doctors", 3, 9, { quote: '+1,"x"' }), value("doctors", 4, 12, { quote: "普通文字" })])], index);
    const lines = toCsv(rows).split("\r\n");
    const quoteAt = lines[0]!.split(",").indexOf("quote");
    const cells = (line: string) => parseCsv(line + "\r\n")[0]!;
    expect(lines[1]).toContain(",'=SUM(A1),");
    expect(cells(lines[1]!)[lines[0]!.split(",").indexOf("normalizedValue")]).toBe("-5");
    expect(lines[2]).toContain(`,"'+1,""x""",`);
    expect(cells(lines[2]!)[quoteAt]).toBe(`'+1,"x"`);
    expect(lines[3]).toContain(",普通文字,");
  });

  it("chart points: in the order of a sort by start, then by region and period (shuffled rows, ties in start included)", () => {
    const rng = mulberry32(7);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
    const many = Array.from({ length: 400 }, (_, i) => ({
      ...rows[0]!,
      reportId: `r${Math.floor(rng() * 60)}`,
      indicator: pick(["doctors", "beds"]),
      regionCode: pick(["440001", "320001", "110001", null]),
      year: pick([2021, 2022]),
      period: pick(["H1", "FY"] as const),
      kind: pick(["actual", "actual", "target"] as const),
      start: Math.floor(rng() * 30),
      value: i,
    }));
    // The definition: every row sorted by start, the first of each report and indicator kept, then
    // sorted by region code and period (both sorts stable).
    const seen = new Set<string>();
    const expected = [...many]
      .sort((a, b) => a.start - b.start)
      .filter((r) => r.kind === "actual" && r.regionCode && !seen.has(`${r.reportId}|${r.indicator}`) && seen.add(`${r.reportId}|${r.indicator}`))
      .sort((a, b) => (a.regionCode! < b.regionCode! ? -1 : a.regionCode! > b.regionCode! ? 1 : comparePeriods(a, b)));
    expect(chartPoints(many).map((r) => r.value)).toEqual(expected.map((r) => r.value));
  });

  it("whole-corpus downloads written by indicator: the same files, and each indicator's file takes its rows from them", async () => {
    const text = async (r: Response | Blob) => Buffer.from(await r.arrayBuffer()).toString("utf8");
    const byIndicator = groupBy(rows, (r) => r.indicator);
    const doctors = byIndicator.get("doctors")!;
    const plainCsv = await text(csvResponse(rows));
    const plainDoctors = await text(csvResponse(doctors));
    expect(await text(csvResponse(rows, byIndicator.values()))).toBe(plainCsv);
    // Taken once: the second call writes the lines again, with the same result.
    expect(await text(csvResponse(doctors))).toBe(plainDoctors);
    expect(await text(csvResponse(doctors))).toBe(plainDoctors);
    expect(plainCsv).toBe(toCsv(rows));

    const head = { meta: { licence: "CC BY 4.0" }, columns: ["a"] };
    const plainJson = await text(rowsJsonBlob(head, rows));
    expect(await text(rowsJsonBlob(head, rows, byIndicator.values()))).toBe(plainJson);
    expect(JSON.parse(plainJson).rows).toEqual(JSON.parse(JSON.stringify(rows)));
    const own = { meta: head.meta, indicator: { id: "doctors" } };
    expect(rowsJson(own, doctors)).toBe(JSON.stringify({ ...own, rows: doctors }));
    expect(rowsJson(own, doctors)).toBe(JSON.stringify({ ...own, rows: doctors }));
    expect(rowsJson({}, [])).toBe(JSON.stringify({ rows: [] }));
  });

  it("groups that are not runs of the rows in order are written as the plain file, and keep nothing", async () => {
    const text = async (r: Response | Blob) => Buffer.from(await r.arrayBuffer()).toString("utf8");
    const reversed = [...groupBy(rows, (r) => r.indicator).values()].reverse();
    expect(await text(csvResponse(rows, reversed))).toBe(toCsv(rows));
    const head = { meta: {} };
    expect(await text(rowsJsonBlob(head, rows, reversed))).toBe(await text(rowsJsonBlob(head, rows)));
  });

  it("topics: keys and Chinese names both read", () => {
    expect(index.get("doctors")!.topic).toBe("人才队伍");
    expect(index.get("resident_population")!.topic).toBe("人口家庭");
  });
});

describe("link checker", () => {
  it("finds missing pages and missing anchors, accepts good ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "links-"));
    mkdirSync(join(dir, "reports/r1"), { recursive: true });
    writeFileSync(join(dir, "reports/r1/index.html"), `<html><body><mark id="m-5">5</mark><a href="../../">home</a></body></html>`);
    writeFileSync(
      join(dir, "index.html"),
      `<html><body><a href="/reports/r1/#m-5">ok</a><a href="/reports/r1/#m-6">bad anchor</a><a href="/nope/">missing</a><a href="https://example.org/x">ext</a>
       <svg><a href="/reports/r1/#m-5"><circle r="1"/></a><a href="/reports/r2/#m-1"><circle r="1"/></a></svg></body></html>`,
    );
    const report = checkLinks(dir);
    expect(report.broken.map((b) => b.href).sort()).toEqual(["/nope/", "/reports/r1/#m-6", "/reports/r2/#m-1"]);
    expect(report.links).toBe(6);
  });
});

describe("indicators with more regions than one page shows", () => {
  // 3 provinces × 30 regions, one H1 report each: 90 regions, over SPLIT_AT.regions.
  const provinces = [["11", "北京市"], ["32", "江苏省"], ["44", "广东省"]] as const;
  const many = provinces.flatMap(([code, name], p) =>
    Array.from({ length: 30 }, (_, i) => {
      const gb = `${code}${String(i + 1).padStart(4, "0")}`;
      return entry(`${gb}-2022-H1`, gb, 2022, "H1", [value("doctors", 1000 * (p + 1) + i * 10, 10)], name);
    }),
  );
  const rows = valueRows(many, index, "/");
  const colors = provinceColors(provinces.map(([, n]) => n));

  it("are split by province beyond SPLIT_AT, not below", () => {
    expect(splitByProvince(rows)).toBe(true);
    expect(splitByProvince(rows.filter((r) => r.province === "江苏省"))).toBe(SPLIT_AT.regions < 30);
    expect(splitByProvince(rows.slice(0, 5))).toBe(false);
  });

  it("the national chart shows each province's lowest, median and highest region: real values, each linked to its sentence", () => {
    const [spec, ...rest] = indicatorCharts(index.get("doctors")!, rows, colors, { split: true });
    expect(rest).toEqual([]);
    expect(spec!.kind).toBe("provinces");
    expect(spec!.points.length).toBe(9);
    const js = spec!.points.filter((p) => p.label === "江苏省");
    const byRole = Object.fromEntries(js.map((p) => [p.role, p.row.normalizedValue]));
    expect(byRole).toEqual({ min: 2000, median: 2140, max: 2290 }); // 30 values 2000..2290: the lower median is the 15th
    for (const p of spec!.points) expect(rows).toContain(p.row);
    const svg = renderSpec(spec!);
    const links = [...svg.matchAll(/<a [^>]*href="([^"]+)"/g)].map((m) => m[1]);
    expect(links.sort()).toEqual(spec!.points.map((p) => p.row.link).sort());
    expect(svg.match(/<text[^>]*>(北京市|江苏省|广东省)<\/text>/g)?.length).toBe(3);
  });

  it("groups rows by province in GB code order, unknown region last", () => {
    const withUnknown = valueRows([...many.slice(0, 2), entry("u-2022-H1", null, 2022, "H1", [value("doctors", 1, 5)])], index);
    expect(rowsByProvince(withUnknown).map((p) => [p.key, p.name, p.rows.length])).toEqual([["11", "北京市", 2], ["unknown", "地区不详", 1]]);
    expect(rowsByProvince(rows).map((p) => p.key)).toEqual(["11", "32", "44"]);
  });
});

describe("numbers", () => {
  it("formats like toLocaleString zh-CN", () => {
    for (const n of [0, 1, 12.5, 1234.56789, 19780000, -3.25]) expect(formatNumber(n)).toBe(n.toLocaleString("zh-CN", { maximumFractionDigits: 4 }));
  });

  it("formats exactly as Intl.NumberFormat zh-CN (up to four decimals) around the plain-text shortcut's edges", () => {
    const nf = new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 4 });
    const xs = [-0, 0.1 + 0.2, 1e-7, 0.00005, 0.00015, 999.9999, 999.99995, -999.99995, 100.00001, 1e21, NaN, Infinity];
    for (let i = -12_000; i <= 12_000; i += 7) xs.push(i, i / 10, i / 100, i / 1000, i / 10_000, i / 100_000, i / 3);
    const differ = xs.filter((x) => formatNumber(x) !== nf.format(x));
    expect(differ).toEqual([]);
  });

  it("axis ticks in 万 from 100,000 and in 亿 from 100 million", () => {
    expect(axisFormat(50_000)(20_000)).toBe("20,000");
    expect(axisFormat(1_200_000)(150_000)).toBe("15万");
    expect(axisFormat(1_200_000)(0)).toBe("0");
    expect(axisFormat(3e8)(1.5e8)).toBe("1.5亿");
  });
});

describe("Content-Security-Policy", () => {
  const page = (head: string, body = "") => `<!doctype html><html><head><meta charset="utf-8">${head}<title>t</title></head><body>${body}</body></html>`;
  // What Base.astro renders: the no-inline-script policy as is (Astro 5 escapes only & and " in
  // an attribute, and the policy has neither; the built pages' tags read so).
  const asRendered = `<meta http-equiv="Content-Security-Policy" content="${policyFor("")}">`;

  it("leaves a page alone when its tag already states its policy, so the build rewrites no such page", () => {
    const html = page(asRendered, "<p>正文</p><script src=\"/search-index/search.js\"></script>");
    expect(withPolicy(html)).toBe(html);
  });

  it("adds the hash of an inline script, and is idempotent", () => {
    const script = "console.log(1)";
    const html = page(asRendered, `<script>${script}</script>`);
    const out = withPolicy(html);
    expect(out).not.toBe(html);
    const hash = createHash("sha256").update(script, "utf8").digest("base64");
    expect(out).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(out.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(withPolicy(out)).toBe(out);
  });

  it("keepsPolicy says a page stays as it is exactly when withPolicy leaves it alone, for pages without scripts", () => {
    const other = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`;
    const pages = [
      page(asRendered, "<p>正文 &lt;script&gt;</p>"),
      page(asRendered, "<p>正文</p><script src=\"/a.js\"></script>"),
      page(asRendered, "<p>正文</p><script>x()</script>"),
      page(asRendered, "<p>正文</p><SCRIPT>x()</SCRIPT>"),
      page(other, "<p>正文</p>"),
      page("", "<p>正文</p>"),
      page(`<title>x</title>${asRendered}`, "<p>正文</p>"),
      page(asRendered + asRendered, "<p>正文</p>"),
      page(asRendered.replace("<meta", "<META"), "<p>正文</p>"),
    ];
    const expected = [true, false, false, false, false, false, false, true, false];
    pages.forEach((html, i) => {
      const latin1 = Buffer.from(html, "utf8").toString("latin1");
      expect(keepsPolicy(latin1)).toBe(expected[i]);
      // Never "keeps" a page withPolicy would change (a page with scripts is left to withPolicy).
      if (keepsPolicy(latin1)) expect(withPolicy(html)).toBe(html);
    });
    expect(withPolicy(pages[4]!)).not.toBe(pages[4]);
    expect(withPolicy(pages[6]!)).not.toBe(pages[6]);
  });

  it("puts the tag right after <meta charset> on a page without one", () => {
    const out = withPolicy(page(""));
    expect(out).toMatch(/<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self';/);
  });
});

describe("entry summaries handed from the content loader to the pages", () => {
  it("leave out the detail, count it, and are taken once", () => {
    const e = { ...entry("s-2022-H1", "440001", 2022, "H1", [value("doctors", 1, 5)]), mentions: [{} as never, {} as never], masked: [{} as never] };
    const s = summarise(e);
    expect(s).not.toHaveProperty("mentions");
    expect(s).not.toHaveProperty("offsetRuns");
    expect([s.mentionCount, s.maskedCount, s.indicators.length]).toEqual([2, 1, 1]);
    handOffSummaries(new Map([[e.id, s]]));
    expect(takeSummaries()?.get(e.id)).toBe(s);
    expect(takeSummaries()).toBeUndefined();
  });
});
