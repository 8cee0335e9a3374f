// Measures the search in headless Chromium against the built site served on loopback.
//
//   npm run build && npm run eval:search [-- --dist dist --substrings 500 --seed 1 --no-write]
//
// Query sets (seeded, reproducible): random 1–6 and 7–12 character substrings of the source reports,
// absent strings (built from corpus characters, checked to occur nowhere), multi-term queries and
// traditional-character queries. Each query's result list is read from the page and compared with
// a plain substring search of every report's text as its page shows it (src/lib/search/reference.ts).
// Prints precision, recall, absent-query false positives, occurrence-count agreement, bytes
// downloaded and time to first result (cold: fresh browser context, warm: next query on the same
// page), and writes the figures into docs/search.md between the eval markers.
import { readFileSync, readdirSync, existsSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { cpus, loadavg, totalmem } from "node:os";
import type { Page } from "playwright-core";
import { serveDir } from "../tests/support/serve";
import { launchBrowser } from "../tests/support/browser";
import { parseEntry } from "../src/lib/entry-file";
import { searchLines } from "../src/lib/search/text";
import { referenceSearch, randomSubstring, seededRandom, type ReferenceDoc } from "../src/lib/search/reference";
import type { ReportEntry } from "../src/lib/schema";
import { ROWS_PER_CHUNK } from "../src/lib/search/shard";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}
const dist = resolve(arg("dist", "dist"));
const entriesDir = resolve(arg("entries", "content/reports"));
const sourcesDir = resolve(arg("sources", process.env.REPORTS_DIR || "content/sources"));
const SUBSTRINGS = Number(arg("substrings", "500"));
const ABSENT = Number(arg("absent", "150"));
const MULTI = Number(arg("multi", "150"));
const LONG = Number(arg("long", "100"));
const COLD = Number(arg("cold", "15"));
const seed = Number(arg("seed", "20260505"));
const write = !process.argv.includes("--no-write");
/** Which block of docs/search.md receives the figures: <!-- NAME:start --> … <!-- NAME:end -->. */
const block = arg("block", "eval");

interface Outcome {
  ids: string[];
  counts: Map<string, number>;
  ms: number;
  excerptMs: number;
}

async function waitDone(page: Page, q: string): Promise<void> {
  await page.waitForFunction(
    (query) => {
      const status = document.getElementById("search-status")!;
      const list = document.getElementById("search-results")!;
      if (list.dataset.query !== query) return false;
      const state = status.dataset.state;
      if (state === "error") throw new Error(status.textContent ?? "error");
      return state === "empty" || state === "filtered-empty" || (state === "done" && list.dataset.complete !== undefined);
    },
    q,
    { timeout: 30_000, polling: 5 },
  );
}

/** Report number → id, from the index's row chunks (the page names all matches by number). */
let idOf: string[] = [];

async function readResults(page: Page): Promise<{ ids: string[]; counts: [string, number][]; firstMs: number; excerptMs: number; startMs: number }> {
  const r = await page.evaluate(() => {
    const list = document.getElementById("search-results")!;
    const items = [...list.querySelectorAll<HTMLElement>("li")];
    return {
      // All matches in rank order (the page lists the first 20 and the rest on demand).
      all: (list.dataset.docs ?? "").split(" ").filter(Boolean).map(Number),
      shown: items.map((li) => li.dataset.id!),
      counts: items.map((li) => [li.dataset.id!, Number(li.dataset.occurrences)] as [string, number]),
      firstMs: performance.getEntriesByName("search-first-result")[0]?.startTime ?? NaN,
      excerptMs: performance.getEntriesByName("search-first-excerpt")[0]?.startTime ?? NaN,
      startMs: performance.getEntriesByName("search-start")[0]?.startTime ?? NaN,
    };
  });
  const ids = r.all.map((n) => idOf[n]!);
  if (r.shown.some((id, i) => ids[i] !== id)) throw new Error("rows on the page differ from the result list");
  return { ids, counts: r.counts, firstMs: r.firstMs, excerptMs: r.excerptMs, startMs: r.startMs };
}

async function runWarm(page: Page, q: string): Promise<Outcome> {
  await page.evaluate((query) => {
    const input = document.getElementById("q") as HTMLInputElement;
    input.value = query;
    (document.getElementById("search-form") as HTMLFormElement).requestSubmit();
  }, q);
  await waitDone(page, q);
  const hasRows = await page.evaluate(() => document.querySelectorAll("#search-results li").length > 0);
  if (hasRows) await page.waitForFunction(() => performance.getEntriesByName("search-first-excerpt").length > 0, undefined, { timeout: 30_000 });
  const r = await readResults(page);
  return { ids: r.ids, counts: new Map(r.counts), ms: r.firstMs - r.startMs, excerptMs: r.excerptMs - r.startMs };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2 : NaN;
}
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

