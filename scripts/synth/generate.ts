// One synthetic county health-bureau report: a real report's shape (title, opening, numbered
// work sections, problems, plan, signature and date) filled with real report sentences, the
// place names, years and numbers made those of the drawn region and year.
import type { Period } from "../../src/lib/schema";
import { gazetteer, type County } from "../pipeline/gazetteer";
import { findRegion, findTitle, findYearPeriod, nonEmptyLines } from "../pipeline/metadata";
import { int, mix, mulberry32, pick, shuffle, type Rng } from "./prng";
import type { Block, BlockRole, SentencePool, Sentence } from "./sentences";

export const YEARS = [2019, 2020, 2021, 2022, 2023, 2024] as const;
export const PERIODS = ["H1", "FY"] as const satisfies readonly Period[];

export interface SynthTarget {
  county: County;
  year: number;
  period: "H1" | "FY";
}

export interface SynthReport extends SynthTarget {
  fileName: string;
  text: string;
}

const CN_NUM = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];

const levelChar = (c: County) => c.name.slice(-1);
const shortName = (name: string) => (name.length > 2 ? name.replace(/(?:县|区|市|旗)$/, "") : name);
const provinceShort = (c: County) => c.provinceShort;
const issuerPlace = (c: County) => `${c.prefecture ?? c.province}${c.name}`;

/** The seed's place names, levels and years replaced by the target's, and its numbers varied. */
function adapt(s: Sentence, pool: SentencePool, t: SynthTarget, rng: Rng): string {
  const seed = pool.seeds[s.seed]!;
  let text = s.text;
  const to: Record<string, string> = {
    name: t.county.name,
    short: shortName(t.county.name),
    prefecture: t.county.prefecture ?? t.county.province,
    prefectureShort: t.county.prefectureShort ?? provinceShort(t.county),
    province: t.county.province,
    provinceShort: provinceShort(t.county),
  };
  for (const [from, kind] of seed.names) if (text.includes(from)) text = text.split(from).join(`\u0000${kind}\u0000`);
  text = text.replace(/\u0000(\w+)\u0000/g, (_, kind: string) => to[kind]!);
  const L = seed.levelChar;
  const T = levelChar(t.county);
  if (L !== T) {
    text = text.replace(new RegExp(`(全|我|本|该)${L}(?!级)|${L}(委|政府|人民医院|中医院|疾控中心|妇幼保健院|直)`, "g"), (m, a?: string, b?: string) =>
      a ? a + T : T + b,
    );
  }
  const shift = t.year - seed.year;
  // Years move with the report; other numbers vary, dates and ordinals stay.
  text = text.replace(/(\d+(?:\.\d+)?)(\s*)(%|％|年|月|日|小时|时|号|届|次会议|急救|热线)?/g, (m, num: string, sp: string, unit: string | undefined, at: number, all: string) => {
    const before = all[at - 1] ?? "";
    if (/[A-Za-z第]/.test(before)) return m;
    if (unit === "年" && /^(19|20)\d{2}$/.test(num)) return String(Number(num) + shift) + sp + unit;
    if (unit && unit !== "%" && unit !== "％") return m;
    const decimals = num.includes(".") ? num.split(".")[1]!.length : 0;
    let v = Number(num);
    if (unit) {
      if (v >= 100) return m;
      v = Math.min(99.9, v * (0.88 + rng() * 0.2));
      return v.toFixed(Math.max(decimals, v < 100 ? 1 : 0)) + sp + unit;
    }
    if (decimals === 0 && v >= 1900 && v <= 2100) return m;
    v = v * (0.6 + rng() * 1.0);
    const out = decimals ? v.toFixed(decimals) : String(Math.max(1, Math.round(v)));
    return out + sp;
  });
  return text;
}

function take(rng: Rng, blocks: Block[], role: BlockRole): Block[] {
  return shuffle(rng, blocks.filter((b) => b.role === role));
}

