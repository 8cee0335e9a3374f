// The sentence pool of the synthetic corpus: every section of the real seed reports cut into
// blocks (a heading and the sentences under it) by role — work summary, problems, plan — with the
// seed's own place names, years and levels marked so that a generated report can put its own in.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { analyseText } from "../pipeline/report";
import { decode } from "../pipeline/decode";
import { closingStart, parseOutline } from "../pipeline/outline";

export type BlockRole = "summary" | "problems" | "plan";

export interface Block {
  role: BlockRole;
  heading: string | null;
  sentences: Sentence[];
}

/** A sentence with its seed's context: the year it was written about and the names to replace. */
export interface Sentence {
  text: string;
  seed: number;
}

export interface SeedContext {
  file: string;
  year: number;
  /** [from, kind] pairs replaced in each sentence, longest first. */
  names: [string, "name" | "short" | "prefecture" | "prefectureShort" | "province" | "provinceShort"][];
  levelChar: string;
}

export interface SentencePool {
  seeds: SeedContext[];
  blocks: Block[];
  /** Sentences that stand under no heading of their own (top-level bodies). */
  loose: Record<BlockRole, Sentence[]>;
}

/** Where the real reports are: ../shared/corpus/seeds, or the project's copy in content/sources. */
export function defaultSeedsDir(root = process.cwd()): string {
  const shared = resolve(root, "../shared/corpus/seeds");
  return existsSync(shared) ? shared : resolve(root, "content/sources");
}

const SHORT = (name: string) => (name.length > 2 ? name.replace(/(?:县|区|市|旗)$/, "") : name);
const PROVINCE_SHORT = (p: string) => p.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, "") || p;
const PREFECTURE_SHORT = (p: string) => p.replace(/(?:市|地区|盟|(?:[^市]{0,8}?)自治州)$/, "") || p;

// Provinces named in the seeds' prose (对四川工作系列重要指示, 广东省第二人民医院) follow the region too.
const SEED_PROVINCES: [string, string][] = [
  ["广东省", "广东"],
  ["江苏省", "江苏"],
  ["四川省", "四川"],
];

function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n+/)) {
    for (const m of para.matchAll(/[^。；！？]+[。；！？]?/g)) {
      const s = m[0].trim().replace(/^[，。；、,.:：\s]+/, "");
      // Masked (anonymised) text, fragments and leftover list markers are not reused.
      if (s.length < 8 || /\*/.test(s) || /^[\d一二三四五六七八九十]+[、.．]/.test(s)) continue;
      if (!/[。；！？]$/.test(s) && s.length < 30) continue;
      out.push(/[。；！？]$/.test(s) ? s.replace(/；$/, "。") : s + "。");
    }
  }
  return out;
}

export function buildPool(seedsDir = defaultSeedsDir()): SentencePool {
  const files = readdirSync(seedsDir).filter((f) => /\.txt$/i.test(f)).sort();
  if (files.length === 0) throw new Error(`no seed reports (.txt) in ${seedsDir}`);
  const seeds: SeedContext[] = [];
  const blocks: Block[] = [];
  const loose: SentencePool["loose"] = { summary: [], problems: [], plan: [] };
  files.forEach((file) => {
    const decoded = decode(readFileSync(join(seedsDir, file)));
    if (!decoded.ok) return;
    const a = analyseText(decoded.text, { sha256: "", encoding: decoded.encoding, format: "txt", warnings: [] });
    if (a.meta.year === null) return;
    const seed = seeds.length;
    const names: SeedContext["names"] = [];
    const r = a.meta.region;
    if (r) {
      names.push([r.name, "name"], [SHORT(r.name), "short"]);
      if (r.prefecture) names.push([r.prefecture, "prefecture"], [PREFECTURE_SHORT(r.prefecture), "prefectureShort"]);
    }
    for (const [p, s] of SEED_PROVINCES) names.push([p, "province"], [s, "provinceShort"]);
    names.sort((x, y) => y[0].length - x[0].length);
    seeds.push({ file, year: a.meta.year, names, levelChar: (r?.name ?? a.meta.level ?? "县").slice(-1) });
    const text = a.cleaned.text;
    const closing = closingStart(text);
    // The analysis holds sections in original offsets; cut the cleaned text by its own outline.
    const sections = parseOutline(text);
    sections.forEach((s, i) => {
      if (s.role !== "summary" && s.role !== "problems" && s.role !== "plan") return;
      const next = sections[i + 1];
      const ownEnd = Math.min(next && next.start < s.end ? next.start : s.end, closing);
      const afterHeading = s.start + s.marker.length + s.title.length;
      if (afterHeading >= ownEnd) return;
      const body = text.slice(afterHeading, ownEnd).replace(/^[。，,.：:\s]+/, "");
      const sentences = splitSentences(body).map((t) => ({ text: t, seed }));
      if (sentences.length === 0) return;
      const heading = s.title.replace(/[。，,.：:；]+$/, "");
      if (s.depth >= 2 && heading.length >= 4 && heading.length <= 30) blocks.push({ role: s.role, heading, sentences });
      else loose[s.role].push(...sentences);
    });
  });
  if (blocks.length === 0) throw new Error(`the seed reports in ${seedsDir} yield no sections to reuse`);
  return { seeds, blocks, loose };
}
