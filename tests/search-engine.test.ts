// The search engine on the real index built by scripts/search-index.ts from the seed entries,
// compared with a plain substring search of the same report texts. The index is built twice: with
// the default bound (on five reports every term of 3–6 characters is answered from its pairs'
// positions) and with a tiny bound, so that terms made of common pairs are keys of their own; that
// one in three passes, as a large corpus is built (each pass builds a third of the shards), with
// its long lists spread over many small pack files.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { execFileSync } from "node:child_process";
import { runInNewContext } from "node:vm";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { FILTER_KEYS, SearchEngine, facetValuesShown, filterValue, type TopHits } from "../src/lib/search/engine";
import { parseEntry, serialiseEntry } from "../src/lib/entry-file";
import { searchLines } from "../src/lib/search/text";
import { referenceSearch, randomSubstring, seededRandom, type ReferenceDoc } from "../src/lib/search/reference";
import type { ReportEntry } from "../src/lib/schema";
import { chooseLists, coverOffsets, decodeCounts, packedRefsOf, parseQuery, planTerm, shardKeysOf, type Entry, type Shard } from "../src/lib/search/core";
import { filterKeyOf, parseListRef, shardFile, shardOf } from "../src/lib/search/shard";

// The entries of the test build (tests/support/build-site.ts), or the repo's own after `npm run ingest`.
const ENTRIES = process.env.SITE_ENTRIES || "content/reports";
const docs: ReferenceDoc[] = readdirSync(ENTRIES)
  .filter((f) => f.endsWith(".md"))
  .map((f) => {
    const { data, body } = parseEntry(readFileSync(join(ENTRIES, f), "utf8"));
    return { id: (data as ReportEntry).id, lines: searchLines(data as unknown as ReportEntry, body) };
  });

