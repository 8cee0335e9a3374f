// Builds the full-text search index into dist/search-index/ after `astro build`.
//
//   tsx scripts/search-index.ts [--out dist] [--entries content/reports] [--passes N]
//
// Records come from the content entries (front matter + cleaned body), not from crawling HTML.
// Output (see docs/search.md):
//   docs.json        the report table (title, region, year, period, date, filters) + shard count
//   s<k>.json        shard k of the positional character-pair index (src/lib/search/core.ts)
//   text/<id>.txt    the searchable text of each report, for excerpts
//   t2s.json         traditional → simplified characters that can matter for this corpus
// Every file also gets a .gz sibling so a static server can send it compressed.
// Memory: keys are partitioned into passes by shard; each pass re-reads the entries and holds
// only its own shards, so a 10,000-report corpus needs a few passes, never all postings at once.
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { parseEntry } from "../src/lib/entry-file";
import { PERIOD_LABEL } from "../src/lib/labels";
import type { ReportEntry } from "../src/lib/schema";
import { searchLines, HEADER_LINES } from "../src/lib/search/text";
import { appendCharPosting, appendPairPosting, documentKeys, foldedText, type Shard } from "../src/lib/search/core";
import { shardFilesFor } from "../src/lib/search/prefetch";
import { INDEX_VERSION, compactManifest, shardFile, shardOf, type SearchDoc, type SearchManifest } from "../src/lib/search/shard";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

const outRoot = resolve(arg("out", process.env.SITE_OUT_DIR || "dist"));
const entriesDir = resolve(arg("entries", process.env.ENTRIES_DIR || "content/reports"));
const outDir = join(outRoot, "search-index");
/** Positions per shard (≈ 10–12 KB gzipped on real reports). */
const POSITIONS_PER_SHARD = 2500;
/** Positions held in memory per pass. */
const POSITIONS_PER_PASS = 20_000_000;

function write(path: string, content: string): number {
  const buf = Buffer.from(content, "utf8");
  writeFileSync(path, buf);
  const gz = gzipSync(buf, { level: 9 });
  writeFileSync(path + ".gz", gz);
  return gz.length;
}

interface Loaded {
  entry: ReportEntry;
  lines: string[];
}

