// Builds the full-text search index into dist/search-index/ after `astro build`.
//
//   tsx scripts/search-index.ts [--out dist] [--entries content/reports] [--passes N] [--bound N] [--no-page] [--no-phrases]
//                                [--pack-bytes N] [--inline-docs N] [--inline-positions N]   (tests: small packs, lists out of shards)
//   tsx scripts/search-index.ts --page-only [--out dist]   (after astro build, when the index was built beside it)
//
// Records come from the content entries (front matter + cleaned body), not from crawling HTML.
// Output (see docs/search.md):
//   table.json       index version, shard count, bound and number of reports (loaded with every query)
//   meta.json        filter values of every report as small integers, in date order (for filters and facets)
//   r/<c>.json       report rows (id, title, date, region, year, period) in chunks of ROWS_PER_CHUNK, for the rows on screen
//   s<k>.json        shard k of the index: entries of characters, pairs, gram and phrase keys (src/lib/search/core.ts),
//                    and of filter values (the reports with each province, prefecture, county, year, period)
//   f/<n>.bin        lists too long to sit in a shard, each a gzip member, read by HTTP Range (shard.ts)
//   text/<id>.txt    the searchable text of each report, for excerpts
//   t2s.json         traditional → simplified characters that can matter for this corpus
//   search.js        the search page's script (src/pages/search/_entry.ts), shard count and t2s map compiled in
// and finishes the search page (scripts/search-page.ts): an inline head script that preloads a
// shared link's shards (src/pages/search/_preload.ts), the page's policy updated for it.
// Every file but the packs also gets a .gz sibling so a static server can send it compressed.
// Memory: the folded texts are held once as code points, with each position's pair number (8 bytes
// per character). Lists are gathered in typed arrays (pair positions by a counting sort, gram keys
// in scripts/search-grams.ts); a corpus too big for one go is built in passes, each pass the
// shards whose number ≡ pass (mod passes), holding only their keys' lists.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzip, gzipSync } from "node:zlib";
import { promisify } from "node:util";
import { parseEntry } from "../src/lib/entry-file";
import { PERIOD_LABEL } from "../src/lib/labels";
import type { ReportEntry } from "../src/lib/schema";
import { searchLines } from "../src/lib/search/text";
import { appendCount, appendPositions, foldCodes, headEndOf, isSpaceCode, type CountList, type Entry, type ListRef, type PosList, type Shard } from "../src/lib/search/core";
import { collectGramKeys, findLoosePhrases, gramCountList, gramKeyText, PhraseSet, type GramText } from "./search-grams";
import { finishSearchPage, searchScript } from "./search-page";
import { FILTER_KEYS, INDEX_VERSION, ROWS_PER_CHUNK, compactMeta, filterKeyOf, filterValue, compactRow, listRef, packFile, rowsFile, shardFile, shardOf, shardOfHash, type CompactRows, type DocMeta, type SearchTable } from "../src/lib/search/shard";

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
/** Lists longer than these go to the packs instead of sitting in the shard (tests set them small). */
const INLINE_DOCS = Number(arg("inline-docs", "200"));
const INLINE_POSITIONS = Number(arg("inline-positions", "600"));
/** Bytes of pair positions held in memory per pass. */
const PAIR_BYTES_PER_PASS = 600_000_000;
/**
 * Bytes of gram key counts held in memory per pass, estimated at GRAM_BYTES_PER_POSITION per
 * position of the corpus: at 10,000 reports gram keys occur 2.6 times per position, 0.8 of the
 * occurrences are a new (key, report) count, and each count takes 16–24 bytes while it is sorted by key.
 */
const GRAM_BYTES_PER_PASS = 3_000_000_000;
const GRAM_BYTES_PER_POSITION = 40;

/**
 * gzip levels. Measured on the 1,000-report index (gzip CPU of all files of a kind, level → size):
 * shards 9 → 6: 1.71 → 0.91 s, +0.4 %; list files 6 → 5: 1.76 → 1.24 s, +1.3 %; texts 6 → 5:
 * 0.36 → 0.34 s, +0.05 %. The few small files (table, rows, t2s, search.js) keep 9.
 */
const GZIP_SHARD = 6;
const GZIP_LIST = 5;
const GZIP_TEXT = 5;
const GZIP_SMALL = 9;
const gzipAsync = promisify(gzip);

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

/** A report: its row and filter values, and its folded text with each position's pair number. */
interface Doc extends GramText {
  id: string;
  title: string;
  published: string | null;
  meta: DocMeta;
}