// The second index also keeps only very short lists in its shards (2 reports, 20 positions) and
// puts the others in packs of at most 4 KB, so queries read their lists from several packs.
for (const [bound, passes, packBytes] of [[null, 1, null], [40, 3, 4096]] as const) describe(`the search index with ${bound === null ? "the default bound" : `bound ${bound}`} in ${passes} pass(es)${packBytes ? `, packs of ${packBytes} bytes` : ""}`, () => {
let engine: SearchEngine;
let t2s: Record<string, string>;
let dir: string;
let shardCount: number;

function readText(path: string): string {
  return gunzipSync(readFileSync(join(dir, path + ".gz"))).toString("utf8");
}
/** A list from its pack member (a shard entry's "<pack>:<offset>:<length>"). */
function loadList(ref: string): number[] {
  const { file, offset, length } = parseListRef(ref);
  return JSON.parse(gunzipSync(readFileSync(join(dir, file)).subarray(offset, offset + length)).toString("utf8"));
}
function readJson(path: string): unknown {
  return JSON.parse(readText(path));
}

async function idOf(doc: number): Promise<string> {
  return (await engine.row(doc)).id;
}

async function ids(q: string, filters = {}): Promise<Map<string, number>> {
  const res = await engine.search(q, filters);
  return new Map(await Promise.all(res.hits.map(async (h) => [await idOf(h.doc), h.occurrences] as [string, number])));
}

/** A key's entry, read from its shard file (each file parsed once). */
const shardFiles = new Map<string, Shard>();
function shardEntry(k: string): Entry | undefined {
  const file = shardFile(shardOf(k, shardCount));
  let shard = shardFiles.get(file);
  if (!shard) shardFiles.set(file, (shard = readJson(file) as Shard));
  return shard[k];
}

/** The engine's results for q are the reference's: the same reports, each with the same count. */
async function expectExact(q: string): Promise<Map<string, number>> {
  const want = referenceSearch(docs, q, t2s);
  const got = await ids(q);
  expect([...got.keys()].sort(), q).toEqual([...want.keys()].sort());
  for (const [id, n] of want) expect(got.get(id), `${q} in ${id}`).toBe(n);
  return want;
}

beforeAll(async () => {
  const out = mkdtempSync(join(tmpdir(), "search-index-"));
  // Index the same entries afresh with the real script (not the build's copy, so this file also
  // runs alone after `npm run ingest`).
  execFileSync("npx", ["tsx", "scripts/search-index.ts", "--out", out, "--entries", ENTRIES, ...(bound === null ? [] : ["--bound", String(bound)]), "--passes", String(passes), ...(packBytes === null ? [] : ["--pack-bytes", String(packBytes), "--inline-docs", "2", "--inline-positions", "20"])], { stdio: "pipe" });
  dir = join(out, "search-index");
  // Read the gzipped copies: what a server sends is what the engine must understand.
  engine = new SearchEngine({ fetchJson: async (p) => readJson(p), fetchText: async (p) => readText(p), fetchBytes: async (p, offset, length) => readFileSync(join(dir, p)).subarray(offset, offset + length) });
  t2s = JSON.parse(readFileSync(join(dir, "t2s.json"), "utf8"));
  shardCount = (await engine.load()).shardCount;
}, 120_000);

describe("exact substring semantics on the seed reports", () => {
  it("indexes every report", async () => {
    expect((await engine.load()).count).toBe(docs.length);
    expect((await engine.meta()).length).toBe(docs.length);
    expect(docs.length).toBeGreaterThanOrEqual(5);
    const listed = await Promise.all(docs.map((_, i) => idOf(i)));
    expect(listed.sort()).toEqual(docs.map((d) => d.id).sort());
  });

  it("keeps the lists too long for their shard as gzip members that tile the pack files", () => {
    const members = new Map<string, { offset: number; length: number }[]>();
    for (const f of readdirSync(dir).filter((f) => /^s[0-9a-z]+\.json$/.test(f)))
      for (const [, counts, positions] of Object.values(readJson(f) as Shard))
        for (const ref of [counts, positions])
          if (typeof ref === "string") {
            const { file, offset, length } = parseListRef(ref);
            (members.get(file) ?? members.set(file, []).get(file)!).push({ offset, length });
          }
    expect(members.size).toBe(readdirSync(join(dir, "f")).length);
    for (const [file, list] of members) {
      const bytes = readFileSync(join(dir, file));
      list.sort((a, b) => a.offset - b.offset);
      // Back to back from offset 0 to the end of the file, each one list.
      let at = 0;
      for (const m of list) {
        expect(m.offset, file).toBe(at);
        expect(Array.isArray(JSON.parse(gunzipSync(bytes.subarray(m.offset, m.offset + m.length)).toString("utf8")))).toBe(true);
        at += m.length;
      }
      expect(at, file).toBe(bytes.length);
      if (packBytes !== null) expect(list.length === 1 || bytes.length <= packBytes, file).toBe(true);
    }
    if (packBytes !== null) expect(members.size).toBeGreaterThan(3);
  });

  it("finds exactly the reports containing 600 random 1–6 character substrings, with exact counts", async () => {
    const rand = seededRandom(20260505);
    const texts = docs.map((d) => d.lines);
    let partial = 0;
    for (let i = 0; i < 600; i++) {
      const q = randomSubstring(texts, rand, 1, 6);
      const want = await expectExact(q);
      if (want.size > 0 && want.size < docs.length) partial++;
    }
    // The set must discriminate: many queries are in some reports but not all.
    expect(partial).toBeGreaterThan(100);
  });

  it("finds exactly the reports containing 200 random 7–16 character substrings, reading the cheapest covering pairs", async () => {
    const { bound } = await engine.load();
    const rand = seededRandom(716);
    const texts = docs.map((d) => d.lines);
    let cheaper = 0;
    for (let i = 0; i < 200; i++) {
      const q = randomSubstring(texts, rand, 7, 16);
      await expectExact(q);
      // The pairs read cost no more than the fixed cover's, and often less.
      const plan = planTerm(q);
      const cps = plan.cps;
      const choice = chooseLists(plan, shardEntry, bound);
      // A long term that is a key of its own (a phrase) is answered from its count list.
      expect(choice.kind, q).toBe(shardEntry(plan.phrase!) ? "counts" : "positions");
      if (choice.kind !== "positions") continue;
      const cost = (offsets: readonly number[]) => offsets.reduce((a, o) => a + shardEntry(cps[o]! + cps[o + 1]!)![0], 0);
      const chosen = cost(choice.runs[0]!.pairs);
      const fixed = cost(coverOffsets(cps.length));
      expect(chosen, q).toBeLessThanOrEqual(fixed);
      if (chosen < fixed) cheaper++;
    }
    expect(cheaper).toBeGreaterThan(20);
  });

  it("answers a long term that the builder made a key of its own (a phrase) from its count list, exactly", async () => {
    const { bound } = await engine.load();
    const phrases = readdirSync(dir)
      .filter((f) => /^s[0-9a-z]+\.json$/.test(f))
      .flatMap((f) => Object.keys(readJson(f) as Shard))
      // (Filter keys hold line breaks, which no text key does.)
      .filter((k) => [...k].length > 6 && !k.includes("\n"));
    // The default bound makes no long term of the five seeds costly to read; bound 40 makes some phrases.
    if (bound >= 1000) {
      expect(phrases).toEqual([]);
      return;
    }
    expect(phrases.length).toBeGreaterThan(0);
    for (const q of phrases) {
      const plan = planTerm(q);
      expect(plan.keys, q).toContain(q);
      expect(chooseLists(plan, shardEntry, bound), q).toEqual({ kind: "counts", list: shardEntry(q)![1] });
      expect((await expectExact(q)).size, q).toBeGreaterThanOrEqual(2);
    }
  });

  it("gives the first rows of a common long phrase before reading its pairs' lists, exactly as the whole answer ranks them", async () => {
    const { bound } = await engine.load();
    const table = await engine.meta();
    const rand = seededRandom(4242);
    const texts = docs.map((d) => d.lines);
    let costly = 0;
    let withTops = 0;
    for (let i = 0; i < 150; i++) {
      const long = randomSubstring(texts, rand, 7, 16);
      // Also with a second term, sorted by date, or filtered to the province of a report.
      const q = i % 4 === 3 ? `${long} ${randomSubstring(texts, rand, 1, 3)}` : long;
      const sort = i % 4 === 1 ? "date" : "relevance";
      const filters = i % 4 === 2 ? { province: [table[i % table.length]!.province ?? "不详"] } : {};
      const plan = planTerm(long);
      const choice = chooseLists(plan, shardEntry, bound);
      const isCostly = choice.kind === "positions" && choice.cost > bound;
      if (isCostly) costly++;
      // A cold engine that notes which list members it has read when the first rows arrive.
      const read: string[] = [];
      const cold = new SearchEngine({
        fetchJson: async (p) => readJson(p),
        fetchText: async (p) => readText(p),
        fetchBytes: async (p, offset, length) => {
          read.push(`${p}:${offset}:${length}`);
          return readFileSync(join(dir, p)).subarray(offset, offset + length);
        },
      });
      const tops: TopHits[] = [];
      let readAtFirstTop: string[] | null = null;
      const topRows = 1 + (i % 4);
      const outcome = await cold.search(q, filters, sort, (top) => {
        readAtFirstTop ??= [...read];
        tops.push(top);
      }, topRows);
      // Early rows only for a costly term (and not when its bounds are too loose to settle a row within a few texts).
      if (!isCostly || outcome.hits.length === 0) expect(tops, q).toEqual([]);
      if (tops.length) withTops++;
      let before = 0;
      for (const top of tops) {
        expect(top.hits.length, q).toBeGreaterThan(before);
        expect(top.hits.length, q).toBeLessThanOrEqual(topRows);
        expect(top.hits, q).toEqual(outcome.hits.slice(0, top.hits.length));
        before = top.hits.length;
      }
      if (!readAtFirstTop) continue;
      // The lists of the cheapest cover that live in packs were not read before the first rows,
      // unless a window (at most `bound` positions) or the other term reads the same list.
      const member = (ref: string) => {
        const { file, offset, length } = parseListRef(ref);
        return `${file}:${offset}:${length}`;
      };
      const others = [...plan.windows, ...parseQuery(q).terms.slice(1)].flatMap((t) => packedRefsOf(chooseLists(planTerm(t), shardEntry, bound)));
      const coverMembers = packedRefsOf(choice).filter((ref) => !others.includes(ref)).map(member);
      for (const m of coverMembers) expect(readAtFirstTop, q).not.toContain(m);
      expect(coverMembers.some((m) => read.includes(m)) || coverMembers.length === 0, q).toBe(true);
    }
    // The default bound makes no term of the five seeds costly; bound 40 makes many.
    if (bound < 1000) expect(withTops).toBeGreaterThan(30);
    else expect(costly).toBe(0);
  });

  it("answers every term of 3–6 characters from one count list or at most `bound` positions", async () => {
    const { bound } = await engine.load();
    const rand = seededRandom(31);
    const kinds = new Map<string, number>();
    for (let i = 0; i < 300; i++) {
      const plan = planTerm(randomSubstring(docs.map((d) => d.lines), rand, 3, 6));
      expect(plan.gram).not.toBeNull();
      const choice = chooseLists(plan, shardEntry, bound);
      const kind = choice.kind === "counts" ? (shardEntry(plan.gram!) ? "gram" : "other") : choice.kind;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
      if (choice.kind === "positions") {
        const cps = plan.runs[0]!.cps;
        const cost = coverOffsets(cps.length).reduce((a, o) => a + shardEntry(cps[o]! + cps[o + 1]!)![0], 0);
        expect(cost).toBeLessThanOrEqual(bound);
      }
    }
    // Substrings of the text always occur: never "none".
    expect(kinds.get("none")).toBeUndefined();
    if (bound < 1000) expect(kinds.get("gram")).toBeGreaterThan(50);
    else expect(kinds.get("positions")).toBe(300);
  });

  it("the pieces of a word are not the word (precision where word-splitting search fails)", async () => {
    for (const q of ["接种率", "托育", "两癌", "医共体", "卫生院", "江海区", "海安", "卫健委"]) {
      expect([...(await ids(q)).keys()].sort(), q).toEqual([...referenceSearch(docs, q).keys()].sort());
    }
    // 医共体 is in some reports, and its pieces 医 and 共体 are in more.
    expect((await ids("医共体")).size).toBeLessThan((await ids("共体")).size + (await ids("医")).size);
  });

  it("all terms must occur for space-separated terms", async () => {
    const rand = seededRandom(7);
    const texts = docs.map((d) => d.lines);
    for (let i = 0; i < 150; i++) {
      const q = `${randomSubstring(texts, rand, 2, 4)} ${randomSubstring(texts, rand, 2, 4)}`;
      expect([...(await ids(q)).keys()].sort(), q).toEqual([...referenceSearch(docs, q, t2s).keys()].sort());
    }
  });

  it("a quoted phrase with a space is that exact phrase", async () => {
    // 阳山县's report letter-spaces its letterhead: 阳 山 县 卫 生 健 康 局.
    const spaced = await ids('"阳 山 县"');
    expect([...spaced.keys()]).toEqual(["441823-2020-FY"]);
    expect([...(await ids('"山 县 卫"')).keys()]).toEqual(["441823-2020-FY"]);
    expect((await ids('"阳 县"')).size).toBe(0);
    // Unquoted, the same characters are three terms, each anywhere.
    expect((await ids("阳 山 县")).size).toBeGreaterThanOrEqual(spaced.size);
  });

  it("text found nowhere gives no results", async () => {
    for (const q of ["核酸检测阳性率", "卫生健康局局长办公室", "区块链", "火星", "健康卫生", "核酸 区块链"]) {
      expect(referenceSearch(docs, q).size, q).toBe(0);
      expect((await ids(q)).size, q).toBe(0);
    }
  });

  it("searches traditional characters in simplified and says so", async () => {
    const res = await engine.search("核酸檢測");
    expect(res.simplified).toEqual(["核酸检测"]);
    expect(res.hits.length).toBe(referenceSearch(docs, "核酸检测").size);
    expect(res.hits.length).toBeGreaterThan(0);
    expect((await engine.search("核酸检测")).simplified).toBeNull();
  });

  it("finds region names and titles, and ranks those reports first", async () => {
    const { count } = await engine.load();
    for (let doc = 0; doc < count; doc++) {
      const row = await engine.row(doc);
      const first = (await engine.search(row.title)).hits[0]!;
      expect(await idOf(first.doc)).toBe(row.id);
      expect(first.headMatch).toBe(true);
    }
    // 江苏省 appears only in the region line of 海安市's report.
    const res = await engine.search("江苏省");
    expect(await Promise.all(res.hits.map((h) => idOf(h.doc)))).toContain("320685-2021-H1");
    expect(res.hits[0]!.headMatch).toBe(true);
  });

  it("knows a title or region match from the index exactly as the text says", async () => {
    const rand = seededRandom(99);
    const heads = docs.map((d) => d.lines.slice(0, 2));
    for (let i = 0; i < 200; i++) {
      // Substrings of the title/region lines, and of the body (which may or may not be in a head too).
      const q = randomSubstring(i % 2 ? heads : docs.map((d) => d.lines), rand, 1, 8);
      const res = await engine.search(q);
      for (const h of res.hits) {
        const id = await idOf(h.doc);
        const lines = docs.find((d) => d.id === id)!.lines;
        const inHead = referenceSearch([{ id, lines: lines.slice(0, 2) }], q, t2s).size > 0;
        expect(h.headMatch, `${q} in ${id}`).toBe(inHead);
      }
    }
  });

  it("ranks by occurrences after title and region matches", async () => {
    const res = await engine.search("核酸");
    const body = res.hits.filter((h) => !h.headMatch).map((h) => h.occurrences);
    expect(body).toEqual([...body].sort((a, b) => b - a));
    expect(body.length).toBeGreaterThan(1);
  });

  it("sorts by publication date, newest first, when asked", async () => {
    const res = await engine.search("卫生", {}, "date");
    const dates = await Promise.all(res.hits.map(async (h) => (await engine.row(h.doc)).published ?? ""));
    const known = dates.filter(Boolean);
    expect(known.length).toBeGreaterThan(2);
    expect(known).toEqual([...known].sort().reverse());
    // Reports without a date come last.
    expect(dates.slice(0, known.length)).toEqual(known);
  });

  it("filters narrow the results and facets count them", async () => {
    const all = await engine.search("卫生");
    expect(all.hits.length).toBe(docs.length);
    const facets = await all.facets();
    const guangdong = facets.province.find(([v]) => v === "广东省");
    expect(guangdong?.[1]).toBe(2);
    const narrowed = await engine.search("卫生", { province: ["广东省"] });
    expect(narrowed.hits.length).toBe(2);
    // A row carries its own region, year and period: the same as the filter values.
    const meta = await engine.meta();
    for (const h of narrowed.hits) {
      const { id, title, published, ...rowMeta } = await engine.row(h.doc);
      expect(rowMeta, id).toEqual(meta[h.doc]);
      expect(rowMeta.province).toBe("广东省");
    }
    const years = await engine.search("卫生", { year: ["2022"] });
    expect(years.hits.length).toBe(facets.year.find(([v]) => v === "2022")![1]);
    // Counts for the other groups follow the filter; the filtered group keeps its own counts.
    // Each filter value is a key of the index: its count list is the reports with that value.
    for (const group of FILTER_KEYS)
      for (const value of new Set(meta.map((m) => filterValue(m, group)))) {
        const entry = shardEntry(filterKeyOf(group, value))!;
        const list = typeof entry[1] === "string" ? loadList(entry[1]) : (entry[1] as number[]);
        const want = meta.flatMap((m, doc) => (filterValue(m, group) === value ? [doc] : []));
        expect([...decodeCounts(list).counts.keys()], `${group} ${value}`).toEqual(want);
      }
    // A filtered query reads those lists, not every report's values; an unknown value finds nothing.
    const read: string[] = [];
    const cold = new SearchEngine({ fetchJson: async (p) => (read.push(p), readJson(p)), fetchText: async (p) => readText(p), fetchBytes: async (p, offset, length) => readFileSync(join(dir, p)).subarray(offset, offset + length) });
    expect((await cold.search("卫生", { province: ["广东省"], year: ["2022", "2020"] })).hits.map((h) => h.doc)).toEqual(
      all.hits.filter((h) => meta[h.doc]!.province === "广东省" && ["2022", "2020"].includes(String(meta[h.doc]!.year))).map((h) => h.doc),
    );
    expect(read).not.toContain("meta.json");
    expect((await cold.search("卫生", { province: ["火星"] })).hits).toEqual([]);
    const narrowedFacets = await narrowed.facets();
    expect(narrowedFacets.province).toEqual(facets.province);
    expect(narrowedFacets.year.reduce((s, [, n]) => s + n, 0)).toBe(2);
  });

  /** Runs dist/search-index/search.js as the page does for /search/?q=…, while the DOM is still loading. */
  function runSearchScript(q: string): { fetched: string[]; ready: () => boolean } {
    const fetched: string[] = [];
    let onReady: (() => void) | null = null;
    const window: Record<string, unknown> = {
      document: {
        currentScript: { src: "http://site.test/search-index/search.js" },
        readyState: "loading",
        addEventListener: (type: string, f: () => void) => type === "DOMContentLoaded" && (onReady = f),
      },
      location: { search: `?q=${encodeURIComponent(q)}` },
      performance: { mark: () => undefined },
      URL,
      URLSearchParams,
      Response,
      Blob,
      DecompressionStream,
      fetch: async (url: string, init?: { headers?: Record<string, string> }) => {
        const path = url.replace("http://site.test/search-index/", "");
        fetched.push(path);
        // A list in a pack: the byte range asked for, as a server answers it (206).
        const range = /^bytes=(\d+)-(\d+)$/.exec(init?.headers?.Range ?? "");
        if (range) {
          const bytes = readFileSync(join(dir, path)).subarray(Number(range[1]), Number(range[2]) + 1);
          return { ok: true, status: 206, arrayBuffer: async () => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) };
        }
        return { ok: true, status: 200, json: async () => readJson(path), text: async () => readText(path) };
      },
    };
    window.window = window;
    runInNewContext(readFileSync(join(dir, "search.js"), "utf8"), window);
    return { fetched, ready: () => onReady !== null };
  }

  it("search.js, the page's script bundled with the index, starts a shared link's query before the page is ready", async () => {
    const { shardCount } = await engine.load();
    for (const q of ["家庭医生签约", "核酸 检测", "卫生", '"阳 山 县"']) {
      const { fetched, ready } = runSearchScript(q);
      // The shards of the query's keys (shard count compiled in) are asked for at once, with the table.
      const keys = parseQuery(q).terms.flatMap(shardKeysOf);
      const shards = [...new Set(keys.map((k) => shardFile(shardOf(k, shardCount))))];
      expect([...fetched].sort(), q).toEqual(["table.json", ...shards].sort());
      // The search runs on to the first result's row chunk while the DOM is still loading.
      await vi.waitFor(() => expect(fetched.some((p) => p.startsWith("r/")), q).toBe(true));
      expect(ready(), q).toBe(true);
      // The reports' filter values are not needed for the first row of a query without filters.
      expect(fetched, q).not.toContain("meta.json");
    }
  });

  it("search.js carries the traditional → simplified map: a traditional query loads the simplified terms' shards without t2s.json", async () => {
    const { shardCount } = await engine.load();
    const { fetched } = runSearchScript("醫共體");
    const simplifiedShards = planTerm("医共体").keys.map((k) => shardFile(shardOf(k, shardCount)));
    await vi.waitFor(() => expect(fetched).toEqual(expect.arrayContaining(simplifiedShards)));
    expect(fetched).not.toContain("t2s.json");
  });

  it("a filter group shows its largest values and every selected one until expanded", async () => {
    const facets = await (await engine.search("卫生")).facets();
    // The seeds' five counties, ranked by count; with a limit of 2 only the first two show …
    expect(facetValuesShown(facets.county, new Set(), 2)).toEqual(facets.county.slice(0, 2));
    // … plus a selected value further down, in its rank position.
    const last = facets.county.at(-1)!;
    expect(facetValuesShown(facets.county, new Set([last[0]]), 2)).toEqual([...facets.county.slice(0, 2), last]);
    expect(facetValuesShown(facets.county, new Set())).toEqual(facets.county);
  });
});
});

