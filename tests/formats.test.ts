// Word files, PDFs and web pages are read to their text; offsets and quotes refer to that text.
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { analyse } from "../scripts/pipeline/report";
import { readSource } from "../scripts/pipeline/formats";
import { seedText } from "./support/seeds";

const jiajiang = seedText("004_83e2992d1b705371.txt");
const paragraphs = jiajiang.split("\n").filter((l) => l.trim());

async function ok(bytes: Uint8Array, name: string) {
  const r = await analyse(bytes, name);
  if (!r.ok) throw new Error(`${name}: ${r.reason}`);
  return r;
}

describe(".docx", () => {
  it("reads the paragraphs of a Word file and finds the metadata", async () => {
    const doc = new Document({ sections: [{ children: paragraphs.map((p) => new Paragraph({ children: [new TextRun(p)] })) }] });
    const bytes = await Packer.toBuffer(doc);
    const r = await ok(bytes, "夹江.docx");
    expect(r.format).toBe("docx");
    expect(r.meta).toMatchObject({ title: "夹江县卫生健康局2023年半年工作总结", year: 2023, period: "H1", region: { gbCode: "511126" } });
    expect(r.original).toContain(paragraphs[5]);
  });
  it("rejects a .docx that is not a Word file", async () => {
    const r = await analyse(Buffer.from("PK\u0003\u0004 this is not a zip at all"), "broken.docx");
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/docx/) });
  });
});

describe(".pdf", () => {
  it("reads the text layer of a PDF printed from a seed", async () => {
    const r = await ok(readFileSync("tests/fixtures/jiajiang-excerpt.pdf"), "夹江.pdf");
    expect(r.format).toBe("pdf");
    expect(r.meta).toMatchObject({ year: 2023, period: "H1", region: { gbCode: "511126" } });
    // Kangxi radicals from the PDF font (⽣ U+2F63) are folded to ordinary characters.
    expect(r.original).toContain("卫生健康局");
    expect(r.original).not.toMatch(/[\u2e80-\u2fdf]/);
  });
  it("rejects a PDF without a text layer, saying OCR is not supported", async () => {
    const r = await analyse(readFileSync("tests/fixtures/scan-no-text.pdf"), "scan.pdf");
    expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/no text layer/) });
  });
});

describe(".html", () => {
  const page = (charset: string) => `<!doctype html><html><head><meta charset="${charset}"><title>夹江县卫生健康局2023年半年工作总结_夹江县人民政府</title>
<script>window.tracker = "<p>脚本里的文字不是报告</p>";</script><style>p{color:red}</style></head>
<body><nav><a href="/">首页</a> <a href="/zwgk">政务公开</a> 网站导航栏目一 栏目二</nav>
<div class="article"><h1>夹江县卫生健康局2023年半年工作总结</h1>${paragraphs.slice(1).map((p) => `<p>${p}</p>`).join("\n")}</div>
<footer>版权所有 夹江县人民政府 备案号 蜀ICP备00000000号</footer></body></html>`;

  it("takes the article text and drops navigation, scripts and footer", async () => {
    const r = await ok(Buffer.from(page("utf-8")), "report.html");
    expect(r.format).toBe("html");
    expect(r.meta.title).toBe("夹江县卫生健康局2023年半年工作总结");
    expect(r.meta.region?.gbCode).toBe("511126");
    expect(r.original).toContain(paragraphs[3]);
    expect(r.original).not.toContain("脚本里的文字");
    expect(r.original).not.toContain("网站导航");
    expect(r.original).not.toContain("备案号");
  });
  it("reads a GBK page", async () => {
    const s = await readSource(iconv.encode(page("gbk"), "gbk"), "report.htm");
    expect(s).toMatchObject({ ok: true, encoding: "gb18030", format: "html" });
  });
  it("extracted numbers point into the text the page will show", async () => {
    const r = await ok(Buffer.from(page("utf-8")), "report.html");
    for (const m of r.mentions) expect(r.original.slice(m.start, m.end)).toBe(m.raw);
  });
});
