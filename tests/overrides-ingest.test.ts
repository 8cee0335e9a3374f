// A curator's override survives re-extraction: it is applied on every ingest, to the report id
// and the number it names, and changes the indicator list too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingest, summaryTable } from "../scripts/ingest";
import { parseEntry } from "../src/lib/entry-file";
import { reportEntrySchema, type ReportEntry } from "../src/lib/schema";
import { SEEDS_DIR } from "./support/seeds";

let work: string;
const read = (id: string): ReportEntry =>
  reportEntrySchema.parse(parseEntry(readFileSync(join(work, "entries", `${id}.md`), "utf8")).data);

async function run() {
  return ingest({
    reportsDir: join(work, "reports"),
    entriesDir: join(work, "entries"),
    buildReportPath: join(work, "build-report.json"),
    cacheDir: join(work, "cache"),
    overridesPath: join(work, "overrides.json"),
    threads: 1,
  });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "overrides-"));
  mkdirSync(join(work, "reports"));
  copyFileSync(join(SEEDS_DIR, "003_aa5b70b4c66df99c.txt"), join(work, "reports", "yangshan.txt"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("overrides", () => {
  it("drops a value and corrects another, by indicator id and by offset", async () => {
    await run();
    const before = read("441823-2020-FY");
    const beds = before.indicators.find((i) => i.unit === "张");
    const dropped = before.indicators.find((i) => i !== beds);
    expect(beds && dropped).toBeTruthy();
    writeFileSync(
      join(work, "overrides.json"),
      JSON.stringify({
        overrides: [
          { report: "441823-2020-FY", start: beds!.start, action: "set", set: { value: 1590, normalizedValue: 1590 }, note: "原文笔误，据统计年鉴更正" },
          { report: "441823-2020-FY", indicator: dropped!.id, action: "drop", note: "口径不同" },
          { report: "441823-2020-FY", start: 1, action: "drop", note: "指向已不存在的数字" },
          { report: "441823-2019-FY", indicator: "beds_total", action: "drop", note: "报告编号写错" },
        ],
      }),
    );
    const report = await run();
    const after = read("441823-2020-FY");
    const corrected = after.indicators.find((i) => i.start === beds!.start)!;
    expect(corrected).toMatchObject({ value: 1590, normalizedValue: 1590, override: "原文笔误，据统计年鉴更正", quote: beds!.quote });
    expect(after.indicators.some((i) => i.id === dropped!.id && i.start === dropped!.start)).toBe(false);
    expect(after.mentions.length).toBe(before.mentions.length - 1);
    expect(report.files[0]!.outcome).toBe("published");
    expect(after.warnings.join()).toMatch(/override matches nothing/);
    // The build report says which overrides still apply, and the stale one warns on its file.
    expect(report.overrides.map((o) => o.outcome)).toEqual(["applied", "applied", "unmatched", "no-report"]);
    expect(report.overrides[3]).toMatchObject({ report: "441823-2019-FY", indicator: "beds_total", note: "报告编号写错" });
    expect(report.files[0]!.warnings.join()).toMatch(/override matches nothing \(start 1\)/);
    expect(summaryTable(report)).toMatch(/override\s+441823-2019-FY beds_total\s+→\s+no published report has this id/);
  });

  it("tells two overrides on the same number apart: the one that applied is not reported stale", async () => {
    writeFileSync(join(work, "overrides.json"), JSON.stringify({ overrides: [] }));
    await run();
    const beds = read("441823-2020-FY").indicators.find((i) => i.unit === "张")!;
    // The first drops the number, so the second (same number, another correction) matches nothing.
    writeFileSync(
      join(work, "overrides.json"),
      JSON.stringify({
        overrides: [
          { report: "441823-2020-FY", start: beds.start, action: "drop", note: "重复统计，删除" },
          { report: "441823-2020-FY", start: beds.start, action: "set", set: { value: 1590, normalizedValue: 1590 }, note: "据统计年鉴更正" },
        ],
      }),
    );
    const report = await run();
    expect(read("441823-2020-FY").indicators.some((i) => i.start === beds.start)).toBe(false);
    expect(report.overrides.map((o) => [o.note, o.outcome])).toEqual([
      ["重复统计，删除", "applied"],
      ["据统计年鉴更正", "unmatched"],
    ]);
    const warnings = report.files[0]!.warnings.filter((w) => w.startsWith("override matches nothing"));
    expect(warnings).toEqual([`override matches nothing (start ${beds.start}): 据统计年鉴更正`]);
  });
});