// Reports written for the first-rows rule: a long phrase whose windows occur far more often than
// the phrase itself in some reports, so the report with the best bound is not the best match.
const W1 = "甲乙丙丁戊己";
const W2 = "庚辛壬癸子丑";
const PHRASE = W1 + W2;
const APART = `${W1}。${W2}。\n`;

/**
 * An engine on an index (bound 2: the phrase is costly) of reports with these bodies, and the
 * report ids by number. Without phrase keys unless asked: the phrase would be one (it is common and
 * its windows are loose), and most of these tests are about the rows before its pairs are read.
 */
async function craftedIndex(bodies: Record<string, string>, phrases = false): Promise<{ engine: SearchEngine; ids: string[]; read: string[] }> {
  const seed = parseEntry(readFileSync(join(ENTRIES, readdirSync(ENTRIES).find((f) => f.endsWith(".md"))!), "utf8"));
  const entries = mkdtempSync(join(tmpdir(), "first-rows-entries-"));
  for (const [name, body] of Object.entries(bodies)) {
    const e = { ...(seed.data as unknown as ReportEntry), id: `first-rows-${name}`, title: `测试报告 ${name}` };
    writeFileSync(join(entries, `${e.id}.md`), serialiseEntry(e, body));
  }
  const out = mkdtempSync(join(tmpdir(), "first-rows-index-"));
  execFileSync("npx", ["tsx", "scripts/search-index.ts", "--out", out, "--entries", entries, "--bound", "2", "--no-page", ...(phrases ? [] : ["--no-phrases"])], { stdio: "pipe" });
  const dir = join(out, "search-index");
  const text = (p: string) => gunzipSync(readFileSync(join(dir, p + ".gz"))).toString("utf8");
  // Every file the engine reads, in order.
  const read: string[] = [];
  const engine = new SearchEngine({
    fetchJson: async (p) => (read.push(p), JSON.parse(text(p))),
    fetchText: async (p) => (read.push(p), text(p)),
    fetchBytes: async (p, offset, length) => (read.push(p), readFileSync(join(dir, p)).subarray(offset, offset + length)),
  });
  const { count } = await engine.load();
  const ids = await Promise.all(Array.from({ length: count }, async (_, i) => (await engine.row(i)).id));
  read.length = 0;
  return { engine, ids, read };
}

