// Real corpora are messy. Each case below is generated here, dropped into one folder with the
// seeds, and ingested once: every file must end up published, duplicate or rejected with a
// reason, and the seeds must still publish.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import iconv from "iconv-lite";
import { ingest } from "../scripts/ingest";
import { parseEntry } from "../src/lib/entry-file";
import { reportEntrySchema, type BuildFileOutcome, type ReportEntry } from "../src/lib/schema";
import { SEEDS_DIR, seedFiles, seedText } from "./support/seeds";

const jiajiang = seedText("004_83e2992d1b705371.txt");
const yangshan = seedText("003_aa5b70b4c66df99c.txt");
const haian = seedText("001_6df6edabab3eeb7c.txt");
const jianghai = seedText("000_a7dff10c8246c1a0.txt");

/** A seed moved to another year so that it is a distinct report (not a duplicate). */
const asYear = (text: string, from: string, to: string) => text.split(from).join(to);

const TRAD = "夾江縣衛生健康局2021年半年工作總結\n2021年上半年，縣衛生健康局立足行業特點，突出發展重點，全面推進健康夾江建設，在提升醫療服務能力和深化醫藥體制改革等方面取得了一些成效。全縣累計接種新冠病毒疫苗28.65萬人。";

const CASES: Record<string, Buffer | string> = {
  "empty.txt": "",
  "whitespace only.txt": "  \n\n\t  \r\n   ",
  "photo.jpg": Buffer.concat([Buffer.from("ffd8ffe000104a46494600010100000100010000", "hex"), randomBytes(2000)]),
  "random.bin": randomBytes(4096),
  "nul inside.txt": Buffer.from(asYear(jiajiang, "2023", "2015").replace("上半年", "上半年\u0000"), "utf8"),
  "truncated utf8.txt": Buffer.from(asYear(jiajiang, "2023", "2016"), "utf8").subarray(0, 5000),
  "truncated gb18030.txt": iconv.encode(asYear(jiajiang, "2023", "2017"), "gb18030").subarray(0, 4001),
  "bom utf8.txt": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(asYear(jiajiang, "2023", "2018"))]),
  "utf16le.txt": iconv.encode(asYear(jiajiang, "2023", "2019"), "utf-16le", { addBOM: true }),
  "utf16be.txt": iconv.encode(asYear(jiajiang, "2023", "2020"), "utf-16be", { addBOM: true }),
  "gb18030.txt": iconv.encode(asYear(yangshan, "2020年", "2019年"), "gb18030"),
  "big5 traditional.txt": iconv.encode(TRAD, "big5"),
  "crlf.txt": asYear(haian, "2021", "2019").replace(/\n/g, "\r\n"),
  "cr only.txt": asYear(haian, "2021", "2018").replace(/\n/g, "\r"),
  "huge 20MB.txt": (() => {
    const body = asYear(jianghai, "2022", "2014");
    return body + body.slice(200).repeat(Math.ceil((20 * 1024 * 1024) / 3 / body.length));
  })(),
  "exact duplicate of 004.txt": jiajiang,
  "respaced duplicate of 004.txt": jiajiang.replace(/。/g, "。 ").replace(/\n/g, "\n\n"),
  "name with spaces.txt": asYear(jiajiang, "2023", "2013"),
  "中文文件名.txt": asYear(jiajiang, "2023", "2012"),
  "-leading-dash.txt": asYear(jiajiang, "2023", "2011"),
  "..dots..txt": asYear(jiajiang, "2023", "2010"),
  "front matter.txt": "---\ntitle: 伪造标题\nid: ../../etc\n---\n" + asYear(jiajiang, "2023", "2009"),
  "one long line.txt": (() => {
    const line = asYear(jiajiang, "2023", "2008").replace(/\n/g, "");
    return line.repeat(Math.ceil(1_000_000 / line.length)).slice(0, 1_000_000);
  })(),
  "no region.txt": "卫生健康局2022年上半年工作总结\n" + "全区卫生健康系统坚持以人民健康为中心，扎实推进各项工作，累计接种新冠病毒疫苗2.6万剂次，开展家庭医生签约服务。\n".repeat(5),
  "two regions.txt": "江海区卫生健康局 蓬江区卫生健康局\n2021年上半年工作总结\n" + "全区卫生健康系统坚持以人民健康为中心，扎实推进各项工作，累计接种新冠病毒疫苗2.6万剂次。\n".repeat(5),
};

let work: string;
let outcomes: Map<string, BuildFileOutcome>;
let entries: Map<string, ReportEntry>;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "bad-input-"));
  const src = join(work, "reports");
  mkdirSync(src);
  for (const f of seedFiles()) copyFileSync(join(SEEDS_DIR, f), join(src, f));
  for (const [name, content] of Object.entries(CASES)) writeFileSync(join(src, name), content);
  const report = await ingest({ reportsDir: src, entriesDir: join(work, "entries"), buildReportPath: join(work, "build-report.json") });
  outcomes = new Map(report.files.map((f) => [f.file, f]));
  entries = new Map(
    report.files
      .filter((f) => f.outcome === "published")
      .map((f) => [f.file, reportEntrySchema.parse(parseEntry(readFileSync(join(work, "entries", `${f.id}.md`), "utf8")).data)]),
  );
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

