// Entry of dist/search-index/search.js, the search page's script: bundled by
// scripts/search-index.ts, which compiles in the index's shard count and its traditional →
// simplified map (t2s.json). A classic async script from
// the site itself (no inline code, so the strict Content-Security-Policy applies unchanged).
import { start } from "./_client";

declare const SHARD_COUNT: number;
declare const T2S: Record<string, string>;

const script = document.currentScript as HTMLScriptElement;
start(new URL("./", script.src).href, SHARD_COUNT, T2S);