describe("the first rows of a long phrase when its windows' counts are loose bounds", () => {
  let engine: SearchEngine;
  let ids: string[];
  beforeAll(async () => {
    ({ engine, ids } = await craftedIndex({
      loose: APART.repeat(4) + `${PHRASE}。\n`,
      tight: `${PHRASE}，${PHRASE}，${PHRASE}。\n`,
      windowsOnly: APART.repeat(6),
      twice: `${PHRASE}。${PHRASE}。\n`,
    }));
  }, 120_000);

  it("verifies past the report with the best bound before it shows a row", async () => {
    const tops: string[][] = [];
    const outcome = await engine.search(PHRASE, {}, "relevance", (top) => tops.push(top.hits.map((h) => ids[h.doc]!)), 3);
    const ranked = outcome.hits.map((h) => [ids[h.doc], h.occurrences]);
    expect(ranked).toEqual([["first-rows-tight", 3], ["first-rows-twice", 2], ["first-rows-loose", 1]]);
    // "loose" has the best bound (4 + 1 windows each), but it is shown only after the two reports that beat it.
    expect(tops.length).toBeGreaterThan(0);
    expect(tops[0]![0]).toBe("first-rows-tight");
    // (Later rows may not come before the whole answer does: it is read as soon as the first row is known.)
    for (const top of tops) expect(top).toEqual(ranked.slice(0, top.length).map(([id]) => id));
  });

  it("a report holding the windows but never the phrase is no row", async () => {
    const tops: string[][] = [];
    const outcome = await engine.search(PHRASE, {}, "date", (top) => tops.push(top.hits.map((h) => ids[h.doc]!)), 20);
    const ranked = outcome.hits.map((h) => ids[h.doc]);
    expect(ranked).not.toContain("first-rows-windowsOnly");
    expect(ranked).toHaveLength(3);
    expect(tops.length).toBeGreaterThan(0);
    for (const top of tops) expect(top).toEqual(ranked.slice(0, top.length));
  });
});

