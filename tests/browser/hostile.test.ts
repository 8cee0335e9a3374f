// Report text is untrusted. A site built from reports that carry script tags, event handlers,
// javascript: links, a stray </mark> and Markdown/MDX syntax must show all of it as text —
// report page, tooltips, tables, charts, search results — and run none of it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { chromiumAvailable, launchBrowser } from "../support/browser";
import { serveDir, type Served } from "../support/serve";
import { buildSite, readJson } from "../site-helpers";
import { seedText } from "../support/seeds";

const PAYLOADS = [
  `<script>window.__pwned="script";alert("script")</script>`,
  `<img src=x onerror="window.__pwned='img';alert('img')">`,
  `<a href="javascript:window.__pwned='link'">点此查看</a>`,
  `</mark><script>window.__pwned="mark"</script><mark>`,
  `<svg onload="window.__pwned='svg'"></svg>`,
  `{window.__pwned="mdx"} [链接](javascript:alert(1)) **粗体** <!-- 注释 --> import x from "y"`,
];

function hostileReports(dir: string) {
  const base = seedText("004_83e2992d1b705371.txt");
  // Title, a sentence with a number (so it is marked and charted), and a paragraph of payloads.
  const report = base
    .replace("夹江县卫生健康局2023年半年工作总结", `夹江县卫生健康局2023年半年工作总结${PAYLOADS[0]}`)
    .replace("全县累计", `全县${PAYLOADS[1]}累计`)
    .replace("二、存在问题", `${PAYLOADS.slice(2).join("，")}。\n二、存在问题`);
  writeFileSync(join(dir, "hostile.txt"), report);
  // A web page whose visible text contains markup written as entities.
  writeFileSync(
    join(dir, "hostile.html"),
    `<html><head><meta charset="utf-8"><title>阳山县卫生健康局2020年工作总结</title><script>window.__pwned="page"</script></head><body><article><h1>阳山县卫生健康局2020年工作总结</h1>` +
      seedText("003_aa5b70b4c66df99c.txt").split("\n").slice(3).map((l) => `<p>${l.replace(/&/g, "&amp;").replace(/</g, "&lt;")}</p>`).join("") +
      `<p>全县共有&lt;script&gt;window.__pwned="entity"&lt;/script&gt;医疗卫生机构293间。</p></article></body></html>`,
  );
}

let browser: Browser;
let served: Served;
const dialogs: string[] = [];
const errors: string[] = [];

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  page.on("dialog", async (d) => {
    dialogs.push(`${path}: ${d.message()}`);
    await d.dismiss();
  });
  page.on("pageerror", (e) => errors.push(`${path}: ${e.message}`));
  await page.goto(served.url + path);
  await page.waitForLoadState("networkidle");
  return page;
}

async function assertInert(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();
  // No element from a report: no img with src=x, no javascript: link, no svg with onload.
  expect(await page.locator('img[src="x"], a[href^="javascript:"], [onerror], [onload]').count()).toBe(0);
  // Every script on the page is one of ours (a file under /_astro/ or a hashed inline one without payload text).
  const scripts = await page.locator("script").evaluateAll((ss) => ss.map((s) => (s as HTMLScriptElement).src || s.textContent || ""));
  for (const s of scripts) expect(s).not.toContain("__pwned");
}

describe.skipIf(!chromiumAvailable())("hostile report text is shown, never run", () => {
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "hostile-"));
    mkdirSync(join(dir, "reports"));
    hostileReports(join(dir, "reports"));
    const { dist } = buildSite({ reportsDir: join(dir, "reports") });
    served = await serveDir(dist);
    browser = await launchBrowser();
    const reports = readJson<{ reports: { id: string; sourceFile: string }[] }>(dist, "data/reports.json").reports;
    ids = Object.fromEntries(reports.map((r) => [r.sourceFile, r.id]));
  }, 900_000);
  let ids: Record<string, string> = {};

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("the report page shows the payloads as text", async () => {
    const page = await open(`/reports/${ids["hostile.txt"]}/`);
    await assertInert(page);
    const text = await page.locator("main").innerText();
    for (const p of [PAYLOADS[0]!, PAYLOADS[2]!, PAYLOADS[3]!]) expect(text).toContain(p);
    expect(await page.locator("h1").innerText()).toContain("<script>");
    // Marks are intact: the stray </mark> in the text did not close or open one.
    const marks = await page.locator("article mark").count();
    expect(marks).toBeGreaterThan(10);
    expect(await page.locator("article mark script, article mark img").count()).toBe(0);
  });

  it("the HTML report drops the page's own script and shows escaped markup as text", async () => {
    const page = await open(`/reports/${ids["hostile.html"]}/`);
    await assertInert(page);
    expect(await page.locator("main").innerText()).toContain(`<script>window.__pwned="entity"</script>`);
  });

  it("region, year, indicator and data pages stay inert", async () => {
    for (const path of ["/", "/regions/511126/", "/years/2023/", "/indicators/", "/compare/?indicator=covid_vax_people_total"]) {
      const page = await open(path);
      await assertInert(page);
      await page.close();
    }
  });

  it("search results show the payload as text", async () => {
    const page = await open(`/search/?q=${encodeURIComponent("点此查看")}`);
    await page.waitForSelector("main li, main .result, main article", { timeout: 15_000 }).catch(() => {});
    await assertInert(page);
    // The excerpt around the match carries the link markup as characters.
    expect(await page.locator("main").innerText()).toContain("点此查看</a>");
  });

  it("opened no dialog and threw no error", () => {
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
  });
});
