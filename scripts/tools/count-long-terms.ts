// How many terms of 7–12 characters have a cheapest pair cover over the bound,
// i.e. would need keys of their own for a long common phrase to stay under 150 KB (docs/search.md):
//   node --import tsx scripts/tools/count-long-terms.ts ENTRIES_DIR [bound 20000] [longest 12]
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { parseEntry } from "../../src/lib/entry-file";
import { searchLines } from "../../src/lib/search/text";
import { foldCodes, isSpaceCode, fnvCode, FNV_BASIS } from "../../src/lib/search/core";
import type { ReportEntry } from "../../src/lib/schema";
const dir = process.argv[2]!;
const bound = Number(process.argv[3] ?? 20000);
const maxN = Number(process.argv[4] ?? 12);
const files = readdirSync(dir).filter((f) => f.endsWith(".md")).sort();
const texts: Uint32Array[] = [];
const occ = new Map<number, number>();
for (const f of files) {
  const { data, body } = parseEntry(readFileSync(join(dir, f), "utf8"));
  const cps = foldCodes(searchLines(data as unknown as ReportEntry, body).join("\n"));
  texts.push(cps);
  for (let i = 0; i + 1 < cps.length; i++) {
    if (isSpaceCode(cps[i]!) || isSpaceCode(cps[i + 1]!)) continue;
    const k = cps[i]! * 0x110000 + cps[i + 1]!;
    occ.set(k, (occ.get(k) ?? 0) + 1);
  }
}
const keys = new Set<number>();
let occurrences = 0;
const perN = new Array(maxN + 1).fill(0);
const best = new Float64Array(maxN);
for (const cps of texts) {
  const cost = new Float64Array(cps.length);
  for (let i = 0; i + 1 < cps.length; i++) cost[i] = isSpaceCode(cps[i]!) || isSpaceCode(cps[i + 1]!) ? Infinity : occ.get(cps[i]! * 0x110000 + cps[i + 1]!)!;
  for (let i = 0; i < cps.length; i++) {
    if (isSpaceCode(cps[i]!)) continue;
    let h = fnvCode(FNV_BASIS, cps[i]!);
    for (let n = 2; n <= maxN && i + n <= cps.length; n++) {
      if (isSpaceCode(cps[i + n - 1]!)) break;
      h = fnvCode(h, cps[i + n - 1]!);
      // core.ts cheapestCover, extended one pair at a time as the term grows (pair o covers chars o, o+1)
      const o = n - 2;
      best[o] = cost[i + o]! + (o === 0 ? 0 : o === 1 ? best[0]! : Math.min(best[o - 1]!, best[o - 2]!));
      if (n < 7) continue;
      if (best[o]! > bound) {
        occurrences++;
        perN[n]++;
        // Distinct by (32-bit hash, length), not by text: hash collisions make the count a slight
        // undercount (a few hundred per length among the ~2 million terms per length at 10,000 reports).
        keys.add(h * 16 + n);
      }
    }
  }
}
console.log(`${files.length} reports, bound ${bound}: ${keys.size} distinct terms of 7–${maxN} characters over the bound, ${occurrences} occurrences; by length ${perN.slice(7).join(" ")}`);