async function main() {
  if (!existsSync(join(dist, "search-index", "table.json"))) throw new Error(`${dist}/search-index is missing: run \`npm run build\` first`);
  idOf = readdirSync(join(dist, "search-index", "r"))
    .filter((f) => f.endsWith(".json"))
    .flatMap((f) => (JSON.parse(readFileSync(join(dist, "search-index", "r", f), "utf8")) as [string][]).map(([id], i) => [parseInt(f, 36) * ROWS_PER_CHUNK + i, id] as const))
    .reduce<string[]>((a, [n, id]) => ((a[n] = id), a), []);
  const docs: ReferenceDoc[] = readdirSync(entriesDir)
    .filter((f) => f.endsWith(".md"))
    .map((f) => {
      const { data, body } = parseEntry(readFileSync(join(entriesDir, f), "utf8"));
      return { id: (data as ReportEntry).id, lines: searchLines(data as unknown as ReportEntry, body) };
    });
  const t2s = JSON.parse(readFileSync(join(dist, "search-index", "t2s.json"), "utf8")) as Record<string, string>;
  // Queries are drawn from the raw source files (the corpus), line by line.
  const sources = readdirSync(sourcesDir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(sourcesDir, f), "utf8").replace(/^\uFEFF/, "").split(/\r?\n/).filter((l) => l.trim()));
  const rand = seededRandom(seed);
  const corpusChars = [...new Set(docs.flatMap((d) => [...d.lines.join("")]).filter((c) => /\p{Script=Han}/u.test(c)))];

  const sets: Record<string, string[]> = { substring: [], long: [], absent: [], multi: [], traditional: [] };
  const seen = new Set<string>();
  const add = (set: string, q: string) => {
    if (seen.has(q)) return false;
    seen.add(q);
    sets[set]!.push(q);
    return true;
  };
  while (sets.substring!.length < SUBSTRINGS) add("substring", randomSubstring(sources, rand, 1, 6));
  for (const q of ["区块链", "核酸检测阳性率", "卫生健康局局长办公室", "火星基地", "量子计算", "健康卫生", "人工智能大模型", "海安县", "江海市"])
    if (referenceSearch(docs, q, t2s).size === 0) add("absent", q);
  while (sets.absent!.length < ABSENT) {
    const len = 2 + Math.floor(rand() * 4);
    const q = Array.from({ length: len }, () => corpusChars[Math.floor(rand() * corpusChars.length)]).join("");
    if (referenceSearch(docs, q, t2s).size === 0) add("absent", q);
  }
  while (sets.multi!.length < MULTI) {
    const k = 2 + Math.floor(rand() * 2);
    const texts = rand() < 0.5 ? [sources[Math.floor(rand() * sources.length)]!] : sources;
    add("multi", Array.from({ length: k }, () => randomSubstring(texts, rand, 2, 4)).join(" "));
  }
  for (const q of ["核酸檢測", "醫共體", "家庭醫生簽約", "衛生健康局", "嚴重精神障礙", "疫苗接種", "醫療衛生 服務"]) add("traditional", q);
  // Drawn last, so the sets above stay what they were before this one existed.
  while (sets.long!.length < LONG) add("long", randomSubstring(sources, rand, 7, 12));

  const served = await serveDir(dist);
  const browser = await launchBrowser();
  const started = Date.now();
  try {
    // Cold: a fresh context (empty cache) per query, opened from a shared link /search/?q=….
    // Long phrases too: their first and last pairs are read whatever the cover (docs/search.md).
    const longCold = ["基本公共卫生服务项目", "家庭医生签约服务"].filter((q) => referenceSearch(docs, q, t2s).size > 0);
    const coldQueries = [...sets.substring!.filter((q) => [...q].length >= 2).slice(0, COLD - 3 - longCold.length), "核酸检测", "家庭医生签约", "严重精神障碍", ...longCold];
    const cold: { q: string; bytes: number; beforeFirst: number; fromNav: number; fromQuery: number; pageReady: number; excerptFromNav: number; files: Map<string, number> }[] = [];
    for (const q of coldQueries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const before = new Map(served.bytes);
      const url = `/search/?q=${encodeURIComponent(q)}`;
      await page.goto(served.url + url);
      await waitDone(page, q);
      // The first screen: rows, and excerpts for the rows on or near the screen.
      await page.waitForFunction(() => performance.getEntriesByName("search-first-excerpt").length > 0, undefined, { timeout: 30_000 });
      await page.waitForLoadState("networkidle");
      const r = await page.evaluate(() => {
        const first = performance.getEntriesByName("search-first-result")[0]?.startTime ?? NaN;
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
        // Bytes on the wire (compressed) of everything that had arrived when the first result showed.
        const beforeFirst = nav.transferSize + resources.filter((e) => e.responseEnd <= first).reduce((a, e) => a + e.transferSize, 0);
        return {
          firstMs: first,
          excerptMs: performance.getEntriesByName("search-first-excerpt")[0]?.startTime ?? NaN,
          startMs: performance.getEntriesByName("search-start")[0]?.startTime ?? NaN,
          beforeFirst,
        };
      });
      const files = new Map<string, number>();
      for (const [path, n] of served.bytes) {
        const d = n - (before.get(path) ?? 0);
        if (d > 0) files.set(path, d);
      }
      cold.push({
        q,
        bytes: [...files.values()].reduce((a, b) => a + b, 0),
        beforeFirst: r.beforeFirst,
        fromNav: r.firstMs,
        fromQuery: r.firstMs - r.startMs,
        pageReady: r.startMs,
        excerptFromNav: r.excerptMs,
        files,
      });
      await context.close();
      console.log(`cold ${q}: ${kb(r.beforeFirst)} before the first result (${ms(r.firstMs)} from navigation), ${kb(cold.at(-1)!.bytes)} to network idle`);
    }
    // The same machine at the same moment: a static page without any script, cold.
    const baseline: number[] = [];
    for (let i = 0; i < 5; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${served.url}/`);
      baseline.push(await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventStart));
      await context.close();
    }

    // Accuracy and warm timings: every query on one page, one after another.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${served.url}/search/`);
    const perSet: Record<string, { tp: number; fp: number; fn: number; queries: number; exact: number; withResults: number; countMismatch: number; failures: string[] }> = {};
    const warm: number[] = [];
    const warmExcerpt: number[] = [];
    for (const [set, queries] of Object.entries(sets)) {
      const s = (perSet[set] = { tp: 0, fp: 0, fn: 0, queries: 0, exact: 0, withResults: 0, countMismatch: 0, failures: [] as string[] });
      for (const q of queries) {
        const bytesBefore = [...served.bytes.values()].reduce((a, b) => a + b, 0);
        const got = await runWarm(page, q);
        void bytesBefore;
        warm.push(got.ms);
        if (got.ids.length) warmExcerpt.push(got.excerptMs);
        const want = referenceSearch(docs, q, t2s);
        const gotSet = new Set(got.ids);
        let tp = 0;
        for (const id of gotSet) if (want.has(id)) tp++;
        s.tp += tp;
        s.fp += gotSet.size - tp;
        s.fn += want.size - tp;
        s.queries++;
        if (gotSet.size > 0) s.withResults++;
        const exact = tp === want.size && tp === gotSet.size;
        if (exact) s.exact++;
        else if (s.failures.length < 10) s.failures.push(`${q}: got [${[...gotSet].join(",")}] want [${[...want.keys()].join(",")}]`);
        for (const [id, n] of want) if (got.counts.has(id) && got.counts.get(id) !== n) s.countMismatch++;
      }
    }
    const totals = Object.values(perSet).reduce((a, s) => ({ tp: a.tp + s.tp, fp: a.fp + s.fp, fn: a.fn + s.fn }), { tp: 0, fp: 0, fn: 0 });
    const prec = (s: { tp: number; fp: number }) => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
    const rec = (s: { tp: number; fn: number }) => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));
    const coldBytes = cold.map((c) => c.bytes);
    const heaviest = cold.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    const breakdown = [...heaviest.files].sort((a, b) => b[1] - a[1]).map(([p, n]) => `${decodeURI(p.split("?")[0]!)} ${kb(n)}`);

    const lines: string[] = [];
    lines.push(`Measured ${new Date().toISOString().slice(0, 10)} by \`npm run eval:search\` (seed ${seed}) on ${docs.length} reports, ${cpus().length} CPU cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; headless Chromium (${browser.version()}) against the built site served on 127.0.0.1 with precompressed (gzip) files.`);
    lines.push("");
    lines.push("| query set | queries | with results | exact result sets | precision | recall | count mismatches |");
    lines.push("|---|---:|---:|---:|---:|---:|---:|");
    for (const [set, s] of Object.entries(perSet))
      lines.push(`| ${set} | ${s.queries} | ${s.withResults} | ${s.exact} | ${prec(s).toFixed(4)} | ${rec(s).toFixed(4)} | ${s.countMismatch} |`);
    lines.push(`| **all** | ${Object.values(perSet).reduce((a, s) => a + s.queries, 0)} | | | **${prec(totals).toFixed(4)}** | **${rec(totals).toFixed(4)}** | |`);
    lines.push("");
    lines.push(`- Absent-text queries returning any result (false positives): **${perSet.absent!.withResults} of ${perSet.absent!.queries}**.`);
    lines.push(
      `- Cold query (fresh browser context, shared link \`/search/?q=…\`, ${cold.length} queries): bytes on the wire before the first result median **${kb(median(cold.map((c) => c.beforeFirst)))}**, max **${kb(Math.max(...cold.map((c) => c.beforeFirst)))}** (page HTML, CSS and JS included); ` +
        `until the first screen of results has its excerpts (network idle) median ${kb(median(coldBytes))}, max ${kb(Math.max(...coldBytes))}.`,
    );
    lines.push(
      `- Cold time to the first result (title, region, period, link) from navigation start median **${ms(median(cold.map((c) => c.fromNav)))}**, max ${ms(Math.max(...cold.map((c) => c.fromNav)))}; ` +
        `of which the page itself (HTML, CSS, script start) median ${ms(median(cold.map((c) => c.pageReady)))}, and the query (index files, matching, first row) median ${ms(median(cold.map((c) => c.fromQuery)))}, max ${ms(Math.max(...cold.map((c) => c.fromQuery)))}; ` +
        `first excerpt from navigation start median ${ms(median(cold.map((c) => c.excerptFromNav)))}. For comparison, a cold load of the home page (no script) took median ${ms(median(baseline))} to its load event on the same machine in the same run.`,
    );
    lines.push(`- Heaviest cold query “${heaviest.q}” (${kb(heaviest.bytes)}): ${breakdown.join(", ")}.`);
    const heaviestFirst = cold.reduce((a, b) => (b.beforeFirst > a.beforeFirst ? b : a));
    lines.push(`- Most bytes before the first result: “${heaviestFirst.q}” (${kb(heaviestFirst.beforeFirst)}); per cold query: ${cold.map((c) => `${c.q} ${kb(c.beforeFirst)}`).join(", ")}.`);
    lines.push(`- Warm query (next query on the same page, ${warm.length} queries): time to first result median **${ms(median(warm))}**, p95 ${ms(pct(warm, 95))}, max ${ms(Math.max(...warm))}; to the first excerpt median ${ms(median(warmExcerpt))}, p95 ${ms(pct(warmExcerpt, 95))}.`);
    const failures = Object.entries(perSet).flatMap(([set, s]) => s.failures.map((f) => `${set}: ${f}`));
    if (failures.length) lines.push(`- Mismatches (first ones): ${failures.join("; ")}`);
    lines.push(`- Machine load average during the run: ${loadavg().map((x) => x.toFixed(1)).join(", ")} (1, 5, 15 min; other builds share the 2 cores).`);
    lines.push(`- Evaluation wall time ${((Date.now() - started) / 1000).toFixed(0)} s.`);
    const report = lines.join("\n");
    console.log(report);

    const bars = [
      ["precision 1.0", prec(totals) === 1],
      ["recall 1.0", rec(totals) === 1],
      ["0 results for absent text", perSet.absent!.withResults === 0],
      ["cold ≤ 150 KB before the first result", Math.max(...cold.map((c) => c.beforeFirst)) <= 150 * 1024],
      ["cold ≤ 300 ms to the first result (median)", median(cold.map((c) => c.fromNav)) <= 300],
    ] as const;
    console.log("\nBars: " + bars.map(([name, ok]) => `${ok ? "PASS" : "FAIL"} ${name}`).join(" · "));

    if (write) {
      const path = resolve("docs/search.md");
      const start = `<!-- ${block}:start -->`;
      const end = `<!-- ${block}:end -->`;
      const doc = existsSync(path) ? readFileSync(path, "utf8") : `# Search\n\n${start}\n${end}\n`;
      const a = doc.indexOf(start);
      const b = doc.indexOf(end);
      if (a < 0 || b < a) throw new Error(`docs/search.md has no ${start} … ${end} block`);
      writeFileSync(path, `${doc.slice(0, a + start.length)}\n${report}\n\nBars: ${bars.map(([name, ok]) => `${ok ? "PASS" : "FAIL"} ${name}`).join(" · ")}\n${doc.slice(b)}`);
      console.log(`\nwrote the figures to ${path}`);
    }
    if (bars.some(([, ok]) => !ok)) process.exitCode = 1;
  } finally {
    await browser.close();
    await served.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
