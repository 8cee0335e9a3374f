// The built site on the seeds, checked by parsing its HTML (linkedom), against the entries.
import { beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { createHash } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { parseHTML } from "linkedom";
import { buildSite, page, parseCsv, readEntries, readJson } from "./site-helpers";
import { checkLinks } from "../scripts/check-links";
import type { ReportEntry } from "../src/lib/schema";
import { parseQuery, planTerm } from "../src/lib/search/core";
import { filterKeyOf, shardFile, shardOf } from "../src/lib/search/shard";
import type { ValueRow } from "../src/lib/values";

let dist = "";
let entries: ReportEntry[] = [];

beforeAll(() => {
  const built = buildSite();
  dist = built.dist;
  entries = readEntries(built.entriesDir);
}, 900_000);

describe("pages exist for every region, year and report", () => {
  it("has entries to check", () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it("every report page, with its title and metadata", () => {
    for (const e of entries) {
      const doc = page(dist, `reports/${e.id}/`);
      expect(doc.querySelector("h1")?.textContent).toBe(e.title);
      expect(doc.documentElement.getAttribute("lang")).toBe("zh-CN");
    }
  });

  it("every region page, the unknown-region page and the region index", () => {
    const codes = new Set(entries.flatMap((e) => (e.region ? [e.region.gbCode] : [])));
    const index = page(dist, "regions/");
    for (const code of codes) {
      const e = entries.find((x) => x.region?.gbCode === code)!;
      const doc = page(dist, `regions/${code}/`);
      expect(doc.querySelector("h1")?.textContent).toBe(e.region!.name);
      // each of its reports is linked from the timeline
      for (const r of entries.filter((x) => x.region?.gbCode === code)) expect(doc.querySelector(`ol.timeline a[href="/reports/${r.id}/"]`)).not.toBeNull();
      expect(index.querySelector(`a[href="/regions/${code}/"]`)).not.toBeNull();
    }
    const unknown = page(dist, "regions/unknown/");
    for (const r of entries.filter((x) => !x.region)) expect(unknown.querySelector(`a[href="/reports/${r.id}/"]`)).not.toBeNull();
    const built = readdirSync(join(dist, "regions")).filter((d) => /^\d{6}$/.test(d));
    expect(new Set(built)).toEqual(codes);
  });

  it("every year page and the year index", () => {
    const years = new Set(entries.flatMap((e) => (e.year ? [e.year] : [])));
    const index = page(dist, "years/");
    for (const y of years) {
      const doc = page(dist, `years/${y}/`);
      const linked = new Set([...doc.querySelectorAll("a[href^='/reports/']")].map((a) => a.getAttribute("href")));
      for (const r of entries.filter((x) => x.year === y)) expect(linked.has(`/reports/${r.id}/`)).toBe(true);
      expect(index.querySelector(`a[href="/years/${y}/"]`)).not.toBeNull();
    }
  });

  it("the home page links every region and every report's region", () => {
    const doc = page(dist, "");
    // regions grouped by province, one <details> each (collapsed at national scale, no JavaScript)
    for (const e of entries) if (e.region) expect(doc.querySelector(`details.province a[href="/regions/${e.region.gbCode}/"]`)?.closest("details")?.querySelector("summary")?.textContent).toContain(e.region.province);
    expect(doc.querySelector("form[role=search] input[name=q]")).not.toBeNull();
  });
});

describe("report pages", () => {
  it("have one <mark> per extracted mention, anchored at #m-<start>", () => {
    let total = 0;
    for (const e of entries) {
      const doc = page(dist, `reports/${e.id}/`);
      const marks = [...doc.querySelectorAll("article.report-text mark")];
      expect(marks.length, e.id).toBe(e.mentions.length);
      expect(new Set(marks.map((m) => m.id))).toEqual(new Set(e.mentions.map((m) => `m-${m.start}`)));
      total += marks.length;
    }
    expect(total).toBeGreaterThan(0);
  });

  it("render report text as text: only headings, paragraphs and marks inside the article", () => {
    for (const e of entries) {
      const doc = page(dist, `reports/${e.id}/`);
      const tags = new Set([...doc.querySelectorAll("article.report-text *")].map((el) => el.tagName.toLowerCase()));
      for (const t of tags) expect(["h2", "h3", "h4", "h5", "h6", "p", "mark"]).toContain(t);
    }
  });

  it("list the report's indicators by topic, targets apart, each linked to its mark", () => {
    for (const e of entries) {
      const doc = page(dist, `reports/${e.id}/`);
      const section = doc.querySelector("section.report-indicators")!;
      expect(section).not.toBeNull();
      const links = [...section.querySelectorAll("td.quote a")].map((a) => a.getAttribute("href"));
      expect(links.length).toBe(e.indicators.length);
      for (const v of e.indicators) expect(links).toContain(`/reports/${e.id}/#m-${v.start}`);
      const targets = e.indicators.filter((v) => v.kind === "target").length;
      expect(section.querySelectorAll("section.targets td.quote a").length).toBe(targets);
      expect(doc.querySelector(`a[href="/data/reports/${e.id}.json"]`)).not.toBeNull();
    }
  });
});

describe("indicator pages", () => {
  it("draw one linked mark per data point, and every mark leads to a highlighted number", () => {
    const { rows } = readJson<{ rows: ValueRow[] }>(dist, "data/indicators.json");
    const ids = [...new Set(rows.map((r) => r.indicator))];
    let checked = 0;
    for (const id of ids) {
      // Data points: the first actual value per report of a known region, latest per region and period type (and unit).
      const firsts = new Map<string, ValueRow>();
      for (const r of rows.filter((x) => x.indicator === id && x.kind === "actual" && x.regionCode).sort((a, b) => a.start - b.start)) if (!firsts.has(r.reportId)) firsts.set(r.reportId, r);
      const expected = new Map<string, Set<string>>();
      for (const r of firsts.values()) expected.set(r.period ?? "unknown", (expected.get(r.period ?? "unknown") ?? new Set()).add(`${r.regionCode}|${r.normalizedUnit ?? r.unit}`));
      const doc = page(dist, `indicators/${id}/`);
      const figures = [...doc.querySelectorAll('figure.chart[data-chart="regions"]')];
      expect(new Set(figures.map((f) => f.getAttribute("data-period")))).toEqual(new Set(expected.keys()));
      for (const [period, regions] of expected) {
        const marks = figures.filter((f) => f.getAttribute("data-period") === period).flatMap((f) => [...f.querySelectorAll("svg a")]);
        expect(marks.length, `${id} ${period}`).toBe(regions.size);
        for (const a of marks) {
          expect(a.querySelector("circle, rect, path")).not.toBeNull();
          const href = a.getAttribute("href")!;
          const m = /^\/reports\/([^/]+)\/#(m-\d+)$/.exec(href);
          expect(m, href).not.toBeNull();
          const target = page(dist, `reports/${m![1]}/`).getElementById(m![2]!);
          expect(target?.tagName.toLowerCase(), href).toBe("mark");
          checked++;
        }
        // each chart names its axes with a unit, carries the source line and an SVG download
        for (const f of figures.filter((x) => x.getAttribute("data-period") === period)) {
          expect(f.querySelector(".chart-title")?.textContent).toBeTruthy();
          expect(f.querySelector("svg")?.textContent).toMatch(/（.+）/);
          expect(f.querySelector("figcaption .source")?.textContent).toContain("来源");
          const svgHref = f.querySelector("a[download][href$='.svg']")?.getAttribute("href");
          expect(svgHref && existsSync(join(dist, svgHref))).toBe(true);
          // the download is the inline drawing (same marks in the same order, links made absolute), every mark with its tooltip
          const inline = [...f.querySelectorAll("svg a")];
          for (const a of inline) expect(a.querySelector("title")?.textContent, a.getAttribute("href")!).toMatch(/：/);
          const inFile = [...readFileSync(join(dist, svgHref!), "utf8").matchAll(/<a [^>]*href="([^"]+)"/g)].map((x) => x[1]!);
          expect(inFile.length).toBe(inline.length);
          inFile.forEach((h, i) => expect(h.endsWith(inline[i]!.getAttribute("href")!), h).toBe(true));
        }
      }
      // and the table under it holds every actual value
      expect(doc.querySelectorAll("#values tbody tr").length).toBe(rows.filter((r) => r.indicator === id && r.kind === "actual").length);
    }
    if (ids.length > 0) expect(checked).toBeGreaterThan(0);
  });

  it("never put two period types in one chart", () => {
    const { rows } = readJson<{ rows: ValueRow[] }>(dist, "data/indicators.json");
    const byLink = new Map(rows.map((r) => [r.link, r]));
    for (const dir of readdirSync(join(dist, "indicators")).filter((d) => existsSync(join(dist, "indicators", d, "index.html")))) {
      for (const f of page(dist, `indicators/${dir}/`).querySelectorAll("figure.chart")) {
        const periods = new Set([...f.querySelectorAll("svg a")].map((a) => byLink.get(a.getAttribute("href")!)?.period ?? "?"));
        expect(periods.size, dir).toBeLessThanOrEqual(1);
        if (periods.size) expect([...periods][0]).toBe(f.getAttribute("data-period") === "unknown" ? null : f.getAttribute("data-period"));
      }
    }
  });

  it("have a page per province with values: every region's values and charts, each mark linked to its sentence", () => {
    const { rows } = readJson<{ rows: ValueRow[] }>(dist, "data/indicators.json");
    let pages = 0;
    for (const id of new Set(rows.map((r) => r.indicator))) {
      const mine = rows.filter((r) => r.indicator === id);
      const national = page(dist, `indicators/${id}/`);
      for (const key of new Set(mine.map((r) => (r.regionCode ? r.regionCode.slice(0, 2) : "unknown")))) {
        const inProvince = mine.filter((r) => (r.regionCode ? r.regionCode.slice(0, 2) : "unknown") === key);
        expect(national.querySelector(`a[href="/indicators/${id}/${key}/"]`), `${id} ${key}`).not.toBeNull();
        const doc = page(dist, `indicators/${id}/${key}/`);
        expect(doc.querySelector("h1")?.textContent).toContain(inProvince[0]!.province ?? "地区不详");
        expect(doc.querySelectorAll("#values tbody tr").length).toBe(inProvince.filter((r) => r.kind === "actual").length);
        const marks = [...doc.querySelectorAll("figure.chart svg a")].map((a) => a.getAttribute("href"));
        for (const href of marks) expect(inProvince.some((r) => r.link === href), href!).toBe(true);
        for (const f of doc.querySelectorAll("figure.chart")) expect(f.querySelector(`a[download][href="/data/indicators/${id}.csv"]`)).not.toBeNull();
        pages++;
      }
    }
    if (rows.length > 0) expect(pages).toBeGreaterThan(0);
  });

  it("the catalogue page links every indicator that has values", () => {
    const { rows } = readJson<{ rows: ValueRow[] }>(dist, "data/indicators.json");
    const doc = page(dist, "indicators/");
    for (const id of new Set(rows.map((r) => r.indicator))) expect(doc.querySelector(`a[href="/indicators/${id}/"]`), id).not.toBeNull();
  });
});

describe("data downloads", () => {
  it("indicators.json and .csv hold one row per extracted indicator value", () => {
    const expected = entries.reduce((n, e) => n + e.indicators.length, 0);
    const json = readJson<{ meta: { buildDate: string; extractorVersion: string; licence: string; citation: string }; rows: ValueRow[] }>(dist, "data/indicators.json");
    expect(json.rows.length).toBe(expected);
    expect(json.meta.buildDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(json.meta.licence && json.meta.citation && json.meta.extractorVersion).toBeTruthy();
    const csv = parseCsv(readFileSync(join(dist, "data/indicators.csv"), "utf8"));
    const [header, ...body] = csv;
    expect(body.length).toBe(expected);
    for (const col of ["reportId", "regionCode", "regionName", "year", "period", "indicator", "value", "unit", "normalizedValue", "kind", "qualifier", "quote", "start", "end", "link"]) expect(header).toContain(col);
    const at = (name: string) => header!.indexOf(name);
    for (const [i, row] of body.entries()) {
      const r = json.rows[i]!;
      expect(row.length).toBe(header!.length);
      expect(row[at("reportId")]).toBe(r.reportId);
      expect(Number(row[at("normalizedValue")])).toBe(r.normalizedValue);
      expect(row[at("quote")]!.replace(/^'/, "")).toBe(r.quote);
      const e = entries.find((x) => x.id === r.reportId)!;
      expect(e.indicators.some((v) => v.start === r.start && v.id === r.indicator)).toBe(true);
    }
  });

  it("each report's JSON is its whole entry, and each region's CSV its values", () => {
    for (const e of entries) expect(readJson(dist, `data/reports/${e.id}.json`)).toEqual(e);
    for (const code of new Set(entries.flatMap((e) => (e.region && e.indicators.length ? [e.region.gbCode] : [])))) {
      const [header, ...body] = parseCsv(readFileSync(join(dist, `data/regions/${code}.csv`), "utf8"));
      const expected = entries.filter((e) => e.region?.gbCode === code).flatMap((e) => e.indicators.map((v) => `${e.id}#${v.start}`));
      expect(body.map((r) => `${r[header!.indexOf("reportId")]}#${r[header!.indexOf("start")]}`).sort()).toEqual(expected.sort());
      const doc = page(dist, `regions/${code}/`);
      for (const f of doc.querySelectorAll("figure.chart")) expect(f.querySelector(`a[download][href="/data/regions/${code}.csv"]`)).not.toBeNull();
    }
  });

  it("reports.json lists every report", () => {
    const json = readJson<{ reports: { id: string }[] }>(dist, "data/reports.json");
    expect(new Set(json.reports.map((r) => r.id))).toEqual(new Set(entries.map((e) => e.id)));
  });
});

describe("the built site", () => {
  it("ships JavaScript only on /compare/ and /search/", () => {
    const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : n.endsWith(".html") ? [join(d, n)] : []));
    for (const file of walk(dist)) {
      const rel = relative(dist, file);
      if (rel.startsWith("compare/") || rel.startsWith("search/")) continue;
      const doc = parseHTML(readFileSync(file, "utf8")).document;
      const scripts = [...doc.querySelectorAll("script")].filter((s) => !/json/.test(s.getAttribute("type") ?? ""));
      expect(scripts.length, rel).toBe(0);
    }
    expect(page(dist, "compare/").querySelector('script[type="module"]')).not.toBeNull();
  });

  it("the search page preloads a shared link's shards from one inline script that its policy allows by hash", () => {
    const html = readFileSync(join(dist, "search", "index.html"), "utf8");
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    // search.js (async, from the site), then the preload script, both in <head> before the stylesheets.
    expect(scripts.map((m) => m[1]!.trim())).toEqual(['async fetchpriority="high" src="/search-index/search.js"', "data-search-preload"]);
    const code = scripts[1]![2]!;
    // Run on a server-side DOM of the page: it adds a preload for the shard of every key the engine reads.
    const { shardCount } = readJson<{ shardCount: number }>(dist, "search-index/table.json");
    const q = "家庭医生签约服务 卫生院";
    const { document } = parseHTML(html.replace(/<script data-search-preload>[\s\S]*?<\/script>/, ""));
    for (const el of document.querySelectorAll("script")) Object.defineProperty(el, "src", { value: `http://localhost/${el.getAttribute("src")!.replace(/^\//, "")}` });
    new Function("document", "location", code)(document, { search: `?q=${encodeURIComponent(q)}` });
    // (The keys of each term's plan, and the 6-character windows of 家庭医生签约服务, which a common long phrase's first rows read.)
    const want = new Set(parseQuery(q).terms.flatMap((t) => [...planTerm(t).keys, ...planTerm(t).windows].map((k) => `http://localhost/search-index/${shardFile(shardOf(k, shardCount))}`)));
    const links = [...document.querySelectorAll('link[rel="preload"][as="fetch"][crossorigin="anonymous"]')].map((l) => l.getAttribute("href"));
    expect(links.filter((h) => !h!.endsWith("table.json")).sort()).toEqual([...want].sort());
    expect(want.size).toBeGreaterThan(1);
    // A filtered link also preloads the shard of its filter value's list, which its first row waits for.
    const filtered = parseHTML(html.replace(/<script data-search-preload>[\s\S]*?<\/script>/, "")).document;
    for (const el of filtered.querySelectorAll("script")) Object.defineProperty(el, "src", { value: `http://localhost/${el.getAttribute("src")!.replace(/^\//, "")}` });
    new Function("document", "location", code)(filtered, { search: `?q=${encodeURIComponent(q)}&province=${encodeURIComponent("广东省")}` });
    const filteredLinks = [...filtered.querySelectorAll('link[rel="preload"][as="fetch"]')].map((l) => l.getAttribute("href"));
    const filterShard = `http://localhost/search-index/${shardFile(shardOf(filterKeyOf("province", "广东省"), shardCount))}`;
    expect(filteredLinks.filter((h) => !h!.endsWith("table.json")).sort()).toEqual([...new Set([...want, filterShard])].sort());
    expect([...filteredLinks, ...links].some((h) => h!.endsWith("meta.json"))).toBe(false);
    expect(html.indexOf(code)).toBeLessThan(html.indexOf('<link rel="stylesheet"'));
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!;
    expect(policy).toContain(`script-src 'self' 'sha256-${createHash("sha256").update(code, "utf8").digest("base64")}';`);
    // The shipped .gz is the finished page.
    expect(gunzipSync(readFileSync(join(dist, "search", "index.html.gz"))).toString("utf8")).toBe(html);
  });

  it("has no broken internal links or anchors (npm run check:links)", () => {
    const report = checkLinks(dist);
    expect(report.pages).toBeGreaterThan(entries.length);
    expect(report.broken).toEqual([]);
  });

  it("documents the data and the compare URL parameters on /about/", () => {
    const text = page(dist, "about/").body.textContent ?? "";
    for (const p of ["indicator", "regions", "period", "norm", "引用", "许可", "抽取程序版本", "构建日期"]) expect(text).toContain(p);
  });
});
