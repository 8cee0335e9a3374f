// Pure query logic: splitting, covering pairs, the index's postings, excerpts, text fragments and
// the inlined shard prefetch, on real report text.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  parseQuery,
  coverOffsets,
  planTerm,
  documentKeys,
  foldedText,
  appendPairPosting,
  appendCharPosting,
  decodePairPostings,
  decodeCharPostings,
  matchTerm,
  countIn,
  excerptAt,
  textFragment,
  type Shard,
} from "../src/lib/search/core";
import { shardFilesFor } from "../src/lib/search/prefetch";
import { shardFile, shardOf } from "../src/lib/search/shard";
import { searchLines, bodyLines, regionLine } from "../src/lib/search/text";
import { parseEntry } from "../src/lib/entry-file";
import { seededRandom, randomSubstring } from "../src/lib/search/reference";
import type { ReportEntry } from "../src/lib/schema";

// The entries of the test build (tests/support/build-site.ts), or the repo's own after `npm run ingest`.
const DIR = process.env.SITE_ENTRIES || "content/reports";
const reports = readdirSync(DIR)
  .filter((f) => f.endsWith(".md"))
  .map((f) => {
    const { data, body } = parseEntry(readFileSync(join(DIR, f), "utf8"));
    return { entry: data as unknown as ReportEntry, body, lines: searchLines(data as unknown as ReportEntry, body) };
  });

function indexOf(docs: string[][]): Shard {
  const shard: Shard = Object.create(null);
  docs.forEach((lines, doc) => {
    const { chars, pairs } = documentKeys(foldedText(lines));
    for (const [c, n] of chars) appendCharPosting((shard[c] ??= []), doc, n);
    for (const [p, pos] of pairs) appendPairPosting((shard[p] ??= []), doc, pos);
  });
  return shard;
}

describe("parseQuery", () => {
  it("splits on spaces and keeps quoted phrases whole", () => {
    expect(parseQuery("家庭医生签约  严重精神障碍").terms).toEqual(["家庭医生签约", "严重精神障碍"]);
    expect(parseQuery('"阳 山 县" 卫生').terms).toEqual(["阳 山 县", "卫生"]);
    expect(parseQuery("“医共体 建设” 核酸").terms).toEqual(["医共体 建设", "核酸"]);
    expect(parseQuery("核酸　检测").terms).toEqual(["核酸", "检测"]); // full-width space separates too
    expect(parseQuery('  "" ').terms).toEqual([]);
    expect(parseQuery("核酸 核酸").terms).toEqual(["核酸"]);
  });
});

describe("covering pairs", () => {
  it("cover every character of a run with pairs at even offsets and the last pair", () => {
    expect(coverOffsets(2)).toEqual([0]);
    expect(coverOffsets(3)).toEqual([0, 1]);
    expect(coverOffsets(4)).toEqual([0, 2]);
    expect(coverOffsets(5)).toEqual([0, 2, 3]);
    expect(coverOffsets(6)).toEqual([0, 2, 4]);
    for (let n = 2; n < 30; n++) {
      const covered = new Set(coverOffsets(n).flatMap((k) => [k, k + 1]));
      expect(covered.size, String(n)).toBe(n);
    }
  });

  it("plans a term into the keys the index holds", () => {
    expect(planTerm("卫生院").keys).toEqual(["卫生", "生院"]);
    expect(planTerm("卫").keys).toEqual(["卫"]);
    expect(planTerm("阳 山县").runs.map((r) => r.offset)).toEqual([0, 2]);
  });
});

describe("postings round trip and exact matching on a real report", () => {
  const lines = reports[0]!.lines;
  const shard = indexOf([lines]);
  const cps = foldedText(lines);

  it("decodes what it encodes", () => {
    const { pairs, chars } = documentKeys(cps);
    for (const [k, pos] of [...pairs].slice(0, 200)) expect(decodePairPostings(shard[k]).get(0)).toEqual(pos);
    for (const [k, n] of [...chars].slice(0, 200)) expect(decodeCharPostings(shard[k]).get(0)).toBe(n);
  });

  it("counts every occurrence of 300 random substrings, and never matches across lines", () => {
    const rand = seededRandom(11);
    const lookup = (k: string) => shard[k];
    for (let i = 0; i < 300; i++) {
      const q = randomSubstring([lines], rand, 1, 8);
      const want = lines.reduce((s, l) => s + countIn(foldedText([l]), [...q.toLowerCase()]), 0);
      const m = matchTerm(planTerm(q), lookup);
      expect(m.counts.get(0) ?? 0, q).toBe(want);
    }
    // The last characters of one line and the first of the next are not a match.
    const a = lines[3]!;
    const b = lines[4]!;
    const across = [...a].slice(-2).join("") + [...b].slice(0, 2).join("");
    if (!lines.some((l) => l.includes(across))) expect(matchTerm(planTerm(across), lookup).counts.size).toBe(0);
  });

  it("does not match a word from its pieces: 医共体 is not 医 … 共体", () => {
    const shard2 = indexOf([["推进医共体建设"], ["医疗机构共体检查"], ["共体医"]]);
    const m = matchTerm(planTerm("医共体"), (k) => shard2[k]);
    expect([...m.counts.keys()]).toEqual([0]);
  });
});

