// The founding corpus and its hand annotations, read from ../shared beside the project.
import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";

export const SEEDS_DIR = resolve("../shared/corpus/seeds");
export const GOLD_PATH = resolve("../shared/gold/seeds.json");
export const SCORER = resolve("../shared/scripts/score-extraction.mjs");

export interface GoldReport {
  file: string;
  region: { name: string | null; prefecture: string | null; province: string | null; level: string | null; gbCode: string | null };
  year: number;
  period: string;
  hasPlan: boolean;
  planYear: number | null;
  planPeriod: string | null;
  published: string | null;
  title: string;
  facts: { quote: string; value: number; kind: string; indicator: string | null }[];
}

export const gold: GoldReport[] = JSON.parse(readFileSync(GOLD_PATH, "utf8"));

export function seedFiles(): string[] {
  return readdirSync(SEEDS_DIR).filter((f) => f.endsWith(".txt")).sort();
}

export function seedBytes(file: string): Buffer {
  return readFileSync(join(SEEDS_DIR, file));
}

export function seedText(file: string): string {
  return readFileSync(join(SEEDS_DIR, file), "utf8");
}