/** Dense numbers for the characters in use (−1 for white space), so pairs get small-integer codes. */
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

/** The pairs of adjacent characters in the corpus, numbered in order of first sight. */
export interface Pairs {
  numberOf: Map<number, number>;
  /** Character ids of pair p: code[p] = id₁ · PAIR_BASE + id₂. */
  code: number[];
  /** Positions of pair p in the corpus. */
  occ: number[];
}

/** Numbers the pairs of one report into `pairs`, counting them; returns each position's pair number. */
export function numberPairs(cps: Uint32Array, pairs: Pairs): Int32Array {
  const pairAt = new Int32Array(cps.length).fill(-1);
  let prev = -1;
  for (let i = 0; i < cps.length; i++) {
    const id = charId(cps[i]!);
    if (id >= 0 && prev >= 0) {
      const code = prev * PAIR_BASE + id;
      let p = pairs.numberOf.get(code);
      if (p === undefined) {
        p = pairs.code.length;
        pairs.numberOf.set(code, p);
        pairs.code.push(code);
        pairs.occ.push(0);
      }
      pairs.occ[p]!++;
      pairAt[i - 1] = p;
    }
    prev = id;
  }
  return pairAt;
}

/**
 * The positions list of one pair (core.ts PosList) from its positions in report order, and its
 * count list when `withCounts` (a common pair's, stored beside it for two-character queries).
 */
function pairLists(docs: readonly Doc[], atDoc: Int32Array, atPos: Int32Array, from: number, to: number, withCounts: boolean): { positions: PosList; counts: CountList } {
  const positions: PosList = [];
  const counts: CountList = [];
  let last = -1;
  for (let k = from; k < to; ) {
    const doc = atDoc[k]!;
    let end = k;
    while (end < to && atDoc[end] === doc) end++;
    const headEnd = docs[doc]!.headEnd;
    appendPositions(positions, last, doc, atPos, headEnd, k, end);
    if (withCounts) appendCount(counts, last, doc, end - k, atPos[k]! < headEnd ? 1 : 0);
    last = doc;
    k = end;
  }
  return { positions, counts };
}

/** Key numbers grouped by shard: shard s holds keys[start[s]…start[s+1]). */
function byShard(shardOfKey: Int32Array, shardCount: number): { start: Int32Array; keys: Int32Array } {
  const start = new Int32Array(shardCount + 1);
  for (const s of shardOfKey) start[s + 1] = start[s + 1]! + 1;
  for (let s = 0; s < shardCount; s++) start[s + 1] = start[s + 1]! + start[s]!;
  const next = start.slice(0, shardCount);
  const keys = new Int32Array(shardOfKey.length);
  for (let k = 0; k < shardOfKey.length; k++) keys[next[shardOfKey[k]!]!++] = k;
  return { start, keys };
}

/**
 * Writes each file and its .gz sibling. Compression runs on libuv's thread pool while the index
 * goes on being built; files are created one at a time (on this machine's disk, creating files
 * from several threads at once cost several times more system time than one after another).
 */
class Output {
  private readonly inFlight = new Set<Promise<void>>();
  async write(path: string, content: string, level: number, gzipped: (bytes: number) => void): Promise<void> {
    const buf = Buffer.from(content, "utf8");
    writeFileSync(path, buf);
    const job: Promise<void> = gzipAsync(buf, { level }).then((gz) => {
      writeFileSync(path + ".gz", gz);
      gzipped(gz.length);
    });
    const tracked = job.finally(() => this.inFlight.delete(tracked));
    this.inFlight.add(tracked);
    if (this.inFlight.size >= 16) await Promise.race(this.inFlight);
  }
  async drain(): Promise<void> {
    await Promise.all(this.inFlight);
  }
}

/** Bytes per pack file: under the 25 MiB per-file limit of some static hosts (tests set it small). */
const PACK_BYTES = Number(arg("pack-bytes", String(16 * 2 ** 20)));

/**
 * Lists too long for their shard, each gzipped on its own (level GZIP_LIST) and appended to pack
 * files f/<n>.bin (shard.ts: the entry holds "<pack>:<offset>:<length>"). Compressed here, on the
 * main thread, because the reference needs the member's length before its shard is written.
 */
