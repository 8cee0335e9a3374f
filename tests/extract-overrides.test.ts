import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { applyOverrides, type Override } from "../scripts/extract/overrides";
import { extract } from "../scripts/extract/index";

// 004: 全县累计建立居民健康档案28．65万人，建档率94．88％
const text = "全县累计建立居民健康档案28．65万人，建档率94．88％，完成国家常规免疫规划疫苗预防接种10568人次。";
const mentions = extract({ text, sections: [] }).mentions;

describe("applyOverrides", () => {
  it("drops a value by indicator id, only in its report", () => {
    const o: Override[] = [{ report: "r1", indicator: "health_records_rate", action: "drop", note: "rate is of the target population" }];
    expect(applyOverrides("r1", mentions, o).mentions.map((m) => m.indicator)).not.toContain("health_records_rate");
    expect(applyOverrides("r2", mentions, o).mentions).toHaveLength(mentions.length);
  });
  it("corrects a value by start offset and records the note", () => {
    const start = mentions.find((m) => m.raw === "10568")!.start;
    const o: Override[] = [{ report: "r1", start, action: "set", set: { normalizedValue: 10568, unit: "剂次" }, note: "人次 here counts doses" }];
    const { mentions: out, unused } = applyOverrides("r1", mentions, o);
    expect(out.find((m) => m.start === start)).toMatchObject({ unit: "剂次", override: "人次 here counts doses" });
    expect(unused).toEqual([]);
  });
  it("survives re-extraction and reports overrides that no longer match", () => {
    const again = extract({ text, sections: [] }).mentions;
    const o: Override[] = [
      { report: "r1", indicator: "health_records", action: "set", set: { kind: "actual" }, note: "checked" },
      { report: "r1", start: 9999, action: "drop", note: "stale" },
    ];
    const { mentions: out, unused } = applyOverrides("r1", again, { overrides: o });
    expect(out.find((m) => m.indicator === "health_records")!.override).toBe("checked");
    expect(unused.map((u) => u.note)).toEqual(["stale"]);
  });
  it("the project's overrides file parses", () => {
    const file = JSON.parse(readFileSync(resolve(import.meta.dirname, "../content/overrides.json"), "utf8"));
    expect(Array.isArray(file.overrides)).toBe(true);
  });
});