function blockText(b: Block, pool: SentencePool, t: SynthTarget, rng: Rng, extra: Sentence[]): string {
  // Keep most sentences in their order, drop a few, sometimes add one from elsewhere.
  const kept = b.sentences.filter((_, i) => i === 0 || rng() > 0.15);
  if (extra.length && rng() < 0.3) kept.splice(int(rng, 0, kept.length), 0, pick(rng, extra));
  return kept.map((s) => adapt(s, pool, t, rng)).join("");
}

const WORK_TITLES = ["主要工作情况", "主要工作开展情况及工作成效", "工作开展情况", "重点工作完成情况", "主要工作成效"];
const PROBLEM_TITLES = ["存在的问题", "存在问题和困难", "存在的困难和问题", "存在的问题和不足"];

function opening(t: SynthTarget, rng: Rng): string {
  const L = levelChar(t.county);
  const when = t.period === "H1" ? `${t.year}年上半年` : `${t.year}年`;
  const lead = pick(rng, [
    `在${L}委、${L}政府的正确领导下，在上级卫生健康部门的精心指导下`,
    `在${L}委${L}政府的坚强领导下`,
    `我局在${L}委、${L}政府的正确领导和上级业务部门的指导下`,
  ]);
  const aim = pick(rng, [
    `坚持以人民健康为中心，统筹推进疫情防控和卫生健康事业发展，着力提高全${L}人民健康水平`,
    `紧紧围绕年初确定的目标任务，突出重点，统筹兼顾，全面推进健康${shortName(t.county.name)}建设`,
    `深化医药卫生体制改革，持续提升医疗卫生服务能力，各项工作取得了新的进展`,
  ]);
  const close = pick(rng, ["现将有关工作情况报告如下：", "现将有关工作总结如下：", "现将工作情况总结如下。"]);
  return `${when}，${lead}，${aim}。${close}`;
}

function title(t: SynthTarget, rng: Rng): { lines: string[]; planTitle: string } {
  const issuer = (rng() < 0.3 ? t.county.prefecture ?? "" : "") + t.county.name + pick(rng, ["卫生健康局", "卫生健康局", "卫生健康局", "卫生健康委员会"]);
  const y = t.year;
  const [what, planTitle] =
    t.period === "H1"
      ? pick(rng, [
          [`${y}年上半年工作总结`, "下半年工作计划"],
          [`${y}年上半年工作总结和下半年工作计划`, "下半年工作计划"],
          [`${y}年半年工作总结`, "下半年重点工作计划"],
        ] as const)
      : pick(rng, [
          [`${y}年工作总结`, `${y + 1}年工作计划`],
          [`${y}年工作总结和${y + 1}年工作计划`, `${y + 1}年工作计划`],
          [`${y}年度工作总结`, "下一步工作打算"],
        ] as const);
  // Now and then the issuer stands on its own line above the title (阳 山 县 卫 生 健 康 局).
  return { lines: rng() < 0.2 ? [issuer, what] : [issuer + what], planTitle };
}

function signatureDate(t: SynthTarget, rng: Rng): string {
  if (t.period === "H1") return `${t.year}年${int(rng, 6, 7)}月${int(rng, 1, 28)}日`;
  return rng() < 0.6 ? `${t.year}年12月${int(rng, 1, 31)}日` : `${t.year + 1}年1月${int(rng, 1, 20)}日`;
}