describe("a common long phrase whose windows are loose bounds, as the builder indexes it by default", () => {
  it("is a key of its own: its count list answers it exactly, without its pairs' positions or any report text", async () => {
    const bodies = { loose: APART.repeat(4) + `${PHRASE}。\n`, tight: `${PHRASE}，${PHRASE}，${PHRASE}。\n`, windowsOnly: APART.repeat(6), twice: `${PHRASE}。${PHRASE}。\n` };
    const { engine, ids, read } = await craftedIndex(bodies, true);
    const tops: TopHits[] = [];
    const outcome = await engine.search(PHRASE, {}, "relevance", (top) => tops.push(top), 3);
    expect(outcome.hits.map((h) => [ids[h.doc], h.occurrences])).toEqual([["first-rows-tight", 3], ["first-rows-twice", 2], ["first-rows-loose", 1]]);
    // Not costly any more, so no early rows; and nothing read but shards (the lists are inline at this size).
    expect(tops).toEqual([]);
    expect(read.filter((p) => !/^s[0-9a-z]+\.json$/.test(p) && p !== "t2s.json")).toEqual([]);
    // Without phrase keys the same query reads the texts of reports it must verify.
    const without = await craftedIndex(bodies);
    await without.engine.search(PHRASE, {}, "relevance", () => {}, 3);
    expect(without.read.some((p) => p.startsWith("text/"))).toBe(true);
  }, 120_000);
});

describe("the first rows of a long phrase when too many reports' bounds are loose", () => {
  it("gives up the early rows after a few texts, and the whole answer is still exact", async () => {
    // Five reports with the best bound (6) and none of the phrase: the first row would need six texts.
    const { engine, ids } = await craftedIndex({ a: APART.repeat(6), b: APART.repeat(6), c: APART.repeat(6), d: APART.repeat(6), e: APART.repeat(6), once: `${PHRASE}。\n` });
    const tops: TopHits[] = [];
    const outcome = await engine.search(PHRASE, {}, "relevance", (top) => tops.push(top), 20);
    expect(tops).toEqual([]);
    expect(outcome.hits.map((h) => [ids[h.doc], h.occurrences])).toEqual([["first-rows-once", 1]]);
  }, 120_000);
});
