// Pure query logic: splitting, covering pairs, the index's postings, excerpts and text fragments,
// on real report text.
import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import {
  parseQuery,
  coverOffsets,
  cheapestCover,
  foldCodes,
  planTerm,
  foldedText,
  indexLines,
  collectDocKeys,
  decodeCounts,
  decodePositions,
  chooseLists,
  matchTerm,
  countIn,
  excerptAt,
  textFragment,
  isSpaceCode,
  type Shard,
} from "../src/lib/search/core";
import { shardFile, shardOf, hashKey } from "../src/lib/search/shard";
import { searchLines, bodyLines, regionLine, isSpace, fold } from "../src/lib/search/text";
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

/** Matches a term against an in-memory index with every list inline. */
function match(index: Shard, q: string, bound: number) {
  const plan = planTerm(q);
  return matchTerm(chooseLists(plan, (k) => index[k], bound), () => {
    throw new Error("an in-memory index has no files");
  });
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

describe("folding", () => {
  it("foldCodes (the index builder's fast path) agrees with fold() on every code point and on the seed reports", () => {
    const asCodes = (t: string) => fold(t).map((c) => c.codePointAt(0)!);
    const codes: number[] = [];
    for (let cp = 0; cp <= 0x2ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) codes.push(cp);
    let all = "";
    for (let i = 0; i < codes.length; i += 4096) all += String.fromCodePoint(...codes.slice(i, i + 4096));
    expect([...foldCodes(all)]).toEqual(asCodes(all));
    for (const r of reports) expect([...foldCodes(r.lines.join("\n"))]).toEqual(asCodes(r.lines.join("\n")));
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

  it("the cheapest cover covers every character, starts and ends with the run's end pairs, and costs the least", () => {
    const rand = seededRandom(7);
    for (let t = 0; t < 300; t++) {
      const n = 2 + Math.floor(rand() * 9);
      const costs = Array.from({ length: n - 1 }, () => (rand() < 0.1 ? Infinity : Math.floor(rand() * 1000)));
      const got = cheapestCover(n, (o) => costs[o]!);
      // Brute force over every subset of the n−1 pairs.
      let best = Infinity;
      for (let mask = 0; mask < 1 << (n - 1); mask++) {
        const chosen = [...Array(n - 1).keys()].filter((o) => mask & (1 << o));
        if (new Set(chosen.flatMap((o) => [o, o + 1])).size !== n) continue;
        best = Math.min(best, chosen.reduce((a, o) => a + costs[o]!, 0));
      }
      if (best === Infinity) {
        expect(got, costs.join()).toBeNull();
        continue;
      }
      expect(got, costs.join()).not.toBeNull();
      expect(new Set(got!.flatMap((o) => [o, o + 1])).size).toBe(n);
      expect(got![0]).toBe(0);
      expect(got!.at(-1)).toBe(n - 2);
      expect(got!.reduce((a, o) => a + costs[o]!, 0)).toBe(best);
    }
  });

  it("plans a term into the keys the index holds", () => {
    expect(planTerm("卫生院").keys).toEqual(["卫生院", "卫生", "生院"]);
    expect(planTerm("卫生院").gram).toBe("卫生院");
    expect(planTerm("卫生").keys).toEqual(["卫生"]);
    expect(planTerm("家庭医生签约服务").gram).toBeNull();
    expect(planTerm("阳 山县").gram).toBeNull();
    expect(planTerm("卫").keys).toEqual(["卫"]);
    expect(planTerm("阳 山县").runs.map((r) => r.offset)).toEqual([0, 2]);
  });
});

describe("lists round trip and exact matching on a real report", () => {
  const lines = reports[0]!.lines;
  const cps = foldedText(lines);

  it("decodes what it encodes", () => {
    const index = indexLines([lines, lines.slice(0, 5)], 1e9);
    const codes = cps.map((c) => c.codePointAt(0)!);
    const { pairs, counts } = collectDocKeys(codes, 0, codes.map(() => 0), 1e9);
    for (const [k, pos] of [...pairs].slice(0, 200)) expect(decodePositions(index[k]![2] as number[]).get(0)!.pos).toEqual(pos);
    for (const [k, [n]] of [...counts].slice(0, 200)) expect(decodeCounts(index[k]![1] as number[]).counts.get(0)).toBe(n);
    // The title is in the title/region lines, in both reports.
    const t = [...lines[0]!.toLowerCase()].slice(0, 2).join("");
    expect(decodePositions(index[t]![2] as number[]).get(1)!.h).toBeGreaterThan(0);
  });

  it("hashes keys while it collects them exactly as the shards do", () => {
    const codes = cps.map((c) => c.codePointAt(0)!);
    const seen: string[] = [];
    const { pairs, counts } = collectDocKeys(codes, 0, codes.map(() => 1e9), 0, (h) => (h % 7) === 3);
    for (const k of [...pairs.keys(), ...counts.keys()]) {
      expect(hashKey(k) % 7).toBe(3);
      seen.push(k);
    }
    expect(seen.length).toBeGreaterThan(100);
    expect([...counts.keys()].some((k) => [...k].length === 6)).toBe(true);
    for (let c = 0; c < 0x3100; c++) expect(isSpaceCode(c), c.toString(16)).toBe(isSpace(String.fromCodePoint(c)));
    expect(isSpaceCode(0xfeff)).toBe(true);
  });

  for (const bound of [1e9, 30, 0]) {
    it(`counts every occurrence of 300 random substrings, and never matches across lines (bound ${bound})`, () => {
      const index = indexLines([lines], bound);
      const rand = seededRandom(11);
      for (let i = 0; i < 300; i++) {
        const q = randomSubstring([lines], rand, 1, 8);
        const want = lines.reduce((s, l) => s + countIn(foldedText([l]), [...q.toLowerCase()]), 0);
        expect(match(index, q, bound).counts.get(0) ?? 0, q).toBe(want);
      }
      // The last characters of one line and the first of the next are not a match.
      const a = lines[3]!;
      const b = lines[4]!;
      const across = [...a].slice(-2).join("") + [...b].slice(0, 2).join("");
      if (!lines.some((l) => l.includes(across))) expect(match(index, across, bound).counts.size).toBe(0);
    });
  }

  it("does not match a word from its pieces: 医共体 is not 医 … 共体", () => {
    for (const bound of [1e9, 0]) {
      const index = indexLines([["推进医共体建设"], ["医疗机构共体检查"], ["共体医"]], bound);
      expect([...match(index, "医共体", bound).counts.keys()]).toEqual([0]);
      expect(match(index, "共体医疗", bound).counts.size).toBe(0);
    }
  });

  it("a term of 3–6 characters made of common pairs is its own key; absent ones find nothing", () => {
    const index = indexLines([["卫生健康工作", "健康卫生"], ["卫生健康", "卫生"]], 3);
    // 卫生 (4) + 健康 (3) > 3: 卫生健康 is a key with its counts and title/region flags.
    expect(decodeCounts(index["卫生健康"]![1] as number[]).counts).toEqual(new Map([[0, 1], [1, 1]]));
    expect(match(index, "卫生健康", 3).heads).toEqual(new Set([0, 1]));
    expect(match(index, "健康卫生", 3).counts).toEqual(new Map([[0, 1]]));
    expect(match(index, "健康卫生工", 3).counts.size).toBe(0);
    expect(match(index, "生健康工", 3).counts).toEqual(new Map([[0, 1]]));
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

describe("the report table and rows", () => {
  const docs = reports.map((r) => ({
    county: r.entry.region?.name ?? null,
    prefecture: r.entry.region?.prefecture ?? null,
    province: r.entry.region?.province ?? null,
    year: r.entry.year,
    periodLabel: r.entry.period === "H1" ? "上半年" : r.entry.period === "FY" ? "全年" : null,
  }));

  it("the filter values round-trip through their compact form", async () => {
    const { compactMeta, expandMeta } = await import("../src/lib/search/shard");
    const c = compactMeta(docs);
    expect(c.strings.length).toBeLessThan(docs.length * 4);
    expect(expandMeta(JSON.parse(JSON.stringify(c)))).toEqual(docs);
  });

  it("a row round-trips with its region, year and period", async () => {
    const { compactRow, expandRow } = await import("../src/lib/search/shard");
    for (const [i, d] of docs.entries()) {
      const row = { id: reports[i]!.entry.id, title: reports[i]!.entry.title, published: reports[i]!.entry.published, ...d };
      expect(expandRow(JSON.parse(JSON.stringify(compactRow(row))))).toEqual(row);
    }
  });

  it("a page built for another index version says to rebuild", async () => {
    const { checkTable, INDEX_VERSION } = await import("../src/lib/search/shard");
    const t = { version: INDEX_VERSION, shardCount: 7, bound: 9, count: docs.length };
    expect(checkTable(t)).toEqual(t);
    expect(() => checkTable({ ...t, version: INDEX_VERSION - 1 })).toThrow(/rebuild/);
  });
});