/** One report. `targetChars` ~6,000 Chinese characters ≈ 18 KB of UTF-8, like the real ones. */
export function generateReport(pool: SentencePool, t: SynthTarget, seed: number, index: number): SynthReport {
  const rng = mulberry32(mix(seed, index, Number(t.county.gbCode), t.year, t.period === "H1" ? 1 : 2));
  const targetChars = int(rng, 5200, 7200);
  const { lines, planTitle } = title(t, rng);
  const out: string[] = [...lines, "", opening(t, rng), ""];
  let n = 0;
  const size = () => out.reduce((k, l) => k + l.length, 0);

  // Work summary: ~75% of the text, as 2–4 top sections of numbered subsections.
  const work = take(rng, pool.blocks, "summary");
  const tops = int(rng, 2, 4);
  const perTop = Math.max(2, Math.ceil(work.length / tops));
  const workTitles = shuffle(rng, [...WORK_TITLES]);
  let w = 0;
  for (let k = 0; k < tops && size() < targetChars * 0.75 && w < work.length; k++) {
    out.push(`${CN_NUM[++n]}、${k === 0 ? workTitles[0] : work[w]!.heading}`, "");
    if (k > 0) w++;
    const style = pick(rng, ["paren", "shi"] as const);
    for (let j = 1; j <= perTop && w < work.length && size() < targetChars * 0.75 * ((k + 1) / tops) + 400; j++, w++) {
      const b = work[w]!;
      const body = blockText(b, pool, t, rng, pool.loose.summary);
      if (style === "paren") out.push(`（${CN_NUM[j]}）${b.heading}`, "", body, "");
      else out.push(`${CN_NUM[j]}是${b.heading}。${body}`, "");
    }
  }
  // Problems.
  out.push(`${CN_NUM[++n]}、${pick(rng, PROBLEM_TITLES)}`, "");
  const problems = [...take(rng, pool.blocks, "problems").flatMap((b) => b.sentences), ...pool.loose.problems];
  shuffle(rng, problems);
  const nProblems = Math.min(problems.length, int(rng, 3, 6));
  out.push(problems.slice(0, nProblems).map((s) => adapt(s, pool, t, rng)).join(""), "");
  // Plan, up to the target length.
  out.push(`${CN_NUM[++n]}、${planTitle}`, "");
  const plan = take(rng, pool.blocks, "plan");
  for (let j = 1; j <= plan.length && j < CN_NUM.length && (j <= 3 || size() < targetChars); j++) {
    const b = plan[j - 1]!;
    out.push(`（${CN_NUM[j]}）${b.heading}`, "", blockText(b, pool, t, rng, pool.loose.plan), "");
  }
  // Signature and date, as the real ones end.
  const pad = " ".repeat(int(rng, 0, 24));
  out.push("", `${pad}${issuerPlace(t.county)}${pick(rng, ["卫生健康局", "卫生健康局", "卫生健康委员会"])}`, `${pad}${signatureDate(t, rng)}`, "");
  const text = out.join("\n");
  const fileName = `${String(index).padStart(6, "0")}_${t.county.gbCode}_${t.year}_${t.period}.txt`;
  return { ...t, fileName, text };
}

/** Whether the pipeline's metadata stage reads the intended region, year and period from the text. */
export function resolvesAsIntended(r: SynthReport): boolean {
  const lines = nonEmptyLines(r.text);
  const { title, headerLines } = findTitle(lines);
  const headerEnd = headerLines > 0 ? lines[headerLines - 1]!.start + lines[headerLines - 1]!.line.length : 0;
  const region = findRegion(r.text, headerEnd).region;
  const yp = findYearPeriod(title, r.text);
  return region?.gbCode === r.county.gbCode && yp.year === r.year && yp.period === r.period;
}

/**
 * The targets of an N-report corpus: distinct (county, year, period) triples drawn without
 * replacement from the gazetteer × 2019–2024 × {H1, FY}, in a seeded order.
 */
export function* targets(seed: number): Generator<SynthTarget> {
  const counties = gazetteer().counties;
  const total = counties.length * YEARS.length * PERIODS.length;
  // A seeded permutation of 0..total-1 without materialising it: an affine map modulo total
  // with a multiplier coprime to total, then walked in order.
  const rng = mulberry32(mix(seed, 0x5eed));
  let a = 1 + Math.floor(rng() * (total - 1));
  const gcd = (x: number, y: number): number => (y ? gcd(y, x % y) : x);
  while (gcd(a, total) !== 1) a++;
  const b = Math.floor(rng() * total);
  for (let i = 0; i < total; i++) {
    const k = (a * i + b) % total;
    const county = counties[Math.floor(k / (YEARS.length * PERIODS.length))]!;
    const rest = k % (YEARS.length * PERIODS.length);
    yield { county, year: YEARS[Math.floor(rest / PERIODS.length)]!, period: PERIODS[rest % PERIODS.length]! };
  }
}
