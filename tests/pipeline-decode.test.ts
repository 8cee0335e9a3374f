import { describe, expect, it } from "vitest";
import iconv from "iconv-lite";
import { decode } from "../scripts/pipeline/decode";
import { seedText } from "./support/seeds";

const text = seedText("004_83e2992d1b705371.txt");

function decoded(bytes: Uint8Array) {
  const d = decode(bytes);
  if (!d.ok) throw new Error(d.reason);
  return d;
}

describe("decode detects the encoding", () => {
  it("UTF-8 without BOM", () => {
    expect(decoded(Buffer.from(text, "utf8"))).toMatchObject({ text, encoding: "utf-8" });
  });
  it("UTF-8 with BOM (the BOM is not part of the text)", () => {
    expect(decoded(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toMatchObject({ text, encoding: "utf-8-bom" });
  });
  it("UTF-16 LE and BE with BOM", () => {
    expect(decoded(iconv.encode(text, "utf-16le", { addBOM: true }))).toMatchObject({ text, encoding: "utf-16le" });
    expect(decoded(iconv.encode(text, "utf-16be", { addBOM: true }))).toMatchObject({ text, encoding: "utf-16be" });
  });
  it("GB18030 and GBK", () => {
    expect(decoded(iconv.encode(text, "gb18030"))).toMatchObject({ text, encoding: "gb18030" });
    const gbkSafe = text.replace(/[^\u0000-\uffff]/g, "");
    expect(decoded(iconv.encode(gbkSafe, "gbk")).text).toBe(gbkSafe);
  });
  it("Big5 traditional text", () => {
    const trad = "夾江縣衛生健康局2023年半年工作總結。全縣累計完成新冠病毒疫苗接種，醫療衛生服務能力逐步提升，公共衛生服務能力明顯增強。";
    expect(decoded(iconv.encode(trad, "big5"))).toMatchObject({ text: trad, encoding: "big5" });
  });
});

describe("UTF-8 decoding", () => {
  it("gives the same text as TextDecoder for one-, two-, three- and four-byte characters", () => {
    const mixed = `${text}\nASCII ~ é × · ½ — “引号” ０９％ \u3000 𠀀𪚥 😀 \ud83d\ude00 \uffff \ufeff中\n`;
    for (const t of [text, mixed, mixed.repeat(50), "中", "a"]) {
      const bytes = Buffer.from(t, "utf8");
      const d = decode(Buffer.concat([Buffer.from("卫生健康局".repeat(5)), bytes]));
      expect(d.ok && d.text).toBe(new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat([Buffer.from("卫生健康局".repeat(5)), bytes])));
    }
  });
  it("invalid sequences (overlong, surrogate, past U+10FFFF) are damage, replaced as TextDecoder does", () => {
    const good = Buffer.from(text, "utf8");
    for (const bad of [[0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe4, 0xb8]]) {
      const bytes = Buffer.concat([good, Buffer.from(bad), good]);
      const d = decode(bytes);
      expect(d).toMatchObject({ ok: true, encoding: "utf-8", text: new TextDecoder("utf-8").decode(bytes) });
      expect(d.ok && d.warnings.join()).toMatch(/invalid UTF-8/);
    }
  });
});

describe("decode rejects what is not a report, saying why", () => {
  it("an empty file", () => {
    expect(decode(new Uint8Array())).toEqual({ ok: false, reason: expect.stringMatching(/empty/) });
  });
  it("white space only", () => {
    expect(decode(Buffer.from(" \n\t\n  "))).toEqual({ ok: false, reason: expect.stringMatching(/white space/) });
  });
  it("a PNG image", () => {
    const png = Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex");
    expect(decode(png)).toEqual({ ok: false, reason: expect.stringMatching(/binary/) });
  });
  it("English text without Chinese", () => {
    expect(decode(Buffer.from("Annual report of the health bureau. Nothing in Chinese here.\n".repeat(5)))).toEqual({
      ok: false,
      reason: expect.stringMatching(/no Chinese text/),
    });
  });
  it("keeps a truncated UTF-8 file, with a warning", () => {
    const bytes = Buffer.from(text + "完", "utf8");
    const d = decode(bytes.subarray(0, bytes.length - 1));
    expect(d).toMatchObject({ ok: true, encoding: "utf-8", text: text + "\ufffd" });
    expect(d.ok && d.warnings.join()).toMatch(/invalid UTF-8/);
  });
});
