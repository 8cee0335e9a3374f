// Builds the full-text search index into dist/search-index/ after `astro build`.
//
//   tsx scripts/search-index.ts [--out dist] [--entries content/reports] [--passes N] [--bound N] [--no-page]
//   tsx scripts/search-index.ts --page-only [--out dist]   (after astro build, when the index was built beside it)
//
// Records come from the content entries (front matter + cleaned body), not from crawling HTML.
// Output (see docs/search.md):
//   table.json       filter values of every report as small integers, in date order (loaded with every query)
//   r/<c>.json       report rows (id, title, date) in chunks of ROWS_PER_CHUNK, for the rows on screen
//   s<k>.json        shard k of the index: entries of characters, pairs and gram keys (src/lib/search/core.ts)
//   f/<name>.json    lists too long to sit in a shard (named by the shard entry that points to them)
//   text/<id>.txt    the searchable text of each report, for excerpts
//   t2s.json         traditional → simplified characters that can matter for this corpus
//   search.js        the search page's script (src/pages/search/_entry.ts), shard count and t2s map compiled in
// Every file also gets a .gz sibling so a static server can send it compressed.
// Memory: the folded texts are held once as code points (4 bytes per character); keys are
// partitioned into passes by shard, and each pass holds only its own keys' lists.
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { parseEntry } from "../src/lib/entry-file";
import { PERIOD_LABEL } from "../src/lib/labels";
import type { ReportEntry } from "../src/lib/schema";
import { searchLines } from "../src/lib/search/text";
import { countsFromPositions, coverOffsets, foldCodes, forEachKey, isSpaceCode, keyOf, GRAM_MAX, GRAM_MIN, type Entry, type ListRef } from "../src/lib/search/core";
import { buildSync } from "esbuild";
import { INDEX_VERSION, ROWS_PER_CHUNK, compactTable, hashKey, rowsFile, shardFile, type CompactRows, type DocMeta } from "../src/lib/search/shard";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const outRoot = resolve(arg("out", process.env.SITE_OUT_DIR || "dist"));
const entriesDir = resolve(arg("entries", process.env.ENTRIES_DIR || "content/reports"));
const outDir = join(outRoot, "search-index");
/**
 * A term of 3–6 characters whose covering pairs have more positions than this in the corpus is a
 * key of its own (a count list); otherwise the page intersects its pairs' positions, at most this
 * many (≈ 1.1 bytes each gzipped).
 */
const BOUND = Number(arg("bound", "20000"));
/**
 * Positions per shard, a rough size target. Halved from 2,500 (2026-11-23): a term of n > 6
 * characters loads the shards of all its n − 1 pairs, and at 1,000 reports that took long common
 * phrases over 150 KB (卫生健康事业发展 152.9 → 136.9 KB, 医疗卫生服务能力 157.8 → 146.0 KB).
 */
const POSITIONS_PER_SHARD = 1250;
/** Lists longer than these go to files of their own instead of sitting in the shard. */
const INLINE_DOCS = 200;
const INLINE_POSITIONS = 600;
/** List numbers held in memory per pass. */
const NUMBERS_PER_PASS = 60_000_000;

/** Writes a file and its .gz sibling; level 6 is 3× faster than 9 and ~2% bigger on these lists and texts. */
function write(path: string, content: string, level = 9): number {
  const buf = Buffer.from(content, "utf8");
  writeFileSync(path, buf);
  const gz = gzipSync(buf, { level });
  writeFileSync(path + ".gz", gz);
  return gz.length;
}

async function buildT2s(corpusChars: Set<string>): Promise<Record<string, string>> {
  const OpenCC = await import("opencc-js/t2cn");
  const converters = (["t", "tw", "hk"] as const).map((from) => OpenCC.Converter({ from, to: "cn" }));
  const map: Record<string, string> = {};
  for (let cp = 0x3400; cp <= 0x9fff; cp++) {
    const ch = String.fromCodePoint(cp);
    for (const convert of converters) {
      const s = convert(ch);
      if (s !== ch && [...s].length === 1 && corpusChars.has(s)) {
        map[ch] = s;
        break;
      }
    }
  }
  return map;
}

/**
 * Writes .gz siblings of the search page and the CSS and JS it loads from Astro, so a static server
 * that serves precompressed files (sirv, nginx gzip_static) sends them compressed. Returns their
 * size together with that of search.js, which write() compressed with the index.
 */
