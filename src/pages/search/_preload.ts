// Entry of the search page's inline head script, bundled and inserted by finishSearchPage
// (scripts/search-page.ts, run by scripts/search-index.ts) with the index's shard count compiled in. For a shared link /search/?q=…
// it asks for the shards of the query's keys while the page is still being parsed: search.js
// runs only once the main thread is free of the page's first style and layout, and its
// fetch() of a shard then reuses the preloaded response instead of starting the first of its
// three dependent round trips (shards → lists → rows). Tiny on purpose: it runs parser-blocking.
import { parseQuery, shardKeysOf } from "../../lib/search/core";
import { FILTER_KEYS, filterKeyOf, shardFile, shardOf } from "../../lib/search/shard";

declare const SHARD_COUNT: number;

const params = new URLSearchParams(location.search);
const q = params.get("q");
// The page's search.js tag comes before this script, so its URL gives the index's folder.
const script = document.querySelector<HTMLScriptElement>('script[src$="search-index/search.js"]');
if (q && script) {
  const root = new URL("./", script.src).href;
  const shards = new Set<number>();
  for (const term of parseQuery(q).terms) for (const key of shardKeysOf(term)) shards.add(shardOf(key, SHARD_COUNT));
  // A filtered link also reads the lists of its filter values.
  for (const group of FILTER_KEYS) for (const value of params.getAll(group)) shards.add(shardOf(filterKeyOf(group, value), SHARD_COUNT));
  for (const file of [...shards].map(shardFile)) {
    // Matches the engine's fetch(): same URL, mode cors, credentials same-origin.
    const link = document.createElement("link");
    for (const [name, value] of [["rel", "preload"], ["as", "fetch"], ["crossorigin", "anonymous"], ["href", root + file]]) link.setAttribute(name!, value!);
    document.head.append(link);
  }
}