describe("searchable text", () => {
  it("is the title, the region line and the body lines as the report page shows them", () => {
    const r = reports.find((x) => x.entry.region?.name === "海安市")!;
    expect(r.lines[0]).toBe(r.entry.title);
    expect(r.lines[1]).toBe("江苏省 南通市 海安市（县级市，代码 320685）");
    expect(r.lines.slice(2)).toEqual(bodyLines(r.body));
    expect(regionLine(null)).toBe("地区不详");
    expect(bodyLines(" a \n\n  \r\nb")).toEqual(["a", "b"]);
  });
});

describe("excerpts and links", () => {
  it("gives 80–120 characters around the match with the match itself marked", () => {
    const rand = seededRandom(3);
    for (const r of reports) {
      const cps = [...r.lines.join("\n")];
      for (let i = 0; i < 50; i++) {
        const start = Math.floor(rand() * (cps.length - 4));
        if (cps.slice(start, start + 4).includes("\n")) continue;
        const ex = excerptAt(cps, start, 4, 100);
        expect(ex.match).toBe(cps.slice(start, start + 4).join(""));
        const len = [...(ex.before + ex.match + ex.after).replace(/…/g, "")].length;
        expect(len).toBeGreaterThanOrEqual(Math.min(80, cps.length));
        expect(len).toBeLessThanOrEqual(120);
        expect(ex.before.replace(/^…/, "").endsWith(ex.prefix)).toBe(true);
        expect(ex.after.startsWith(ex.suffix)).toBe(true);
      }
    }
  });

  it("encodes text fragments so commas, dashes and ampersands in report text cannot break them", () => {
    expect(textFragment("核酸检测")).toBe(`#:~:text=${encodeURIComponent("核酸检测")}`);
    const f = textFragment("5月5日-5月7日", "江海区于", ",开展&");
    expect(f).toBe(`#:~:text=${encodeURIComponent("江海区于")}-,5%E6%9C%885%E6%97%A5%2D5%E6%9C%887%E6%97%A5,-%2C${encodeURIComponent("开展")}%26`);
  });
});

describe("the inlined shard prefetch", () => {
  it("asks for exactly the shards the engine loads for a query as typed", () => {
    const rand = seededRandom(5);
    const texts = reports.map((r) => r.lines);
    for (const count of [1, 7, 13, 400]) {
      for (let i = 0; i < 200; i++) {
        const q = rand() < 0.3 ? `${randomSubstring(texts, rand)} ${randomSubstring(texts, rand)}` : randomSubstring(texts, rand, 1, 9);
        const want = [...new Set(parseQuery(q).terms.flatMap((t) => planTerm(t).keys).map((k) => shardFile(shardOf(k, count))))].sort();
        expect(shardFilesFor(q, count).sort(), q).toEqual(want);
      }
    }
    expect(shardFilesFor('"阳 山县"', 13).sort()).toEqual([...new Set(planTerm("阳 山县").keys.map((k) => shardFile(shardOf(k, 13))))].sort());
    expect(shardFilesFor("卫生", 0)).toEqual([]);
  });

  it("is self-contained, so it still works when inlined as source text", () => {
    const inlined = new Function(`return (${shardFilesFor.toString()})`)() as typeof shardFilesFor;
    expect(inlined("家庭医生签约 核酸", 13)).toEqual(shardFilesFor("家庭医生签约 核酸", 13));
  });
});

describe("the report table", () => {
  it("round-trips through its compact form", async () => {
    const { compactManifest, expandManifest, INDEX_VERSION } = await import("../src/lib/search/shard");
    const docs = reports.map((r) => ({
      id: r.entry.id,
      url: `/reports/${r.entry.id}/`,
      title: r.lines[0]!,
      head: r.lines.slice(0, 2).join("\n"),
      region: r.entry.region?.name ?? null,
      prefecture: r.entry.region?.prefecture ?? null,
      province: r.entry.region?.province ?? null,
      county: r.entry.region?.name ?? null,
      year: r.entry.year,
      periodLabel: r.entry.period === "H1" ? "上半年" : r.entry.period === "FY" ? "全年" : null,
      published: r.entry.published,
    }));
    const m = { version: INDEX_VERSION, shardCount: 7, docs, byDate: docs.map((_, i) => i) };
    const c = compactManifest(m);
    expect(c.strings.length).toBeLessThan(docs.length * 4);
    expect(expandManifest(JSON.parse(JSON.stringify(c)))).toEqual(m);
    expect(() => expandManifest({ ...c, version: INDEX_VERSION + 1 })).toThrow(/rebuild/);
  });
});