function compressSearchPage(): number {
  const html = join(outRoot, "search", "index.html");
  if (!existsSync(html)) {
    console.warn(`search index: ${html} not found (run astro build first); page assets not compressed`);
    return 0;
  }
  const source = readFileSync(html, "utf8");
  const assets = new Set<string>();
  for (const m of source.matchAll(/(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/g)) assets.add(m[1]!);
  let total = statSync(join(outDir, "search.js.gz")).size;
  for (const file of [html, ...[...assets].map((a) => join(outRoot, a))]) {
    if (!existsSync(file)) continue;
    const gz = gzipSync(readFileSync(file), { level: 9 });
    writeFileSync(file + ".gz", gz);
    total += gz.length;
  }
  return total;
}

interface CountAcc {
  occ: number;
  last: number;
  list: number[];
}
interface PairAcc extends CountAcc {
  /** Where the current report's position count sits in the list. */
  nAt: number;
  prev: number;
}

/** A gram key's list, and where it first occurs (which identifies the key). */
interface GramAcc extends CountAcc {
  doc: number;
  at: number;
  n: number;
}

/** Whether `a` is the gram key of n characters at position i of `cps`. */
function isGram(a: GramAcc, docs: readonly Doc[], cps: Uint32Array, i: number, n: number): boolean {
  if (a.n !== n) return false;
  const first = docs[a.doc]!.cps;
  for (let k = 0; k < n; k++) if (first[a.at + k] !== cps[i + k]) return false;
  return true;
}

/** The accumulator of the gram key of n characters at position i of report `doc`, whose hash is h. */
function gramAcc(grams: Map<number, GramAcc | GramAcc[]>, h: number, docs: readonly Doc[], doc: number, i: number, n: number): GramAcc {
  const slot = grams.get(h);
  const cps = docs[doc]!.cps;
  if (slot !== undefined) {
    if (!Array.isArray(slot)) {
      if (isGram(slot, docs, cps, i, n)) return slot;
    } else for (const a of slot) if (isGram(a, docs, cps, i, n)) return a;
  }
  const a: GramAcc = { occ: 0, last: -1, list: [], doc, at: i, n };
  if (slot === undefined) grams.set(h, a);
  else if (Array.isArray(slot)) slot.push(a);
  else grams.set(h, [slot, a]);
  return a;
}

interface Doc {
  id: string;
  title: string;
  published: string | null;
  meta: DocMeta;
  cps: Uint32Array;
  headEnd: number;
  occAt?: Int32Array;
}

/** Dense numbers for the characters in use (−1 for white space), so pair counts use small-integer keys. */
const UNSEEN = -2;
const idByCode = new Int32Array(0x110000).fill(UNSEEN);
let charCount = 0;
const PAIR_BASE = 1 << 15;
const codeOf: number[] = [];
function charId(cp: number): number {
  let id = idByCode[cp]!;
  if (id === UNSEEN) {
    id = isSpaceCode(cp) ? -1 : charCount++;
    if (id >= PAIR_BASE) throw new Error(`more than ${PAIR_BASE} distinct characters`);
    idByCode[cp] = id;
    codeOf[id < 0 ? PAIR_BASE : id] = cp;
  }
  return id;
}

async function main() {
  const started = Date.now();
  if (!existsSync(entriesDir)) throw new Error(`${entriesDir} does not exist: run the ingest first`);
  const files = readdirSync(entriesDir).filter((f) => f.endsWith(".md")).sort();
  rmSync(outDir, { recursive: true, force: true });
  for (const d of ["text", "r", "f"]) mkdirSync(join(outDir, d), { recursive: true });

  // Pass 0: the report table and rows, the texts, the folded code points, pair occurrences.
  const docs: Doc[] = [];
  const corpusChars = new Set<string>();
  const pairOcc = new Map<number, number>();
  let totalPositions = 0;
  let textBytes = 0;
  for (const file of files) {
    const { data, body } = parseEntry(readFileSync(join(entriesDir, file), "utf8"));
    const entry = data as unknown as ReportEntry;
    const lines = searchLines(entry, body);
    const text = lines.join("\n");
    const cps = foldCodes(text);
    const ids = new Int32Array(cps.length);
    for (let i = 0; i < cps.length; i++) ids[i] = charId(cps[i]!);
    for (let i = 0; i < cps.length; i++) {
      if (ids[i]! < 0) continue;
      totalPositions++;
      if (i + 1 < cps.length && ids[i + 1]! >= 0) {
        const k = ids[i]! * PAIR_BASE + ids[i + 1]!;
        pairOcc.set(k, (pairOcc.get(k) ?? 0) + 1);
      }
    }
    for (const ch of new Set(text)) corpusChars.add(ch.toLowerCase());
    const r = entry.region;
    docs.push({
      id: entry.id,
      title: entry.title,
      published: entry.published,
      meta: { county: r?.name ?? null, prefecture: r?.prefecture ?? null, province: r?.province ?? null, year: entry.year, periodLabel: entry.period ? PERIOD_LABEL[entry.period] : null },
      cps,
      headEnd: [...lines[0]!].length + 1 + [...lines[1]!].length + 1,
    });
    textBytes += write(join(outDir, "text", `${entry.id}.txt`), text, 6);
  }
  // Reports are numbered by date, newest first: the number is the date order.
  docs.sort((a, b) => (b.published ?? "").localeCompare(a.published ?? "") || a.id.localeCompare(b.id));
  let gramOccurrences = 0;
  const cover = Array.from({ length: GRAM_MAX + 1 }, (_, n) => coverOffsets(n));
  for (const d of docs) {
    const { cps } = d;
    const occAt = new Int32Array(cps.length);
    for (let i = 0; i + 1 < cps.length; i++) {
      const a = idByCode[cps[i]!]!;
      const b = idByCode[cps[i + 1]!]!;
      if (a >= 0 && b >= 0) occAt[i] = pairOcc.get(a * PAIR_BASE + b)!;
    }
    d.occAt = occAt;
    // Gram key occurrences, to size the passes.
    for (let i = 0; i < cps.length; i++)
      for (let n = GRAM_MIN; n <= GRAM_MAX && i + n <= cps.length; n++) {
        if (isSpaceCode(cps[i + n - 1]!) || isSpaceCode(cps[i]!)) break;
        let cost = 0;
        for (const o of cover[n]!) cost += occAt[i + o]!;
        if (cost > BOUND) gramOccurrences++;
      }
  }
  const shardCount = Math.max(1, Math.ceil(totalPositions / POSITIONS_PER_SHARD));
  const estimatedNumbers = totalPositions * 4 + gramOccurrences * 2;
  const passes = Math.max(1, Number(arg("passes", String(Math.ceil(estimatedNumbers / NUMBERS_PER_PASS)))));

  // Passes 1…P: the keys of the shards whose number ≡ pass (mod P).
  let indexBytes = 0;
  let largestShard = 0;
  let largestFile = 0;
  let fileCount = 0;
  let gramKeys = 0;
  const usedNames = new Set<string>();
  const fileFor = (key: string, kind: string, list: number[]): string => {
    let name = `f/${hashKey(key).toString(36)}${kind}`;
    for (let k = 2; usedNames.has(name); k++) name = `f/${hashKey(key).toString(36)}${kind}${k}`;
    usedNames.add(name);
    const bytes = write(join(outDir, `${name}.json`), JSON.stringify(list), 6);
    indexBytes += bytes;
    largestFile = Math.max(largestFile, bytes);
    fileCount++;
    return `${name}.json`;
  };
  for (let pass = 0; pass < passes; pass++) {
    // Lists grow in place as the reports are read in order: a count list's last entry or a
    // positional list's last report is extended while the same report goes on.
    const chars = new Map<number, CountAcc>();
    // Gram keys by their hash (computed anyway to pick the pass), not by a string built per
    // occurrence; keys that share a hash are told apart by their first occurrence's characters.
    const grams = new Map<number, GramAcc | GramAcc[]>();
    const pairs = new Map<number, PairAcc>();
    const include = (h: number) => (h % shardCount) % passes === pass;
    for (let doc = 0; doc < docs.length; doc++) {
      const { cps, headEnd, occAt } = docs[doc]!;
      forEachKey(cps, occAt!, BOUND, include, (i, n, h) => {
        if (n === 2) {
          const k = idByCode[cps[i]!]! * PAIR_BASE + idByCode[cps[i + 1]!]!;
          let a = pairs.get(k);
          if (!a) pairs.set(k, (a = { occ: 0, last: -1, nAt: 0, prev: 0, list: [] }));
          const list = a.list;
          if (a.last !== doc) {
            list.push(doc - a.last - 1, 0, 0);
            a.nAt = list.length - 2;
            a.prev = 0;
            a.last = doc;
          }
          a.occ++;
          list[a.nAt] = list[a.nAt]! + 1;
          if (i < headEnd) list[a.nAt + 1] = list[a.nAt + 1]! + 1;
          list.push(i - a.prev);
          a.prev = i;
          return;
        }
        let a: CountAcc;
        if (n === 1) {
          let c = chars.get(cps[i]!);
          if (!c) chars.set(cps[i]!, (c = { occ: 0, last: -1, list: [] }));
          a = c;
        } else a = gramAcc(grams, h, docs, doc, i, n);
        const head = i < headEnd ? 1 : 0;
        const list = a.list;
        if (a.last !== doc) {
          list.push((doc - a.last - 1) * 2 + head, 1);
          a.last = doc;
        } else {
          list[list.length - 1] = list[list.length - 1]! + 1;
          list[list.length - 2] = list[list.length - 2]! | head;
        }
        a.occ++;
      });
    }
    const shards = new Map<number, Record<string, Entry>>();
    const shardFor = (k: string) => {
      const s = hashKey(k) % shardCount;
      let sh = shards.get(s);
      if (!sh) shards.set(s, (sh = Object.create(null) as Record<string, Entry>));
      return sh;
    };
    const addCounts = (k: string, a: CountAcc) => {
      const ref: ListRef = a.list.length / 2 <= INLINE_DOCS ? a.list : fileFor(k, "c", a.list);
      shardFor(k)[k] = [a.occ, ref, 0];
    };
    for (const [cp, a] of chars) addCounts(String.fromCodePoint(cp), a);
    chars.clear();
    for (const slot of grams.values())
      for (const a of Array.isArray(slot) ? slot : [slot]) {
        gramKeys++;
        addCounts(keyOf(docs[a.doc]!.cps, a.at, a.n), a);
      }
    grams.clear();
    for (const [code, a] of pairs) {
      const k = String.fromCodePoint(codeOf[Math.floor(code / PAIR_BASE)]!, codeOf[code % PAIR_BASE]!);
      if (a.occ <= INLINE_POSITIONS) shardFor(k)[k] = [a.occ, 0, a.list];
      else {
        // A common pair: its count list (for a two-character query) and its positions (for
        // longer terms) are files of their own, so fetching its shard stays cheap.
        const c = countsFromPositions(a.list);
        shardFor(k)[k] = [a.occ, c.length / 2 <= INLINE_DOCS ? c : fileFor(k, "c", c), fileFor(k, "p", a.list)];
      }
    }
    pairs.clear();
    for (let s = pass; s < shardCount; s += passes) {
      const bytes = write(join(outDir, shardFile(s)), JSON.stringify(shards.get(s) ?? {}));
      indexBytes += bytes;
      largestShard = Math.max(largestShard, bytes);
    }
  }

  const table = compactTable({ version: INDEX_VERSION, shardCount, bound: BOUND, docs: docs.map((d) => d.meta) });
  const tableBytes = write(join(outDir, "table.json"), JSON.stringify(table));
  let rowBytes = 0;
  for (let c = 0; c * ROWS_PER_CHUNK < docs.length; c++) {
    const rows: CompactRows = docs.slice(c * ROWS_PER_CHUNK, (c + 1) * ROWS_PER_CHUNK).map((d) => [d.id, d.title, d.published]);
    rowBytes += write(join(outDir, rowsFile(c * ROWS_PER_CHUNK)), JSON.stringify(rows));
  }
  const t2s = await buildT2s(corpusChars);
  const t2sBytes = write(join(outDir, "t2s.json"), JSON.stringify(t2s));

  // The search page's script, with this index's shard count and t2s map compiled in.
  write(join(outDir, "search.js"), searchScript(shardCount, t2s));
  // Built beside `astro build` (scripts/build.ts), the page does not exist yet: `--page-only` finishes it afterwards.
  const pageBytes = process.argv.includes("--no-page") ? 0 : compressSearchPage();
  console.log(
    `search index: ${docs.length} reports, ${totalPositions} characters, ${gramKeys} gram keys (bound ${BOUND}), ${shardCount} shards + ${fileCount} list files in ${passes} pass(es); ` +
      `gzipped: index ${(indexBytes / 1024).toFixed(1)} KB (largest shard ${(largestShard / 1024).toFixed(1)} KB, largest list file ${(largestFile / 1024).toFixed(1)} KB), ` +
      `table ${(tableBytes / 1024).toFixed(1)} KB, rows ${(rowBytes / 1024).toFixed(1)} KB, texts ${(textBytes / 1024).toFixed(1)} KB, t2s ${(t2sBytes / 1024).toFixed(1)} KB (${Object.keys(t2s).length} characters), ` +
      `search page with its CSS and JS ${(pageBytes / 1024).toFixed(1)} KB; ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * src/pages/search/_entry.ts bundled for this index. Not left to Astro: Astro's page scripts are
 * deferred modules, which start only after the page is parsed and laid out; this one is a classic
 * async script that starts a shared link's query as soon as it arrives.
 */
function searchScript(shardCount: number, t2s: Record<string, string>): string {
  const { outputFiles } = buildSync({
    entryPoints: [resolve(import.meta.dirname, "../src/pages/search/_entry.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    charset: "utf8",
    write: false,
    define: { SHARD_COUNT: String(shardCount), T2S: JSON.stringify(t2s) },
  });
  return outputFiles[0]!.text;
}

/**
 * `--page-only`: the index (with search.js, which carries the shard count) was built beside
 * `astro build` and moved into the site; compress the page that Astro wrote meanwhile.
 */
function finishPage(): void {
  const bytes = compressSearchPage();
  console.log(`search page: page with its CSS and JS ${(bytes / 1024).toFixed(1)} KB gzipped`);
}

(process.argv.includes("--page-only") ? Promise.resolve().then(finishPage) : main()).catch((e) => {
  console.error(e);
  process.exit(1);
});
