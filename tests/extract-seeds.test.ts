// The whole-seed scoring run: extract the five seeds, score them with the shared scorer, and
// hold the bars of issue 3 (mention F1 ≥ 0.97, indicator F1 ≥ 0.90, every gold target a target).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyse } from "../scripts/pipeline/report";
import { mentionSchema, maskedValueSchema } from "../src/lib/schema";

const root = resolve(import.meta.dirname, "..");
const seeds = resolve(root, "../shared/corpus/seeds");
const goldPath = resolve(root, "../shared/gold/seeds.json");
const scorer = resolve(root, "../shared/scripts/score-extraction.mjs");

interface GoldFact { kind: string; quote: string; normalizedValue: number }
interface Pred { file: string; mentions: { start: number; end: number; kind: string; normalizedValue: number }[]; masked: unknown[]; indicators: unknown[] }

let preds: Pred[] = [];
let scores: { totals: { mentions: { f1: number }; indicators: { f1: number } } };

beforeAll(async () => {
  const files = readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort();
  preds = [];
  for (const file of files) {
    const r = await analyse(readFileSync(join(seeds, file)), file);
    if (!r.ok) throw new Error(`${file}: ${r.reason}`);
    preds.push({ file, ...r.meta, mentions: r.mentions, indicators: r.indicators, masked: r.masked } as Pred);
  }
  const dir = mkdtempSync(join(tmpdir(), "extract-seeds-"));
  const pred = join(dir, "pred.json");
  writeFileSync(pred, JSON.stringify(preds));
  const out = execFileSync("node", [scorer, "--gold", goldPath, "--texts", seeds, "--pred", pred, "--json"], { encoding: "utf8" });
  scores = JSON.parse(out);
});

describe("seed scoring", () => {
  it("meets mention F1 ≥ 0.97", () => {
    expect(scores.totals.mentions.f1).toBeGreaterThanOrEqual(0.97);
  });
  it("meets indicator F1 ≥ 0.90", () => {
    expect(scores.totals.indicators.f1).toBeGreaterThanOrEqual(0.9);
  });
  it("marks every gold target as target", () => {
    const gold = JSON.parse(readFileSync(goldPath, "utf8")) as { file: string; facts: GoldFact[] }[];
    const wrong: string[] = [];
    for (const g of gold) {
      const text = readFileSync(join(seeds, g.file), "utf8");
      const p = preds.find((x) => x.file === g.file)!;
      for (const f of g.facts.filter((x) => x.kind === "target")) {
        const q = text.indexOf(f.quote);
        const m = p.mentions.find((x) => x.start >= q && x.end <= q + f.quote.length && Math.abs(x.normalizedValue - f.normalizedValue) < 1e-6);
        if (!m || m.kind !== "target") wrong.push(`${g.file}: ${f.quote}`);
      }
    }
    expect(wrong).toEqual([]);
  });
  it("emits mentions and masked values that satisfy the schema, masks only in the anonymised report", () => {
    for (const p of preds) {
      for (const m of p.mentions) mentionSchema.parse(m);
      for (const m of p.masked) maskedValueSchema.parse(m);
    }
    const masked = preds.map((p) => p.masked.length);
    expect(masked.filter((n) => n > 0)).toHaveLength(1);
    expect(Math.max(...masked)).toBeGreaterThanOrEqual(70);
  });
});
