// The search page's scripts, built with the index because they carry its shard count: search.js
// (src/pages/search/_entry.ts, a classic async script) and the inline head script that preloads
// a shared link's shards (src/pages/search/_preload.ts). Run after `astro build` has written
// the page: `finishSearchPage` inserts the inline script, updates the page's
// Content-Security-Policy (which allows inline scripts by hash) and writes .gz siblings.
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { buildSync } from "esbuild";
import { withPolicy } from "../src/lib/csp";

function bundle(entry: string, define: Record<string, string>): string {
  const { outputFiles } = buildSync({
    entryPoints: [resolve(import.meta.dirname, "../src/pages/search", entry)],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    charset: "utf8",
    write: false,
    define,
  });
  return outputFiles[0]!.text.trim();
}

/**
 * src/pages/search/_entry.ts bundled for this index. Not left to Astro: Astro's page scripts are
 * deferred modules, which start only after the page is parsed and laid out; this one is a classic
 * async script that starts a shared link's query as soon as it arrives.
 */
export function searchScript(shardCount: number, t2s: Record<string, string>): string {
  return bundle("_entry.ts", { SHARD_COUNT: String(shardCount), T2S: JSON.stringify(t2s) });
}

/** src/pages/search/_preload.ts bundled for this index (~1.5 KB). */
export function preloadScript(shardCount: number): string {
  return bundle("_preload.ts", { SHARD_COUNT: String(shardCount) });
}

const SEARCH_SCRIPT_TAG = /<script\b[^>]*\bsrc="[^"]*search-index\/search\.js"[^>]*><\/script>/;
const PRELOAD_SCRIPT = /<script data-search-preload>[\s\S]*?<\/script>/g;

/**
 * The search page with `code` as its inline preload script, right after the search.js tag (which
 * the script looks up), replacing any earlier one, and its policy updated to allow it. A page
 * without the search.js tag comes back unchanged: `null`.
 */
export function withPreloadScript(html: string, code: string): string | null {
  const cleaned = html.replace(PRELOAD_SCRIPT, "");
  const tag = SEARCH_SCRIPT_TAG.exec(cleaned);
  if (!tag) return null;
  const at = tag.index + tag[0].length;
  const script = `<script data-search-preload>${code.replace(/<\/script/gi, "<\\/script")}</script>`;
  return withPolicy(cleaned.slice(0, at) + script + cleaned.slice(at));
}

/**
 * Inserts the preload script into the search page Astro wrote under `outRoot`, and writes .gz
 * siblings of the page and the CSS and JS it loads from Astro, so a static server that serves
 * precompressed files (sirv, nginx gzip_static) sends them compressed. Returns their size
 * together with that of search.js, which the index builder wrote compressed beside the index.
 */
export function finishSearchPage(outRoot: string, shardCount: number): number {
  const page = join(outRoot, "search", "index.html");
  if (!existsSync(page)) {
    console.warn(`search index: ${page} not found (run astro build first); search page not finished`);
    return 0;
  }
  const source = readFileSync(page, "utf8");
  const html = withPreloadScript(source, preloadScript(shardCount));
  if (html === null) console.warn(`search index: ${page} has no search.js script tag; shards are not preloaded`);
  else if (html !== source) writeFileSync(page, html);
  const assets = new Set<string>();
  for (const m of (html ?? source).matchAll(/(?:src|href)="(\/_astro\/[^"]+\.(?:js|css))"/g)) assets.add(m[1]!);
  let total = statSync(join(outRoot, "search-index", "search.js.gz")).size;
  for (const file of [page, ...[...assets].map((a) => join(outRoot, a))]) {
    if (!existsSync(file)) continue;
    const gz = gzipSync(readFileSync(file), { level: 9 });
    writeFileSync(file + ".gz", gz);
    total += gz.length;
  }
  return total;
}