class ListPacks {
  private fd = -1;
  private pack = -1;
  private size = 0;
  count = 0;
  lists = 0;
  bytes = 0;
  largest = 0;
  constructor(private readonly outDir: string) {}
  add(list: number[]): string {
    const gz = gzipSync(Buffer.from(JSON.stringify(list), "utf8"), { level: GZIP_LIST });
    if (this.fd < 0 || (this.size > 0 && this.size + gz.length > PACK_BYTES)) this.next();
    for (let at = 0; at < gz.length; ) at += writeSync(this.fd, gz, at, gz.length - at);
    const ref = listRef(this.pack, this.size, gz.length);
    this.size += gz.length;
    this.lists++;
    this.bytes += gz.length;
    this.largest = Math.max(this.largest, gz.length);
    return ref;
  }
  private next(): void {
    this.close();
    this.fd = openSync(join(this.outDir, packFile(++this.pack)), "w");
    this.size = 0;
    this.count++;
  }
  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

async function main() {
  const started = Date.now();
  if (!existsSync(entriesDir)) throw new Error(`${entriesDir} does not exist: run the ingest first`);
  const files = readdirSync(entriesDir).filter((f) => f.endsWith(".md")).sort();
  rmSync(outDir, { recursive: true, force: true });
  for (const d of ["text", "r", "f"]) mkdirSync(join(outDir, d), { recursive: true });
  const output = new Output();

  // Read every entry once: the report table and rows, the texts, the folded code points, the pairs.
  const docs: Doc[] = [];
  const corpusChars = new Set<string>();
  const pairs: Pairs = { numberOf: new Map(), code: [], occ: [] };
  let totalPositions = 0;
  let textBytes = 0;
  for (const file of files) {
    const { data, body } = parseEntry(readFileSync(join(entriesDir, file), "utf8"));
    const entry = data as unknown as ReportEntry;
    const lines = searchLines(entry, body);
    const text = lines.join("\n");
    const cps = foldCodes(text);
    const pairAt = numberPairs(cps, pairs);
    for (let i = 0; i < cps.length; i++) if (idByCode[cps[i]!]! >= 0) totalPositions++;
    for (const ch of new Set(text)) corpusChars.add(ch.toLowerCase());
    const r = entry.region;
    docs.push({
      id: entry.id,
      title: entry.title,
      published: entry.published,
      meta: { county: r?.name ?? null, prefecture: r?.prefecture ?? null, province: r?.province ?? null, year: entry.year, periodLabel: entry.period ? PERIOD_LABEL[entry.period] : null },
      cps,
      headEnd: headEndOf(lines),
      pairAt,
    });
    await output.write(join(outDir, "text", `${entry.id}.txt`), text, GZIP_TEXT, (n) => (textBytes += n));
  }
  // Reports are numbered by date, newest first: the number is the date order.
  docs.sort((a, b) => (b.published ?? "").localeCompare(a.published ?? "") || a.id.localeCompare(b.id));
  const occ = pairs.occ;
  const shardCount = Math.max(1, Math.ceil(totalPositions / POSITIONS_PER_SHARD));
  // A pass holds the positions of its pairs (two 4-byte numbers each) and its gram keys' counts.
  const pairPositions = occ.reduce((a, b) => a + b, 0);
  const neededPasses = Math.max(Math.ceil((pairPositions * 8) / PAIR_BYTES_PER_PASS), Math.ceil((totalPositions * GRAM_BYTES_PER_POSITION) / GRAM_BYTES_PER_PASS));
  const passes = Math.max(1, Number(arg("passes", String(neededPasses))));
  const charKey = (id: number) => String.fromCodePoint(codeOf[id]!);
  const pairKey = (p: number) => String.fromCodePoint(codeOf[Math.floor(pairs.code[p]! / PAIR_BASE)]!, codeOf[pairs.code[p]! % PAIR_BASE]!);
  const charsIn = byShard(Int32Array.from({ length: charCount }, (_, id) => shardOf(charKey(id), shardCount)), shardCount);
  const pairsIn = byShard(Int32Array.from({ length: pairs.code.length }, (_, p) => shardOf(pairKey(p), shardCount)), shardCount);
  // Long terms that get keys of their own (--no-phrases: none, for tests of the engine without them).
  const loose = process.argv.includes("--no-phrases") ? { phrases: new PhraseSet(), terms: [], sampled: 0 } : findLoosePhrases(docs, occ, BOUND);
  let gramKeys = 0;
  let gramOccurrences = 0;
  let gramCounts = 0;

  let indexBytes = 0;
  let largestShard = 0;
  const packs = new ListPacks(outDir);
  // A count list of at most INLINE_DOCS reports sits in its shard; a longer one goes to the packs.
  const countRef = (list: CountList): ListRef => (list.length / 2 <= INLINE_DOCS ? list : packs.add(list));
  const countEntry = (occurrences: number, list: CountList): Entry => [occurrences, countRef(list), 0];

  // Filter values as keys: each value's reports, so a filtered query reads those instead of meta.json.
  const filterLists = new Map<string, CountList>();
  const filterLast = new Map<string, number>();
  docs.forEach((d, doc) => {
    for (const group of FILTER_KEYS) {
      const k = filterKeyOf(group, filterValue(d.meta, group));
      let list = filterLists.get(k);
      if (!list) filterLists.set(k, (list = []));
      appendCount(list, filterLast.get(k) ?? -1, doc, 1, 0);
      filterLast.set(k, doc);
    }
  });
  const filterKeysIn = new Map<number, string[]>();
  for (const k of filterLists.keys()) {
    const s = shardOf(k, shardCount);
    (filterKeysIn.get(s) ?? filterKeysIn.set(s, []).get(s)!).push(k);
  }

  // Pass k builds the shards whose number ≡ k (mod passes): it gathers the positions of their
  // pairs (a counting sort by pair number, reading the reports in order) and their characters'
  // counts, then writes the shards one by one.
  const pairStart = new Int32Array(pairs.code.length);
  const charCounts = new Int32Array(charCount);
  const charHead = new Uint8Array(charCount);
  for (let pass = 0; pass < passes; pass++) {
    const charInPass = new Uint8Array(charCount);
    const pairInPass = new Uint8Array(pairs.code.length);
    let slots = 0;
    for (let s = pass; s < shardCount; s += passes) {
      for (let j = charsIn.start[s]!; j < charsIn.start[s + 1]!; j++) charInPass[charsIn.keys[j]!] = 1;
      for (let j = pairsIn.start[s]!; j < pairsIn.start[s + 1]!; j++) {
        const p = pairsIn.keys[j]!;
        pairInPass[p] = 1;
        pairStart[p] = slots;
        slots += occ[p]!;
      }
    }
    const grams = collectGramKeys(docs, occ, BOUND, { include: (h) => shardOfHash(h, shardCount) % passes === pass, phrases: loose.phrases });
    const gramsIn = byShard(Int32Array.from(grams.hash, (h) => shardOfHash(h, shardCount)), shardCount);
    gramKeys += grams.count;
    gramOccurrences += grams.occurrences;
    gramCounts += grams.reports.length;
    const atDoc = new Int32Array(slots);
    const atPos = new Int32Array(slots);
    const pairNext = pairStart.slice();
    const charLists: CountList[] = Array.from({ length: charCount }, () => []);
    const charLast = new Int32Array(charCount).fill(-1);
    const charOcc = new Int32Array(charCount);
    const seen: number[] = [];
    for (let doc = 0; doc < docs.length; doc++) {
      const { cps, headEnd, pairAt } = docs[doc]!;
      for (let i = 0; i < cps.length; i++) {
        const id = idByCode[cps[i]!]!;
        if (id < 0 || !charInPass[id]) continue;
        if (charCounts[id] === 0) seen.push(id);
        charCounts[id] = charCounts[id]! + 1;
        if (i < headEnd) charHead[id] = 1;
      }
      for (let i = 0; i < pairAt.length; i++) {
        const p = pairAt[i]!;
        if (p < 0 || !pairInPass[p]) continue;
        const slot = pairNext[p]!;
        pairNext[p] = slot + 1;
        atDoc[slot] = doc;
        atPos[slot] = i;
      }
      for (const id of seen) {
        appendCount(charLists[id]!, charLast[id]!, doc, charCounts[id]!, charHead[id]!);
        charLast[id] = doc;
        charOcc[id] = charOcc[id]! + charCounts[id]!;
        charCounts[id] = 0;
        charHead[id] = 0;
      }
      seen.length = 0;
    }

    for (let s = pass; s < shardCount; s += passes) {
      const shard: Shard = Object.create(null);
      for (let j = charsIn.start[s]!; j < charsIn.start[s + 1]!; j++) {
        const id = charsIn.keys[j]!;
        const k = charKey(id);
        shard[k] = countEntry(charOcc[id]!, charLists[id]!);
      }
      for (const k of filterKeysIn.get(s) ?? []) {
        const list = filterLists.get(k)!;
        shard[k] = countEntry(list.length / 2, list);
      }
      for (let j = gramsIn.start[s]!; j < gramsIn.start[s + 1]!; j++) {
        const g = gramsIn.keys[j]!;
        const k = gramKeyText(grams, docs, g);
        shard[k] = countEntry(grams.occ[g]!, gramCountList(grams, g));
      }
      for (let j = pairsIn.start[s]!; j < pairsIn.start[s + 1]!; j++) {
        const p = pairsIn.keys[j]!;
        const k = pairKey(p);
        const n = occ[p]!;
        const { positions, counts } = pairLists(docs, atDoc, atPos, pairStart[p]!, pairStart[p]! + n, n > INLINE_POSITIONS);
        // A common pair: its count list (for a two-character query) and its positions (for
        // longer terms) go to the packs, so fetching its shard stays cheap.
        shard[k] = n <= INLINE_POSITIONS ? [n, 0, positions] : [n, countRef(counts), packs.add(positions)];
      }
      await output.write(join(outDir, shardFile(s)), JSON.stringify(shard), GZIP_SHARD, (bytes) => {
        indexBytes += bytes;
        largestShard = Math.max(largestShard, bytes);
      });
    }
  }

  packs.close();
  const table: SearchTable = { version: INDEX_VERSION, shardCount, bound: BOUND, count: docs.length };
  let tableBytes = 0;
  await output.write(join(outDir, "table.json"), JSON.stringify(table), GZIP_SMALL, (n) => (tableBytes = n));
  let metaBytes = 0;
  await output.write(join(outDir, "meta.json"), JSON.stringify(compactMeta(docs.map((d) => d.meta))), GZIP_SMALL, (n) => (metaBytes = n));
  let rowBytes = 0;
  for (let c = 0; c * ROWS_PER_CHUNK < docs.length; c++) {
    const rows: CompactRows = docs.slice(c * ROWS_PER_CHUNK, (c + 1) * ROWS_PER_CHUNK).map((d) => compactRow({ id: d.id, title: d.title, published: d.published, ...d.meta }));
    await output.write(join(outDir, rowsFile(c * ROWS_PER_CHUNK)), JSON.stringify(rows), GZIP_SMALL, (n) => (rowBytes += n));
  }
  const t2s = await buildT2s(corpusChars);
  let t2sBytes = 0;
  await output.write(join(outDir, "t2s.json"), JSON.stringify(t2s), GZIP_SMALL, (n) => (t2sBytes = n));
  // The search page's script, with this index's shard count and t2s map compiled in.
  await output.write(join(outDir, "search.js"), searchScript(shardCount, t2s), GZIP_SMALL, () => {});
  await output.drain();
  // Built beside `astro build` (scripts/build.ts), the page does not exist yet: `--page-only` finishes it afterwards.
  const pageBytes = process.argv.includes("--no-page") ? 0 : finishSearchPage(outRoot, shardCount);
  console.log(
    `search index: ${docs.length} reports, ${totalPositions} characters, ${gramKeys} gram keys (${gramOccurrences} occurrences in ${gramCounts} key × report counts, bound ${BOUND}; ${loose.terms.length} of them phrases picked on ${loose.sampled} reports), ${shardCount} shards + ${packs.lists} lists in ${packs.count} pack(s) in ${passes} pass(es); ` +
      `gzipped: index ${((indexBytes + packs.bytes) / 1024).toFixed(1)} KB (largest shard ${(largestShard / 1024).toFixed(1)} KB, largest list ${(packs.largest / 1024).toFixed(1)} KB), ` +
      `table ${(tableBytes / 1024).toFixed(1)} KB, meta ${(metaBytes / 1024).toFixed(1)} KB, rows ${(rowBytes / 1024).toFixed(1)} KB, texts ${(textBytes / 1024).toFixed(1)} KB, t2s ${(t2sBytes / 1024).toFixed(1)} KB (${Object.keys(t2s).length} characters), ` +
      `search page with its CSS and JS ${(pageBytes / 1024).toFixed(1)} KB; ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * `--page-only`: the index (with search.js, which carries the shard count) was built beside
 * `astro build` and moved into the site; finish the page that Astro wrote meanwhile (search-page.ts).
 */
function finishPage(): void {
  const { shardCount } = JSON.parse(readFileSync(join(outDir, "table.json"), "utf8")) as SearchTable;
  const bytes = finishSearchPage(outRoot, shardCount);
  console.log(`search page: page with its CSS and JS ${(bytes / 1024).toFixed(1)} KB gzipped`);
}

// Run as a script only (tests import numberPairs).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  (process.argv.includes("--page-only") ? Promise.resolve().then(finishPage) : main()).catch((e) => {
    console.error(e);
    process.exit(1);
  });
