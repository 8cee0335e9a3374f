// The literal prefilter of indicator mapping (scripts/extract/catalogue.ts): a pattern is tried
// on a label only when the label holds one of its literals, so every match of a pattern must
// hold one. Checked on hand-made regex shapes and, for every catalogue pattern, on labels cut
// from the seeds and the catalogue's own words.
import { describe, expect, it } from "vitest";
import { catalogue, compiledPatterns, requiredAnyOf, requiredLiteral } from "../scripts/extract/catalogue";
import { seedFiles, seedText } from "./support/seeds";

describe("required literals of a pattern", () => {
  it("take the longest required run, or the alternatives of a required group", () => {
    expect(requiredLiteral("(乡镇|镇)(\\(中心\\)|中心)?卫生院#")).toBe("卫生院");
    expect(requiredAnyOf("(乡镇|镇)(\\(中心\\)|中心)?卫生院#")).toEqual(["卫生院"]);
    expect(requiredAnyOf("(常住人口|人口普查[^#]{0,6}|总人口)#")).toEqual(["常住人口", "人口普查", "总人口"]);
    expect(requiredAnyOf("(?<!负压)(急救车|救护车辆)#")).toEqual(["急救车", "救护车辆"]);
    expect(requiredAnyOf("^(按学历分)?(研究生|硕士及以上)(学历)?#")).toEqual(["研究生", "硕士及以上"]);
    expect(requiredAnyOf("(?:检出|确诊)(乳腺癌)?#")).toEqual(["检出", "确诊"]);
  });
  it("say nothing when unsure", () => {
    expect(requiredAnyOf("常住人口#|户籍人口#")).toBeNull(); // top-level alternation
    expect(requiredAnyOf("(常住|户籍)*人口#")).toEqual(["人口"]);
    expect(requiredAnyOf("(常住|户籍)*#")).toBeNull();
    expect(requiredAnyOf("(常住|\\d+)#")).toBeNull(); // an alternative without a literal
    expect(requiredAnyOf("(?=常住)[^#]*#")).toBeNull();
    expect(requiredAnyOf("(常住|户籍){0,2}#")).toBeNull();
  });
  it("every match of every catalogue pattern holds one of its literals", () => {
    const labels = new Set<string>();
    const words = catalogue.indicators.flatMap((i) => [i.zh, ...i.synonyms]);
    for (const file of seedFiles()) {
      for (const clause of seedText(file).split(/[，。；：、\n]/)) {
        const c = clause.replace(/\s+/g, "");
        for (let cut = 0; cut <= c.length; cut += 2) labels.add(`${c.slice(0, cut)}#${c.slice(cut)}`);
      }
    }
    for (const w of words) for (const x of [`${w}#`, `#${w}`, `全县${w}#家`, `新增${w}#个`]) labels.add(x);
    let matches = 0;
    for (const p of compiledPatterns) {
      for (const s of labels) {
        if (!p.match.test(s)) continue;
        matches++;
        expect(p.anyOf === null || p.anyOf.some((l) => s.includes(l)), `${p.match.source} on ${s}`).toBe(true);
      }
    }
    expect(matches).toBeGreaterThan(1000);
  });
});