function load(file: string): Loaded {
  const { data, body } = parseEntry(readFileSync(join(entriesDir, file), "utf8"));
  const entry = data as unknown as ReportEntry;
  return { entry, lines: searchLines(entry, body) };
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
 * Writes .gz siblings of the search page and the CSS and JS it loads, so a static server that
 * serves precompressed files (sirv, nginx gzip_static) sends them compressed. Returns their size.
 */
function compressSearchPage(shardCount: number): number {
  const html = join(outRoot, "search", "index.html");
  if (!existsSync(html)) {
    console.warn(`search index: ${html} not found (run astro build first); page assets not compressed`);
    return 0;
  }
  // The page learns the shard count from its HTML, so it can fetch shards without a round trip.
  const source = readFileSync(html, "utf8").replace(/<meta name="search-shards" content="\d+"/, `<meta name="search-shards" content="${shardCount}"`);
  writeFileSync(html, source);
  const assets = new Set<string>();
  for (const m of source.matchAll(/(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/g)) assets.add(m[1]!);
  let total = 0;
  for (const file of [html, ...[...assets].map((a) => join(outRoot, a))]) {
    if (!existsSync(file)) continue;
    const gz = gzipSync(readFileSync(file), { level: 9 });
    writeFileSync(file + ".gz", gz);
    total += gz.length;
  }
  return total;
}

async function main() {
  const started = Date.now();
  if (!existsSync(entriesDir)) throw new Error(`${entriesDir} does not exist: run the ingest first`);
  const files = readdirSync(entriesDir).filter((f) => f.endsWith(".md")).sort();
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(join(outDir, "text"), { recursive: true });

  // Pass 0: the report table, the texts, the size of the index, the characters in use.
  const docs: SearchDoc[] = [];
  const corpusChars = new Set<string>();
  let totalPositions = 0;
  let textBytes = 0;
  for (const file of files) {
    const { entry, lines } = load(file);
    const cps = foldedText(lines);
    for (const ch of cps) corpusChars.add(ch);
    totalPositions += cps.length;
    const r = entry.region;
    docs.push({
      id: entry.id,
      url: `/reports/${entry.id}/`,
      title: entry.title,
      head: lines.slice(0, HEADER_LINES).join("\n"),
      region: r?.name ?? null,
      prefecture: r?.prefecture ?? null,
      province: r?.province ?? null,
      county: r?.name ?? null,
      year: entry.year,
      periodLabel: entry.period ? PERIOD_LABEL[entry.period] : null,
      published: entry.published,
    });
    textBytes += write(join(outDir, "text", `${entry.id}.txt`), lines.join("\n"));
  }
  const shardCount = Math.max(1, Math.ceil(totalPositions / POSITIONS_PER_SHARD));
  const passes = Math.max(1, Number(arg("passes", String(Math.ceil(totalPositions / POSITIONS_PER_PASS)))));

  // Passes 1…P: postings of the shards whose number ≡ pass (mod P).
  let indexBytes = 0;
  let largestShard = 0;
  for (let pass = 0; pass < passes; pass++) {
    const shards = new Map<number, Shard>();
    const shardFor = (key: string): Shard | null => {
      const s = shardOf(key, shardCount);
      if (s % passes !== pass) return null;
      let shard = shards.get(s);
      if (!shard) shards.set(s, (shard = Object.create(null) as Shard));
      return shard;
    };
    for (let doc = 0; doc < files.length; doc++) {
      const { lines } = load(files[doc]!);
      const { chars, pairs } = documentKeys(foldedText(lines));
      for (const [ch, n] of chars) {
        const shard = shardFor(ch);
        if (shard) appendCharPosting((shard[ch] ??= []), doc, n);
      }
      for (const [pair, positions] of pairs) {
        const shard = shardFor(pair);
        if (shard) appendPairPosting((shard[pair] ??= []), doc, positions);
      }
    }
    for (let s = pass; s < shardCount; s += passes) {
      const bytes = write(join(outDir, shardFile(s)), JSON.stringify(shards.get(s) ?? {}));
      indexBytes += bytes;
      largestShard = Math.max(largestShard, bytes);
    }
  }

  const byDate = docs
    .map((d, i) => ({ d, i }))
    .sort((a, b) => (b.d.published ?? "").localeCompare(a.d.published ?? "") || a.d.id.localeCompare(b.d.id))
    .map((x) => x.i);
  const manifest: SearchManifest = { version: INDEX_VERSION, shardCount, docs, byDate };
  const docsBytes = write(join(outDir, "docs.json"), JSON.stringify(compactManifest(manifest)));
  const t2s = await buildT2s(corpusChars);
  const t2sBytes = write(join(outDir, "t2s.json"), JSON.stringify(t2s));

  // A classic async script (no inline script, so a strict Content-Security-Policy can apply):
  // for a shared link /search/?q=…, preload the shards the query needs while the page loads.
  write(
    join(outDir, "prefetch.js"),
    `(function(){var s=document.currentScript;var q=new URLSearchParams(location.search).get("q");if(!s||!q)return;` +
      `var root=new URL("./",s.src).href;(${shardFilesFor.toString()})(q,${shardCount}).forEach(function(f){` +
      `var l=document.createElement("link");l.rel="preload";l.as="fetch";l.crossOrigin="anonymous";l.href=root+f;document.head.appendChild(l);});})();\n`,
  );
  const pageBytes = compressSearchPage(shardCount);
  console.log(
    `search index: ${docs.length} reports, ${totalPositions} characters, ${shardCount} shards in ${passes} pass(es); ` +
      `gzipped: index ${(indexBytes / 1024).toFixed(1)} KB (largest shard ${(largestShard / 1024).toFixed(1)} KB), ` +
      `docs ${(docsBytes / 1024).toFixed(1)} KB, texts ${(textBytes / 1024).toFixed(1)} KB, t2s ${(t2sBytes / 1024).toFixed(1)} KB (${Object.keys(t2s).length} characters), ` +
      `search page with its CSS and JS ${(pageBytes / 1024).toFixed(1)} KB; ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
