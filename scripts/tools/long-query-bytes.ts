// What a cold query for a long term reads from a built index, in Node: the gzipped bytes of the
// shards, lists and texts the engine asks for before its first result row, and in all. table.json
// and search.js (the same for every query) are counted apart; the page's HTML and CSS are not.
//   tsx scripts/tools/long-query-bytes.ts DIST [--count 200] [--min 7] [--max 12] [--seed 1] [--filter group=value]... [QUERY...]
// Random terms are substrings of the index's own texts (text/<id>.txt), so each occurs somewhere.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { SearchEngine, type FilterKey, type Filters } from "../../src/lib/search/engine";
import { randomSubstring, seededRandom } from "../../src/lib/search/reference";

const args = process.argv.slice(2);
const opt = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : fallback;
};
const count = opt("count", 200);
const min = opt("min", 7);
const max = opt("max", 12);
const seed = opt("seed", 1);
// Filters for every query, e.g. --filter province=广东省 --filter year=2022.
const filters: Filters = {};
for (let i = args.indexOf("--filter"); i >= 0; i = args.indexOf("--filter")) {
  const [group, value] = args.splice(i, 2)[1]!.split("=") as [FilterKey, string];
  (filters[group] ??= []).push(value);
}
const [dist, ...given] = args;
if (!dist) throw new Error("usage: long-query-bytes.ts DIST [--count N] [--min 7] [--max 12] [--seed 1] [QUERY...]");
const dir = join(dist, "search-index");

function engineCounting(): { engine: SearchEngine; read: () => number } {
  let bytes = 0;
  const gz = (p: string) => {
    bytes += statSync(join(dir, p + ".gz")).size;
    return readFileSync(join(dir, p), "utf8");
  };
  const engine = new SearchEngine({
    fetchJson: async (p) => JSON.parse(gz(p)),
    fetchText: async (p) => gz(p),
    fetchBytes: async (p, offset, length) => {
      bytes += length;
      return readFileSync(join(dir, p)).subarray(offset, offset + length);
    },
  });
  return { engine, read: () => bytes };
}

const queries = [...given];
if (queries.length < count && given.length === 0) {
  const texts = readdirSync(join(dir, "text"))
    .filter((f) => f.endsWith(".txt"))
    .slice(0, 2000)
    .map((f) => readFileSync(join(dir, "text", f), "utf8").split("\n"));
  const rand = seededRandom(seed);
  while (queries.length < count) queries.push(randomSubstring(texts, rand, min, max));
}

// What every query reads whatever its terms: the index's table and the page's script.
const fixed = statSync(join(dir, "table.json.gz")).size + statSync(join(dir, "search.js.gz")).size;
const rows: { q: string; first: number | null; all: number; hits: number }[] = [];
for (const q of queries) {
  const { engine, read } = engineCounting();
  await engine.load();
  const base = read();
  let first: number | null = null;
  const outcome = await engine.search(q, filters, "relevance", () => (first ??= read() - base));
  const all = read() - base;
  rows.push({ q, first, all, hits: outcome.hits.length });
}
const kb = (n: number) => (n / 1024).toFixed(1);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const pct = (xs: number[], p: number) => sorted(xs)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const early = rows.filter((r) => r.first !== null);
const beforeFirst = rows.map((r) => r.first ?? r.all);
if (given.length) for (const r of rows) console.log(`${r.q}: ${r.hits} reports; ${r.first === null ? "no early rows" : `${kb(r.first)} KB before the first row`}, ${kb(r.all)} KB in all`);
console.log(
  `${rows.length} queries of ${min}–${max} characters: ${early.length} with early rows. ` +
    `KB read before the first row (early rows, or the whole answer): median ${kb(pct(beforeFirst, 0.5))}, p90 ${kb(pct(beforeFirst, 0.9))}, max ${kb(Math.max(...beforeFirst))}; ` +
    `for the whole answer: median ${kb(pct(rows.map((r) => r.all), 0.5))}, p90 ${kb(pct(rows.map((r) => r.all), 0.9))}, max ${kb(Math.max(...rows.map((r) => r.all)))}; ` +
    `over 150 KB before the first row with table.json and search.js (${kb(fixed)} KB): ${beforeFirst.filter((b) => b + fixed > 150 * 1024).length} (whole answers: ${rows.filter((r) => r.all + fixed > 150 * 1024).length}).`,
);
const heaviest = [...rows].sort((a, b) => (b.first ?? b.all) - (a.first ?? a.all)).slice(0, 3);
console.log(`Most bytes before the first row: ${heaviest.map((r) => `${r.q} (${r.hits} reports, ${kb(r.first ?? r.all)} KB${r.first === null ? ", no early rows" : ""})`).join("; ")}.`);
