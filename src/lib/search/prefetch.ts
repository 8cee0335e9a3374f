// The shard files a query needs first, computed before the page's script has loaded: the index
// builder inlines this function (via Function.prototype.toString) into a tiny script that preloads
// those shards for a shared link /search/?q=…, so they arrive together with the page's JS.
// It must stay self-contained (no imports, no helpers) and agree with parseQuery() + planTerm()
// + shardOf() + shardFile(); tests/search-query.test.ts checks that it does.
export function shardFilesFor(query: string, shardCount: number): string[] {
  const files: string[] = [];
  if (!shardCount) return files;
  const re = /[“"]([^”"]*)[”"]?|(\S+)/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(query))) {
    const term = m[1] !== undefined ? m[1] : m[2]!.replace(/[“”"]/gu, "");
    const runs: string[][] = [];
    for (const run of term.split(/\s+/u)) {
      if (!run) continue;
      const cps: string[] = [];
      for (const ch of run) {
        const lower = ch.toLowerCase();
        cps.push(Array.from(lower).length === 1 ? lower : ch);
      }
      runs.push(cps);
    }
    const keys: string[] = [];
    // One run of 3–6 characters may be a key of its own (GRAM_MIN…GRAM_MAX in core.ts).
    if (runs.length === 1 && runs[0]!.length >= 3 && runs[0]!.length <= 6) keys.push(runs[0]!.join(""));
    for (const cps of runs) {
      if (cps.length === 1) keys.push(cps[0]!);
      for (let k = 0; k + 1 < cps.length; k += 2) keys.push(cps[k]! + cps[k + 1]!);
      if (cps.length >= 2 && cps.length % 2 === 1) keys.push(cps[cps.length - 2]! + cps[cps.length - 1]!);
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      let h = 0x811c9dc5;
      for (let j = 0; j < key.length; j++) {
        h ^= key.charCodeAt(j);
        h = Math.imul(h, 0x01000193) >>> 0;
      }
      const file = "s" + ((h >>> 0) % shardCount).toString(36) + ".json";
      if (files.indexOf(file) < 0) files.push(file);
    }
  }
  return files;
}
