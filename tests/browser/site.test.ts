// The site in a real browser (Debian Chromium via playwright-core) against a private build of
// the seeds: navigation, chart marks landing on their highlighted sentence, the compare page's
// chart and shareable URL, no console errors, readable on a phone; screenshots in test-results/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { chromiumAvailable, launchBrowser } from "../support/browser";
import { serveDir, type Served } from "../support/serve";
import { buildSite, readJson } from "../site-helpers";
import type { ValueRow } from "../../src/lib/values";

const SHOTS = "test-results";
let browser: Browser;
let served: Served;
let dist = "";
let rows: ValueRow[] = [];
const errors: string[] = [];

async function newPage(ctx: BrowserContext): Promise<Page> {
  const page = await ctx.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on("requestfailed", (r) => errors.push(`request failed ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return page;
}

/** Chart points as the site defines them: first actual per report, latest per region and period type. */
function indicatorWithMostRegions(): { id: string; regions: string[] } {
  const by = new Map<string, Set<string>>();
  for (const r of rows) if (r.kind === "actual" && r.regionCode) by.set(r.indicator, (by.get(r.indicator) ?? new Set()).add(r.regionCode));
  const [id, regions] = [...by].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))[0] ?? ["", new Set<string>()];
  return { id, regions: [...regions] };
}

describe.skipIf(!chromiumAvailable())("site in Chromium", () => {
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    dist = buildSite().dist;
    rows = readJson<{ rows: ValueRow[] }>(dist, "data/indicators.json").rows;
    served = await serveDir(dist);
    browser = await launchBrowser();
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("home → region → report, with highlighted numbers", async () => {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await newPage(ctx);
    await page.goto(`${served.url}/`);
    await page.screenshot({ path: `${SHOTS}/home.png`, fullPage: true });
    const regionHref = await page.locator('main a[href^="/regions/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!).find((h) => /^\/regions\/\d{6}\/$/.test(h)));
    expect(regionHref, "the home page links a region").toBeTruthy();
    const regionLink = page.locator(`main a[href="${regionHref}"]`).first();
    const regionName = (await regionLink.textContent())!.trim();
    await regionLink.click();
    await page.waitForURL(/\/regions\/\d{6}\/$/);
    expect(await page.locator("h1").textContent()).toBe(regionName);
    await page.screenshot({ path: `${SHOTS}/region.png`, fullPage: true });
    const reportLink = page.locator("ol.timeline a[href^='/reports/']").first();
    const title = (await reportLink.textContent())!.trim();
    await reportLink.click();
    await page.waitForURL(/\/reports\/[^/]+\/$/);
    expect(await page.locator("h1").textContent()).toBe(title);
    expect(await page.locator("article.report-text mark").count()).toBeGreaterThan(0);
    // focusing a mark shows its tooltip (CSS ::after with the indicator name and value)
    const mark = page.locator("article.report-text mark").first();
    await mark.focus();
    const tip = await mark.evaluate((el) => getComputedStyle(el, "::after").content);
    expect(tip.length).toBeGreaterThan(2);
    await page.screenshot({ path: `${SHOTS}/report.png` });
    await ctx.close();
  });

  it("a chart mark on an indicator page lands on its highlighted sentence", async () => {
    const { id } = indicatorWithMostRegions();
    expect(id, "the seeds yield at least one indicator value").toBeTruthy();
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await newPage(ctx);
    await page.goto(`${served.url}/indicators/${id}/`);
    await page.screenshot({ path: `${SHOTS}/indicator.png`, fullPage: true });
    const marks = page.locator('figure.chart[data-chart="regions"] svg a');
    const n = await marks.count();
    expect(n).toBeGreaterThan(0);
    const href = (await marks.last().getAttribute("href"))!;
    // the mark's tooltip names the region and quotes the sentence (Plot puts <title> in the circle)
    expect(await marks.last().locator("title").textContent()).toMatch(/（.+）.*：.+\n./s);
    await marks.last().locator("circle").click();
    await page.waitForURL((u) => u.href.endsWith(href));
    const hash = href.split("#")[1]!;
    const target = await page.evaluate(() => {
      const el = document.querySelector(":target");
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { tag: el.tagName, id: el.id, bg: getComputedStyle(el).backgroundColor, inView: r.bottom > 0 && r.top < innerHeight, top: r.top, bottom: r.bottom, scrollY };
    });
    expect(target).toMatchObject({ tag: "MARK", id: hash, inView: true });
    expect(target!.bg).toBe("rgb(255, 191, 71)"); // --mark-focus: the :target highlight
    await page.screenshot({ path: `${SHOTS}/report-target.png` });
    await ctx.close();
  });

  it("the compare page draws the chosen indicator, and its URL reproduces the view", async () => {
    const { id, regions } = indicatorWithMostRegions();
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await newPage(ctx);
    await page.goto(`${served.url}/compare/?indicator=${id}`);
    await page.locator("#compare-plot svg").waitFor();
    expect(await page.locator("#cmp-indicator").inputValue()).toBe(id);
    const shown = await page.locator("#compare-plot svg a").count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(regions.length);
    expect(await page.locator("#compare-table tbody tr").count()).toBe(shown);
    // choose regions: tick the first region that has data, then a second if there is one
    for (const code of regions.slice(0, 2)) await page.locator(`input[type=checkbox][value="${code}"]`).check();
    await page.waitForFunction((codes) => new URL(location.href).searchParams.get("regions") === codes.join(","), regions.slice(0, 2));
    await page.waitForFunction(() => document.querySelectorAll("#compare-table tbody tr").length > 0);
    const url = page.url();
    expect(new URL(url).searchParams.get("indicator")).toBe(id);
    const view = async (p: Page) => ({
      title: await p.locator("#compare-title").textContent(),
      marks: await p.locator("#compare-plot svg a").evaluateAll((as) => as.map((a) => a.getAttribute("href"))),
      regions: await p.locator("input[type=checkbox]:checked").evaluateAll((bs) => bs.map((b) => (b as HTMLInputElement).value)),
    });
    const before = await view(page);
    expect(before.marks.length).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/compare.png`, fullPage: true });
    const again = await newPage(ctx);
    await again.goto(url);
    await again.locator("#compare-plot svg").waitFor();
    await again.waitForFunction(() => document.querySelectorAll("#compare-table tbody tr").length > 0);
    expect(await view(again)).toEqual(before);
    // a chart mark here also leads to the sentence
    const href = before.marks[0]!;
    await again.locator("#compare-plot svg a").first().locator("circle").click();
    await again.waitForURL((u) => u.href.endsWith(href));
    expect(await again.evaluate(() => document.querySelector(":target")?.tagName)).toBe("MARK");
    await ctx.close();
  });

  it("reads on a phone: no sideways scrolling, screenshots of the main pages", async () => {
    const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await newPage(ctx);
    const { id } = indicatorWithMostRegions();
    const reportId = rows[0]?.reportId;
    const code = rows.find((r) => r.regionCode)?.regionCode;
    const pages: [string, string][] = [
      ["home", "/"],
      ["regions", "/regions/"],
      ["years", "/years/"],
      ["indicators", "/indicators/"],
      ["about", "/about/"],
      ...(code ? [["region", `/regions/${code}/`] as [string, string]] : []),
      ...(reportId ? [["report", `/reports/${reportId}/`] as [string, string]] : []),
      ...(id ? [["indicator", `/indicators/${id}/`] as [string, string], ["compare", `/compare/?indicator=${id}`] as [string, string]] : []),
    ];
    for (const [name, path] of pages) {
      await page.goto(`${served.url}${path}`);
      if (name === "compare") await page.locator("#compare-plot svg").waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} scrolls sideways on a phone`).toBeLessThanOrEqual(1);
      await page.screenshot({ path: `${SHOTS}/phone-${name}.png` });
    }
    await ctx.close();
  });

  it("printed report pages drop the navigation and keep the text", async () => {
    const reportId = rows[0]?.reportId ?? "";
    const ctx = await browser.newContext();
    const page = await newPage(ctx);
    await page.goto(`${served.url}/reports/${reportId}/`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.site").isVisible()).toBe(false);
    expect(await page.locator("nav.toc").isVisible()).toBe(false);
    expect(await page.locator("article.report-text").isVisible()).toBe(true);
    await page.pdf({ path: `${SHOTS}/report-print.pdf` });
    await ctx.close();
  });

  it("logged no console errors and no failed requests", () => {
    expect(errors).toEqual([]);
  });
});
