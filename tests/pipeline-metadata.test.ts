import { describe, expect, it } from "vitest";
import { analyse } from "../scripts/pipeline/report";
import { findPublished, findYearPeriod, despace } from "../scripts/pipeline/metadata";
import { gold, seedBytes } from "./support/seeds";

describe("metadata of the five seeds matches the gold", () => {
  for (const g of gold) {
    it(`${g.file}: region, year, period, published, title`, async () => {
      const r = await analyse(seedBytes(g.file));
      if (!r.ok) throw new Error(r.reason);
      const m = r.meta;
      if (g.region.name === null) {
        expect(m.region).toBeNull();
      } else {
        expect(m.region).toEqual({
          name: g.region.name,
          prefecture: g.region.prefecture,
          province: g.region.province,
          level: g.region.level,
          gbCode: g.region.gbCode,
        });
      }
      expect(m.level).toBe(g.region.level);
      expect(m.year).toBe(g.year);
      expect(m.period).toBe(g.period);
      expect(m.published).toBe(g.published);
      expect(m.title).toBe(g.title);
      expect(m.hasPlan).toBe(g.hasPlan);
      expect(m.planYear).toBe(g.planYear);
      expect(m.planPeriod).toBe(g.planPeriod);
    });
  }

  it("the anonymised report (002) gets region null with a warning, never a guess", async () => {
    const r = await analyse(seedBytes("002_e1634718f3e3e389.txt"));
    if (!r.ok) throw new Error(r.reason);
    expect(r.meta.region).toBeNull();
    expect(r.warnings.join(" ")).toMatch(/region unknown/);
  });
});

describe("metadata rules on real title lines", () => {
  it("reads the period the report sums up, not the plan's", () => {
    expect(findYearPeriod("江海区卫生健康2022年上半年工作总结和2022年下半年工作计划", "")).toMatchObject({ year: 2022, period: "H1" });
    expect(findYearPeriod("阳山县卫生健康局2020年工作总结和2021年工作计划", "")).toMatchObject({ year: 2020, period: "FY" });
    expect(findYearPeriod("卫健委2021上半年工作情况", "")).toMatchObject({ year: 2021, period: "H1" });
    expect(findYearPeriod("夹江县卫生健康局2023年半年工作总结", "")).toMatchObject({ year: 2023, period: "H1" });
  });

  it("finds the date in a scraped source line and under a signature", () => {
    expect(findPublished("卫健委2021上半年工作情况\n来源: 海安市卫健委 发布时间:2021-06-30 16:06 累计次数: 字体:[ ]\n正文")).toBe("2021-06-30");
    expect(findPublished("正文……\n\n江门市江海区卫生健康局\n\n2022年6月27日\n")).toBe("2022-06-27");
    expect(findPublished("正文……\n\n二〇二〇年十一月三日\n")).toBe("2020-11-03");
    expect(findPublished("截至2022年6月20日，全区累计接种19万剂次。下半年继续推进。")).toBeNull();
  });

  it("removes letter spacing from an issuer line", () => {
    expect(despace("阳 山 县 卫 生 健 康 局")).toBe("阳山县卫生健康局");
    expect(despace("江海区卫生健康 2022 年上半年工作总结 和 2022 年下半年工作计划")).toBe("江海区卫生健康2022年上半年工作总结和2022年下半年工作计划");
  });
});