const entry = (file: string) => {
  const e = entries.get(file);
  if (!e) throw new Error(`${file} was not published: ${JSON.stringify(outcomes.get(file))}`);
  return e;
};

describe("every input file is accounted for", () => {
  it("lists each file once with an outcome, and the seeds still publish", () => {
    expect([...outcomes.keys()].sort()).toEqual([...seedFiles(), ...Object.keys(CASES)].sort());
    for (const f of seedFiles()) expect(outcomes.get(f)?.outcome).toBe("published");
  });
});

describe("files that cannot be reports are rejected with the reason", () => {
  it.each([
    ["empty.txt", /empty/],
    ["whitespace only.txt", /white space/],
    ["photo.jpg", /binary|no Chinese text|undecodable/],
    ["random.bin", /binary|no Chinese text|undecodable/],
  ])("%s", (file, reason) => {
    expect(outcomes.get(file)).toMatchObject({ outcome: "rejected", reason: expect.stringMatching(reason) });
  });
});

describe("damaged or unusual encodings still publish", () => {
  it("a NUL inside the text becomes a space, with a warning", () => {
    expect(entry("nul inside.txt").warnings.join()).toMatch(/control characters/);
    expect(entry("nul inside.txt").region?.name).toBe("夹江县");
  });
  it.each([
    ["truncated utf8.txt", "utf-8", 2016],
    ["truncated gb18030.txt", "gb18030", 2017],
    ["bom utf8.txt", "utf-8-bom", 2018],
    ["utf16le.txt", "utf-16le", 2019],
    ["utf16be.txt", "utf-16be", 2020],
  ])("%s is read as %s", (file, encoding, year) => {
    expect(entry(file)).toMatchObject({ encoding, year, period: "H1", region: { gbCode: "511126" } });
  });
  it("GB18030 text keeps its region and year", () => {
    expect(entry("gb18030.txt")).toMatchObject({ encoding: "gb18030", year: 2019, region: { name: "阳山县" } });
  });
  it("Big5 traditional text is decoded as Big5", () => {
    expect(entry("big5 traditional.txt")).toMatchObject({ encoding: "big5", year: 2021, period: "H1" });
    expect(entry("big5 traditional.txt").title).toBe("夾江縣衛生健康局2021年半年工作總結");
  });
  it.each([
    ["crlf.txt", 2019],
    ["cr only.txt", 2018],
  ])("%s: line ends do not change metadata or sections", (file, year) => {
    const e = entry(file);
    expect(e.region?.gbCode).toBe("320685");
    expect(e).toMatchObject({ year, period: "H1", published: `${year}-06-30` });
    expect(e.sections.length).toBe(entry("001_6df6edabab3eeb7c.txt").sections.length);
  });
  it("a 20 MB report is published", () => {
    expect(entry("huge 20MB.txt")).toMatchObject({ year: 2014, region: { gbCode: "440704" } });
    expect(entry("huge 20MB.txt").charCount).toBeGreaterThan(6_000_000);
  });
  it("one 1 MB line is published", () => {
    expect(entry("one long line.txt").charCount).toBe(1_000_000);
  });
});

describe("duplicates", () => {
  it.each(["exact duplicate of 004.txt", "respaced duplicate of 004.txt"])("%s is a duplicate of the seed", (file) => {
    expect(outcomes.get(file)).toMatchObject({ outcome: "duplicate", duplicateOf: expect.stringContaining("004_83e2992d1b705371.txt") });
  });
});

describe("odd file names and contents", () => {
  it.each(["name with spaces.txt", "中文文件名.txt", "-leading-dash.txt", "..dots..txt"])("%s publishes under a safe id", (file) => {
    const o = outcomes.get(file)!;
    expect(o.outcome).toBe("published");
    expect(o.id).toMatch(/^[0-9A-Za-z_-]+$/);
    expect(entry(file).sourceFile).toBe(file);
  });
  it("front matter at the top of a text is text, not metadata", () => {
    const e = entry("front matter.txt");
    expect(e.title).toBe("夹江县卫生健康局2009年半年工作总结");
    expect(e.id).toBe("511126-2009-H1");
  });
  it("a report naming no region has region null and says so", () => {
    const e = entry("no region.txt");
    expect(e.region).toBeNull();
    expect(e.id).toMatch(/^unknown-2022-H1-[0-9a-f]{8}$/);
  });
  it("a report naming two regions picks one and warns", () => {
    const e = entry("two regions.txt");
    expect(["江海区", "蓬江区"]).toContain(e.region?.name);
    expect(e.warnings.join()).toMatch(/two regions/);
  });
});
