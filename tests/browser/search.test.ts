// The search page in a real browser against a private build of the seeds: a query from a seed
// gives exactly the reports containing it, absent text gives 没有找到, a filter narrows, ?q= runs
// the query, typing updates the URL, traditional characters are searched in simplified.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readFileSync, readdirSync, statSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { chromiumAvailable, launchBrowser } from "../support/browser";
import { serveDir, type Served } from "../support/serve";
import { buildSite } from "../site-helpers";
import { parseEntry } from "../../src/lib/entry-file";
import { searchLines } from "../../src/lib/search/text";
import { referenceSearch, type ReferenceDoc } from "../../src/lib/search/reference";
import type { ReportEntry } from "../../src/lib/schema";

let browser: Browser;
let built: { dist: string; entriesDir: string };
let served: Served;
let docs: ReferenceDoc[] = [];
const errors: string[] = [];

/** A new page at `path` of `site` (the test build unless told), its errors collected. */
async function open(path: string, site: Served = served): Promise<Page> {
  const page = await browser.newPage();
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`);
  });
  await page.goto(site.url + path);
  return page;
}

async function settled(page: Page, q: string): Promise<void> {
  await page.waitForFunction(
    (query) => {
      const list = document.getElementById("search-results")!;
      const state = document.getElementById("search-status")!.dataset.state;
      return list.dataset.query === query && (state === "empty" || state === "filtered-empty" || (state === "done" && list.dataset.complete !== undefined));
    },
    q,
    { timeout: 20_000 },
  );
  // Excerpts load as rows come near the screen; the seeds' few results all do.
  await page.waitForFunction(() => document.querySelectorAll("#search-results li:not([data-ready])").length === 0, undefined, { timeout: 20_000 });
}

const resultIds = (page: Page) => page.$$eval("#search-results li", (lis) => lis.map((li) => (li as HTMLElement).dataset.id!));

describe.skipIf(!chromiumAvailable())("search page in Chromium", () => {
  beforeAll(async () => {
    built = buildSite();
    docs = readdirSync(built.entriesDir)
      .filter((f) => f.endsWith(".md"))
      .map((f) => {
        const { data, body } = parseEntry(readFileSync(join(built.entriesDir, f), "utf8"));
        return { id: (data as ReportEntry).id, lines: searchLines(data as unknown as ReportEntry, body) };
      });
    served = await serveDir(built.dist);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it("a shared link ?q= runs the query and lists exactly the reports containing it", async () => {
    for (const q of ["核酸检测", "医共体", "严重精神障碍", "海安", "卫生院", "两癌"]) {
      const page = await open(`/search/?q=${encodeURIComponent(q)}`);
      await settled(page, q);
      const want = [...referenceSearch(docs, q).keys()].sort();
      expect(want.length, q).toBeGreaterThan(0);
      expect(want.length, q).toBeLessThan(docs.length);
      expect((await resultIds(page)).sort(), q).toEqual(want);
      expect(await page.inputValue("#q")).toBe(q);
      expect(await page.textContent("#search-status")).toContain(`${want.length} 篇报告`);
      // Every result: the match highlighted in an 80–120 character excerpt, built as text.
      const items = await page.$$eval("#search-results li", (lis) =>
        lis.map((li) => ({
          marks: [...li.querySelectorAll(".excerpt mark")].map((m) => m.textContent),
          elements: li.querySelector(".excerpt")!.children.length,
          length: [...li.querySelector(".excerpt")!.textContent!.replace(/…/g, "")].length,
          href: li.querySelector("a")!.getAttribute("href")!,
          meta: li.querySelector(".meta")!.textContent!,
        })),
      );
      for (const it of items) {
        expect(it.marks).toEqual([q]);
        expect(it.elements).toBe(1);
        expect(it.length).toBeGreaterThanOrEqual(80);
        expect(it.length).toBeLessThanOrEqual(120);
        expect(it.href).toMatch(/^\/reports\/[\w-]+\/#:~:text=/);
        expect(decodeURIComponent(it.href)).toContain(q);
        expect(it.meta).toMatch(/\d{4}年(上半年|全年|下半年)/);
      }
      await page.close();
    }
  });

  it("a shared link preloads the shards its query reads before search.js runs, and each is fetched once", async () => {
    // One query of each shape: a gram term, a phrase longer than 6 characters (all its pairs), two terms.
    for (const q of ["卫生院", "家庭医生签约服务", "医共体 两癌"]) {
      const before = new Map(served.requests);
      const page = await open(`/search/?q=${encodeURIComponent(q)}`);
      await settled(page, q);
      const preloaded = await page.$$eval('link[rel="preload"][href*="/search-index/s"]', (links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
      const fetched = [...served.requests].filter(([path, n]) => /^\/search-index\/s[0-9a-z]+\.json$/.test(path) && n > (before.get(path) ?? 0));
      expect(preloaded.length, q).toBeGreaterThan(1);
      expect(fetched.map(([path]) => path).sort(), q).toEqual([...new Set(preloaded)].sort());
      for (const [path, n] of fetched) expect(n - (before.get(path) ?? 0), `${q}: ${path}`).toBe(1);
      // The engine's fetch() took the preloaded response: a second fetch, even one answered by
      // the HTTP cache, would add a second resource timing entry.
      const entries = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname).filter((p) => /^\/search-index\/s[0-9a-z]+\.json$/.test(p)));
      expect(entries.sort(), q).toEqual([...new Set(preloaded)].sort());
      await page.close();
    }
  });

  it("reads lists from pack files with HTTP Range requests, and from whole packs when a server ignores Range (an index with every long list in small packs)", async () => {
    // The built search page with an index of the same entries whose lists leave their shards
    // early and fill many 4 KB packs; the index builder also puts its own preload script in.
    const site = mkdtempSync(join(tmpdir(), "search-packs-"));
    for (const d of ["search", "_astro"]) cpSync(join(built.dist, d), join(site, d), { recursive: true });
    execFileSync(process.execPath, ["--import", "tsx", "scripts/search-index.ts", "--out", site, "--entries", built.entriesDir, "--inline-docs", "2", "--inline-positions", "20", "--pack-bytes", "4096"], { stdio: "pipe" });
    const exactOn = async (server: Served, queries: string[]) => {
      for (const q of queries) {
        const page = await open(`/search/?q=${encodeURIComponent(q)}`, server);
        await settled(page, q);
        expect((await resultIds(page)).sort(), q).toEqual([...referenceSearch(docs, q).keys()].sort());
        await page.close();
      }
    };
    const packed = await serveDir(site);
    try {
      await exactOn(packed, ["卫生院", "家庭医生签约服务", "医共体 两癌", "核酸"]);
      // Parts of packs were sent, not whole packs.
      const packs = [...packed.bytes].filter(([path]) => path.startsWith("/search-index/f/"));
      expect(packs.length).toBeGreaterThan(1);
      expect(packs.some(([path, sent]) => sent < statSync(join(site, path)).size)).toBe(true);
      // A server that ignores Range sends whole packs: the results are still exact.
      const whole = await serveDir(site, { ignoreRange: true });
      try {
        await exactOn(whole, ["卫生院", "医共体 两癌"]);
        const sent = [...whole.bytes].filter(([path]) => path.startsWith("/search-index/f/"));
        expect(sent.length).toBeGreaterThan(0);
        for (const [path, n] of sent) expect(n % statSync(join(site, path)).size, path).toBe(0);
      } finally {
        await whole.close();
      }
    } finally {
      await packed.close();
    }
  });

  it("a common long phrase shows its first rows before the whole answer, and keeps them (an index with bound 40)", async () => {
    // With bound 40 the phrase's covering pairs are far over the bound on the seeds: its first
    // rows come from its windows and the report texts, then the whole answer fills the page.
    const site = mkdtempSync(join(tmpdir(), "search-top-"));
    for (const d of ["search", "_astro"]) cpSync(join(built.dist, d), join(site, d), { recursive: true });
    execFileSync(process.execPath, ["--import", "tsx", "scripts/search-index.ts", "--out", site, "--entries", built.entriesDir, "--bound", "40"], { stdio: "pipe" });
    const server = await serveDir(site);
    try {
      for (const q of ["家庭医生签约服务", "基本公共卫生服务"]) {
        const page = await browser.newPage();
        page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
        // Every state the status line passes through, with the rows on the page at that moment.
        await page.addInitScript(() => {
          const seen: string[] = [];
          (window as unknown as { seen: string[] }).seen = seen;
          document.addEventListener("DOMContentLoaded", () => {
            const status = document.getElementById("search-status")!;
            const note = () => seen.push(`${status.dataset.state}:${document.querySelectorAll("#search-results li").length}`);
            new MutationObserver(note).observe(status, { attributes: true, attributeFilter: ["data-state"] });
          });
        });
        await page.goto(`${server.url}/search/?q=${encodeURIComponent(q)}`);
        await settled(page, q);
        const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
        // Rows first under "partial" (the whole answer is still being counted), then "done".
        const partial = seen.findIndex((s) => s.startsWith("partial:"));
        expect(partial, `${q}: ${seen}`).toBeGreaterThanOrEqual(0);
        expect(seen.slice(partial + 1).some((s) => s.startsWith("done:") && Number(s.split(":")[1]) >= 1), `${q}: ${seen}`).toBe(true);
        // The rows are the exact answer, in the page's rank order.
        const ids = await resultIds(page);
        expect([...ids].sort(), q).toEqual([...referenceSearch(docs, q).keys()].sort());
        const ranked = await page.evaluate(() => document.getElementById("search-results")!.dataset.docs!.split(" ").length);
        expect(ranked).toBe(ids.length);
        await page.close();
      }
    } finally {
      await server.close();
    }
  });

  it("text found in no report gives 没有找到 and no results", async () => {
    const q = "核酸检测阳性率";
    expect(referenceSearch(docs, q).size).toBe(0);
    const page = await open(`/search/?q=${encodeURIComponent(q)}`);
    await settled(page, q);
    expect(await page.textContent("#search-status")).toContain("没有找到");
    expect(await resultIds(page)).toEqual([]);
    await page.close();
  });

  it("a filter narrows the results, shows counts and goes into the URL", async () => {
    const page = await open(`/search/?q=${encodeURIComponent("卫生")}`);
    await settled(page, "卫生");
    expect((await resultIds(page)).length).toBe(docs.length);
    const label = page.locator('[data-filter="province"] label', { hasText: "广东省" });
    expect(await label.textContent()).toContain("(2)");
    await label.locator("input").check();
    await page.waitForFunction(() => document.querySelectorAll("#search-results li").length === 2);
    await settled(page, "卫生");
    const ids = await resultIds(page);
    expect(ids.sort()).toEqual(["440704-2022-H1", "441823-2020-FY"]);
    expect(decodeURIComponent(new URL(page.url()).search)).toContain("province=广东省");
    expect(await page.textContent("#search-status")).toContain("筛选后 2 篇");
    // Back restores the unfiltered list.
    await page.goBack();
    await page.waitForFunction((n) => document.querySelectorAll("#search-results li").length === n, docs.length);
    await page.close();
  });

  it("typing a query runs it and updates the URL; space-separated terms must all occur", async () => {
    const page = await open("/search/");
    const q = "核酸 江海区";
    await page.fill("#q", q);
    await settled(page, q);
    expect(decodeURIComponent(new URL(page.url()).search).replace(/\+/g, " ")).toBe(`?q=${q}`);
    expect((await resultIds(page)).sort()).toEqual([...referenceSearch(docs, q).keys()].sort());
    expect((await resultIds(page)).length).toBe(1);
    await page.close();
  });

  it("traditional characters are also searched in simplified, and the page says so", async () => {
    const q = "核酸檢測";
    const page = await open(`/search/?q=${encodeURIComponent(q)}`);
    await settled(page, q);
    expect(await page.textContent("#search-note")).toContain("核酸检测");
    expect(await page.isVisible("#search-note")).toBe(true);
    expect((await resultIds(page)).sort()).toEqual([...referenceSearch(docs, "核酸检测").keys()].sort());
    await page.close();
  });

  it("a result link opens the report at the matched text", async () => {
    const page = await open(`/search/?q=${encodeURIComponent("医共体")}`);
    await settled(page, "医共体");
    const first = page.locator("#search-results li a").first();
    const href = await first.getAttribute("href");
    await first.click();
    await page.waitForURL(/\/reports\//);
    expect(new URL(page.url()).pathname).toBe(href!.split("#")[0]);
    expect(await page.textContent("article")).toContain("医共体");
    await page.close();
  });

  it("logs no errors", () => {
    expect(errors).toEqual([]);
  });
});
