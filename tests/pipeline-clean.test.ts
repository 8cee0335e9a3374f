import { describe, expect, it } from "vitest";
import { clean } from "../scripts/pipeline/clean";
import { toCleaned, toOriginal } from "../src/lib/offsets";
import { seedText } from "./support/seeds";

const seed000 = seedText("000_a7dff10c8246c1a0.txt");

describe("line-break repair keeps offsets into the original", () => {
  const c = clean(seed000);

  it("joins sentences broken across blank lines in seed 000", () => {
    expect(seed000).toContain("结果均为阴\n\n性");
    expect(seed000).toContain("分片包\n\n干");
    expect(c.text).toContain("结果均为阴性");
    expect(c.text).toContain("分片包干联系机制");
    expect(c.text).not.toContain("结果均为阴\n");
  });

  it("does not join a heading to the paragraph after it", () => {
    expect(c.text).toContain("一、主要工作情况\n");
    expect(c.text).toContain("（一）坚持党建引领，推动党建与业务双融双促\n");
  });

  it("maps every kept character back to the same character in the original", () => {
    for (let i = 0; i < c.text.length; i++) {
      expect(seed000[toOriginal(c.runs, i)]).toBe(c.text[i]);
    }
  });

  it("maps the character after a repaired break back to its original position", () => {
    const original = seed000.indexOf("阴\n\n性") + 3;
    const cleaned = c.text.indexOf("阴性") + 1;
    expect(toOriginal(c.runs, cleaned)).toBe(original);
    expect(toCleaned(c.runs, original)).toBe(cleaned);
  });

  it("normalises CRLF and CR line ends without moving characters", () => {
    const crlf = "第一行内容在这里\r\n第二行\r第三行";
    const cc = clean(crlf);
    expect(cc.text).toBe("第一行内容在这里\n第二行\n第三行");
    for (let i = 0; i < cc.text.length; i++) {
      const o = toOriginal(cc.runs, i);
      expect(cc.text[i] === "\n" ? /[\r\n]/.test(crlf[o]!) : crlf[o] === cc.text[i]).toBe(true);
    }
  });
});
