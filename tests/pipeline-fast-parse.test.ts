// The compiled entry parser (scripts/pipeline/fast-parse.ts) must be zod's parse exactly: the same
// output, key for key and in the same order, for every valid entry, and zod's own error for
// every invalid one.
import { describe, expect, it } from "vitest";
import { z } from "astro/zod";
import { compileParser } from "../scripts/pipeline/fast-parse";
import { analyse, type AnalysedReport } from "../scripts/pipeline/report";
import { toEntry } from "../scripts/pipeline/entry";
import { synthCorpus } from "../scripts/corpus-synth";
import { reportEntrySchema } from "../src/lib/schema";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SEEDS_DIR, seedBytes, seedFiles } from "./support/seeds";

const fast = compileParser(reportEntrySchema);

async function analysed(): Promise<AnalysedReport[]> {
  const out: AnalysedReport[] = [];
  for (const f of seedFiles()) {
    const a = await analyse(seedBytes(f), f);
    if (a.ok) out.push(a);
  }
  const dir = mkdtempSync(join(tmpdir(), "fast-parse-"));
  try {
    synthCorpus({ count: 20, out: dir, seed: 11, seedsDir: SEEDS_DIR });
    for (const f of readdirSync(dir)) {
      const a = await analyse(readFileSync(join(dir, f)), f);
      if (a.ok) out.push(a);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

/** The raw entry object toEntry hands to the parser, with keys in another order and an extra key. */
function rawEntry(a: AnalysedReport): Record<string, unknown> {
  const e = JSON.parse(JSON.stringify(toEntry(a, "440000-2020-FY", "a.txt"))) as Record<string, unknown>;
  return { extra: "dropped", ...Object.fromEntries(Object.entries(e).reverse()) };
}

function zodError(x: unknown): string {
  const r = reportEntrySchema.safeParse(x);
  expect(r.success).toBe(false);
  return r.success ? "" : r.error.message;
}

describe("compiled entry parser", () => {
  it("gives zod's output for the entries of the seeds and of synthetic reports, in zod's key order", async () => {
    const reports = await analysed();
    expect(reports.length).toBeGreaterThan(20);
    for (const a of reports) {
      const raw = rawEntry(a);
      const mine = fast(raw);
      const theirs = reportEntrySchema.parse(raw);
      expect(JSON.stringify(mine)).toBe(JSON.stringify(theirs));
      expect(mine).toStrictEqual(theirs);
      expect(Object.keys(mine)[0]).toBe("title");
      expect("extra" in mine).toBe(false);
    }
  });

  it("throws zod's error for invalid entries", async () => {
    const [a] = await analysed();
    const base = rawEntry(a!);
    const mention = (base.mentions as Record<string, unknown>[])[0]!;
    const broken: [string, Record<string, unknown>][] = [
      ["NaN offset", { ...base, mentions: [{ ...mention, start: NaN }] }],
      ["negative offset", { ...base, mentions: [{ ...mention, end: -1 }] }],
      ["fractional offset", { ...base, charCount: 1.5 }],
      ["id with a slash", { ...base, id: "a/b" }],
      ["unknown period", { ...base, period: "H3" }],
      ["year out of range", { ...base, year: 1900 }],
      ["missing title", Object.fromEntries(Object.entries(base).filter(([k]) => k !== "title"))],
      ["a run of two numbers", { ...base, offsetRuns: [[0, 0]] }],
      ["a run of four numbers", { ...base, offsetRuns: [[0, 0, 1, 2]] }],
      ["string for a number", { ...base, mentions: [{ ...mention, value: "12" }] }],
      ["bad kind", { ...base, mentions: [{ ...mention, kind: "guess" }] }],
      ["undefined for a nullable", { ...base, published: undefined }],
      ["array for an object", { ...base, region: [] }],
      ["bad gb code", { ...base, region: { name: "x", level: "县", prefecture: null, province: "y", gbCode: "12345" } }],
    ];
    for (const [what, x] of broken) {
      expect(() => fast(x), what).toThrow(zodError(x));
    }
    expect(() => fast(null)).toThrow(zodError(null));
  });

  it("optional keys: absent stays absent, present is kept", () => {
    const s = z.object({ a: z.string().optional(), b: z.number().int().min(1).max(3), c: z.tuple([z.boolean()]).nullable() });
    const p = compileParser(s);
    for (const x of [{ b: 2, c: null }, { a: "x", b: 1, c: [true] }, { a: undefined, b: 3, c: [false] }]) {
      expect(p(x)).toStrictEqual(s.parse(x));
      expect(Object.keys(p(x))).toEqual(Object.keys(s.parse(x)));
    }
    for (const x of [{ b: 0, c: null }, { b: 4, c: null }, { b: 2.5, c: null }, { b: 2, c: [1] }, { b: 2 }]) {
      expect(() => p(x)).toThrow(s.safeParse(x).error!.message);
    }
  });

  it("keys after an optional key keep the schema's order whether it is present or not", () => {
    const s = z.object({ a: z.string(), o: z.string().optional(), b: z.number(), c: z.object({ d: z.boolean() }).nullable() });
    const p = compileParser(s);
    for (const x of [{ c: null, b: 1, a: "x" }, { c: { d: true }, o: "y", b: 2, a: "x" }, { o: undefined, a: "x", b: 3, c: null, extra: 1 }]) {
      expect(p(x)).toStrictEqual(s.parse(x));
      expect(JSON.stringify(p(x))).toBe(JSON.stringify(s.parse(x)));
    }
  });
});
