// `npm run eval`: extract the seed reports and score them against the gold with the shared scorer.
// Extra arguments (e.g. --verbose, --json) go to the scorer.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { analyse } from "./pipeline/report";

const root = resolve(import.meta.dirname, "..");
const seeds = resolve(root, "../shared/corpus/seeds");
const gold = resolve(root, "../shared/gold/seeds.json");
const scorer = resolve(root, "../shared/scripts/score-extraction.mjs");

export async function predictSeeds(): Promise<unknown[]> {
  const files = readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort();
  return Promise.all(
    files.map(async (file) => {
      // analyse() may be sync or async depending on the pipeline version; await covers both.
      const r = await analyse(readFileSync(join(seeds, file)), file);
      if (!r.ok) return { file, mentions: [], indicators: [] };
      return { file: basename(file), ...r.meta, region: r.meta.region, mentions: r.mentions, indicators: r.indicators };
    }),
  );
}

const dir = mkdtempSync(join(tmpdir(), "eval-"));
const pred = join(dir, "pred.json");
writeFileSync(pred, JSON.stringify(await predictSeeds()));
try {
  const out = execFileSync("node", [scorer, "--gold", gold, "--texts", seeds, "--pred", pred, ...process.argv.slice(2).filter((a) => a !== "--")], { encoding: "utf8" });
  process.stdout.write(out);
} catch (e) {
  const err = e as { stdout?: string; status?: number };
  process.stdout.write(err.stdout ?? "");
  process.exit(err.status ?? 1);
}
