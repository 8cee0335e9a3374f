import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import { ingest } from "../scripts/ingest";
import { parseEntry } from "../src/lib/entry-file";
import { reportEntrySchema, buildReportSchema } from "../src/lib/schema";
import { SEEDS_DIR, seedFiles, seedText } from "./support/seeds";

describe("ingest a folder with good, bad and duplicate files", () => {
  let work: string;
  let report: Awaited<ReturnType<typeof ingest>>;
  const entriesDir = () => join(work, "entries");

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "ingest-"));
    const src = join(work, "reports");
    const { mkdirSync } = require("node:fs") as typeof import("node:fs");
    mkdirSync(src);
    for (const f of seedFiles()) copyFileSync(join(SEEDS_DIR, f), join(src, f));
    writeFileSync(join(src, "empty.txt"), "");
    writeFileSync(join(src, "image.png"), Buffer.from("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489", "hex"));
    // The same report again, byte for byte, and once more with different spacing.
    copyFileSync(join(SEEDS_DIR, "003_aa5b70b4c66df99c.txt"), join(src, "copy of 003.txt"));
    writeFileSync(join(src, "respaced 003.txt"), seedText("003_aa5b70b4c66df99c.txt").replace(/\n/g, "\n\n  "));
    // A seed as a government server in mainland China would often send it.
    writeFileSync(join(src, "夹江 gb18030.txt"), iconv.encode(seedText("004_83e2992d1b705371.txt").replace("2023年半年", "2022年半年"), "gb18030"));
    report = await ingest({ reportsDir: src, entriesDir: entriesDir(), buildReportPath: join(work, "build-report.json") });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("accounts for every input file exactly once", () => {
    const files = report.files.map((f) => f.file).sort();
    expect(files).toEqual(readdirSync(join(work, "reports")).sort());
    const c = report.counts;
    expect(c.published + c.duplicate + c.rejected).toBe(c.read);
    expect(buildReportSchema.parse(JSON.parse(readFileSync(join(work, "build-report.json"), "utf8")))).toEqual(report);
  });

  it("rejects the empty and the binary file with reasons naming the problem", () => {
    const byFile = new Map(report.files.map((f) => [f.file, f]));
    expect(byFile.get("empty.txt")).toMatchObject({ outcome: "rejected", reason: expect.stringMatching(/empty/) });
    expect(byFile.get("image.png")).toMatchObject({ outcome: "rejected", reason: expect.stringMatching(/binary/) });
  });

  it("publishes the others, including a GB18030 file", () => {
    const published = report.files.filter((f) => f.outcome === "published").map((f) => f.id).sort();
    expect(published).toEqual(["320685-2021-H1", "440704-2022-H1", "441823-2020-FY", "511126-2022-H1", "511126-2023-H1", expect.stringMatching(/^unknown-2022-FY-[0-9a-f]{8}$/)].sort());
    expect(readdirSync(entriesDir()).sort()).toEqual(published.map((id) => `${id}.md`).sort());
    const gbk = report.files.find((f) => f.file === "夹江 gb18030.txt");
    const entry = parseEntry(readFileSync(join(entriesDir(), `${gbk!.id}.md`), "utf8"));
    expect(reportEntrySchema.parse(entry.data)).toMatchObject({ encoding: "gb18030", region: { name: "夹江县" } });
  });

  it("detects exact and whitespace-only duplicates and names the original", () => {
    const dups = report.files.filter((f) => f.outcome === "duplicate");
    expect(dups.map((d) => d.file).sort()).toEqual(["copy of 003.txt", "respaced 003.txt"]);
    for (const d of dups) expect(d.duplicateOf).toContain("003_aa5b70b4c66df99c.txt (441823-2020-FY)");
  });

  it("writes entries whose body is the cleaned text and whose offsets map back to the source", () => {
    const entry = parseEntry(readFileSync(join(entriesDir(), "440704-2022-H1.md"), "utf8"));
    const data = reportEntrySchema.parse(entry.data);
    expect(entry.body).toContain("结果均为阴性");
    expect(data.charCount).toBe(seedText("000_a7dff10c8246c1a0.txt").length);
    const original = seedText("000_a7dff10c8246c1a0.txt");
    for (const s of data.sections) expect(original.slice(s.start).startsWith(s.marker)).toBe(true);
  });
});
