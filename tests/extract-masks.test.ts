import { describe, expect, it } from "vitest";
import { extract } from "../scripts/extract/index";

const run = (text: string) => extract({ text, sections: [] });

describe("masked values (002)", () => {
  it("records ***万元 and **％ as masked, never as a 0 mention", () => {
    const out = run("开展“厕所革命”，投入***万元建设**座农村新建公厕。与去年同期相比，发病上升**％。");
    expect(out.mentions).toEqual([]);
    expect(out.masked.map((m) => [m.mask, m.unit])).toEqual([
      ["***", "万元"],
      ["**", "座"],
      ["**", "%"],
    ]);
  });
  it("ignores masks that hide names (健康**, **镇, **户外猩球, **组工)", () => {
    const out = run("加快推进“健康**”建设，申报了*个省级卫生乡镇（**镇、**镇）。对在建的**户外猩球项目，发布**组工〔2022〕文件。");
    expect(out.masked[0]!.quote).toBe("申报了*个");
    expect(out.masked).toHaveLength(1);
    expect(out.masked[0]!.unit).toBe("个");
  });
  it("does not read markdown bold as a mask (**优化重点人群公共卫生服务。**2022 上半年)", () => {
    const out = run("2. **优化重点人群公共卫生服务。**2022 上半年，完成国家免疫规划疫苗接种 2.6 万剂次。");
    expect(out.masked).toEqual([]);
    expect(out.mentions.map((m) => m.normalizedValue)).toEqual([26000]);
  });
});
