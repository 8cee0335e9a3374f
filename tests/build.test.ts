// The whole build on the seeds (`npm run build`, run once by tests/support/build-site.ts): every report gets a
// page, the build report accounts for every file, the pages are Chinese.
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { buildReportSchema } from "../src/lib/schema";
import { gold, seedFiles } from "./support/seeds";
import { buildSite } from "./site-helpers";

const { dist } = buildSite();

const buildReport = buildReportSchema.parse(JSON.parse(readFileSync(`${dist}/build-report.json`, "utf8")));

describe("npm run build on the repo's reports", () => {
  it("lists every source file in dist/build-report.json", () => {
    expect(buildReport.files.map((f) => f.file).sort()).toEqual(seedFiles());
    expect(buildReport.counts).toMatchObject({ read: 5, published: 5, rejected: 0, duplicate: 0 });
  });

  it("writes a zh-CN report page for every published report, titled as the report", () => {
    for (const f of buildReport.files) {
      const path = `${dist}/reports/${f.id}/index.html`;
      expect(existsSync(path), path).toBe(true);
      const { document } = parseHTML(readFileSync(path, "utf8"));
      expect(document.documentElement.getAttribute("lang")).toBe("zh-CN");
      const g = gold.find((x) => x.file === f.file)!;
      expect(document.querySelector("h1")?.textContent).toBe(g.title);
    }
  });

  it("labels the anonymised report's region as unknown", () => {
    const anon = buildReport.files.find((f) => f.file.startsWith("002_"))!;
    const { document } = parseHTML(readFileSync(`${dist}/reports/${anon.id}/index.html`, "utf8"));
    expect(document.querySelector("dl.meta")?.textContent).toContain("地区不详");
  });

  it("lists the reports on the home page by region", () => {
    const { document } = parseHTML(readFileSync(`${dist}/index.html`, "utf8"));
    const hrefs = [...document.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    for (const f of buildReport.files) expect(hrefs).toContain(`/reports/${f.id}/`);
  });
});
