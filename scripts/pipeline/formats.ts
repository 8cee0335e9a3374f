// Stage 0: a file of any supported format → its text. Plain text is decoded (decode.ts);
// HTML pages give their article text; Word files and PDFs with a text layer give their text.
// Offsets everywhere downstream refer to the text returned here, which the report page shows.
import { extname } from "node:path";
import { decode, textProblem } from "./decode";

export type Format = "txt" | "html" | "docx" | "pdf";

export type SourceText =
  | { ok: true; text: string; encoding: string; format: Format; warnings: string[] }
  | { ok: false; reason: string };

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((b, i) => bytes[i] === b);
}

/** The format by content first (a PDF or Word file keeps its signature whatever its name), then by name. */
export function formatOf(bytes: Uint8Array, fileName: string): Format {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  const ext = extname(fileName).toLowerCase();
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) && (ext === ".docx" || ext === "")) return "docx";
  if (ext === ".docx") return "docx";
  if (ext === ".pdf") return "pdf";
  if (ext === ".html" || ext === ".htm" || ext === ".xhtml") return "html";
  return "txt";
}

export async function readSource(bytes: Uint8Array, fileName: string): Promise<SourceText> {
  const format = formatOf(bytes, fileName);
  try {
    switch (format) {
      case "txt": {
        const d = decode(bytes);
        return d.ok ? { ...d, format } : d;
      }
      case "html":
        return await htmlSource(bytes);
      case "docx":
        return await docxSource(bytes);
      case "pdf":
        return await pdfSource(bytes);
    }
  } catch (e) {
    return { ok: false, reason: `unreadable ${format} file: ${(e as Error).message.split("\n")[0]}` };
  }
}

function checked(text: string, encoding: string, format: Format, warnings: string[] = []): SourceText {
  const problem = textProblem(text, encoding);
  return problem ? { ok: false, reason: `${format}: ${problem}` } : { ok: true, text, encoding, format, warnings };
}

const BLOCK = new Set(["P", "DIV", "SECTION", "ARTICLE", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "TR", "TABLE", "BLOCKQUOTE", "PRE", "UL", "OL", "DL", "DT", "DD", "HEADER", "FOOTER", "FIGURE", "FIGCAPTION"]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "SVG", "NAV", "BUTTON", "SELECT", "FORM"]);

/** Text of a DOM subtree with a line break after each block, the way a reader sees paragraphs. */
function blockText(node: Node): string {
  const out: string[] = [];
  const walk = (n: Node) => {
    if (n.nodeType === 3) {
      out.push((n.textContent ?? "").replace(/[ \t\r\n]+/g, " "));
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    if (SKIP.has(el.tagName)) return;
    if (el.tagName === "BR") {
      out.push("\n");
      return;
    }
    const block = BLOCK.has(el.tagName);
    if (block) out.push("\n");
    for (const child of Array.from(el.childNodes)) walk(child);
    if (block) out.push("\n");
  };
  walk(node);
  return out
    .join("")
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .join("\n");
}

async function htmlSource(bytes: Uint8Array): Promise<SourceText> {
  // Decode like text: the meta charset of scraped pages is often wrong, the bytes are not.
  const d = decode(bytes);
  if (!d.ok) return { ok: false, reason: `html: ${d.reason}` };
  // Loaded on the first HTML file only: linkedom alone takes 0.4–0.9 s to load, which every
  // ingest worker would otherwise pay before its first plain-text report.
  const [{ parseHTML }, { Readability }] = await Promise.all([import("linkedom"), import("@mozilla/readability")]);
  const { document } = parseHTML(d.text);
  const pageTitle = document.querySelector("title")?.textContent?.trim() ?? "";
  let article: string | null = null;
  try {
    const parsed = new Readability(document.cloneNode(true) as unknown as Document, { charThreshold: 200 }).parse();
    if (parsed?.content) article = blockText(parseHTML(`<html><body>${parsed.content}</body></html>`).document.body);
  } catch {
    article = null;
  }
  const warnings = [...d.warnings];
  if (!article || article.length < 100) {
    warnings.push("no article found in the page: using all of its text except navigation and scripts");
    for (const el of Array.from(document.querySelectorAll("nav, header, footer, aside, script, style"))) el.remove();
    article = blockText(document.body ?? document.documentElement);
  }
  // The article body rarely repeats the page title; the title line is where metadata starts.
  const heading = document.querySelector("h1")?.textContent?.trim() || pageTitle.split(/[-_|｜]/)[0]!.trim();
  const text = heading && !article.startsWith(heading) ? `${heading}\n${article}` : article;
  return checked(text, d.encoding, "html", warnings);
}

async function docxSource(bytes: Uint8Array): Promise<SourceText> {
  const mammoth = await import("mammoth");
  const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
  const text = result.value.replace(/\n{3,}/g, "\n\n").trim();
  return checked(text, "docx", "docx");
}

// PDF fonts often map CJK glyphs to radicals (⽣ U+2F63 for 生, ⻓ U+2ED3 for 长). NFKC folds the
// Kangxi radicals; the supplement radicals that stand for simplified characters need a table.
// One code unit for one, so offsets are unchanged.
const RADICALS = /[\u2e80-\u2fdf]/g;
const SUPPLEMENT_RADICALS: Record<string, string> = {
  "⺟": "母", "⺠": "民", "⺮": "竹", "⻄": "西", "⻅": "见", "⻆": "角", "⻉": "贝", "⻋": "车",
  "⻓": "长", "⻔": "门", "⻘": "青", "⻙": "韦", "⻚": "页", "⻛": "风", "⻜": "飞", "⻝": "食",
  "⻢": "马", "⻣": "骨", "⻤": "鬼", "⻥": "鱼", "⻦": "鸟", "⻧": "卤", "⻨": "麦", "⻩": "黄",
  "⻬": "齐", "⻮": "齿", "⻰": "龙", "⻳": "龟",
};

function foldRadical(c: string): string {
  const n = SUPPLEMENT_RADICALS[c] ?? c.normalize("NFKC");
  return n.length === 1 ? n : c;
}

async function pdfSource(bytes: Uint8Array): Promise<SourceText> {
  const { extractText, getDocumentProxy } = await import("unpdf");
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  const folded = text.replace(RADICALS, foldRadical);
  if ((folded.match(/[\u3400-\u9fff]/g)?.length ?? 0) < 20) {
    return { ok: false, reason: `pdf: no text layer (${totalPages} page(s) of images, a scan?): OCR is not supported` };
  }
  return checked(folded, "pdf", "pdf");
}
