// Mapping mentions to catalogue indicators by label grammar and unit. Each catalogue pattern is
// a regex over "<label>#<noun after the unit>", so one pattern can say "label before the number"
// (医疗卫生机构#) or "verb + number + noun" (#家?乡镇卫生院). The most specific (longest) match
// wins; patterns with a context (规范管理率 → which disease) prefer the nearest context.
import type { Mention } from "../../src/lib/schema";
import { compiledPatterns, type CatalogueIndicator, type CompiledPattern } from "./catalogue";
import { charTable, trailingWordsStripper } from "./chars";
import { clauseBefore, sentenceStartOf } from "./labels";
import { unitFamily } from "./units";

// Joiners and qualifiers between a label and its number (stripped before matching).
const JOINERS =
  /(?:均|已|共|总共|合计|累计|共计|分别|仅|已达|达到|达|到达|提高到|提高至|提升至|提升到|上升至|下降至|下降到|降低到|降低至|降至|增至|增加到|控制在|保持在|稳定在|维持在|均在|完成|保持|稳定|维持|为|是|有|计|(?<!签)约|近|超过|超|大于|不少于|不低于|逾|了|\s)+$/;
const stripJoiners = trailingWordsStripper(JOINERS);
// Activities whose object is a number of institutions: the count is a scope, not a stock
// (共检查辖区内104家医疗机构, 对全区103家医疗机构开展整治, 7家卫生院承担初筛).
const SCOPE_BEFORE = /(检查|督查|督导|整治|指导|指定|培训|走访|调研|暗访|抽查|^对|[^反]对全)/;
const SCOPE_AFTER = /(承担|开展|参与|参加|实施|接受|配合)/;
// Not yet a stock: 正在筹建民营医院1家.
const IN_PROGRESS = /(筹建|在建|正在建设|正在申报)/;
// Building or upgrading N institutions is an output, not the stock (新建村卫生室20个, 改造乡镇卫生院5所),
// unless the indicator's own pattern names the verb (建成示范中医馆, 新增医疗机构).
const BUILD = /(新增|新建|改建|扩建|迁建|改造|提升|标准化建设|规范化建设|达标建设)/;
/** Indicators counted in these units count institutions (/^(家|间|个|所)$/). */
const INSTITUTION_UNITS = new Set(["家", "间", "个", "所"]);

// Classifier classes: a count of people (人, 名, 例, 人次) is never a count of institutions or
// kinds (家, 个, 所, 种, 项), and the other way round (报告传染病12种1386例).
const PEOPLE = new Set(["人", "名", "例", "人次", "例次", "人份", "剂", "剂次"]);
const THINGS = new Set(["家", "个", "所", "间", "座", "处", "种", "项", "类", "条", "批", "台", "辆"]);

function familyOk(ind: CatalogueIndicator, unit: string | null, value: number): boolean {
  const fam = unitFamily(unit);
  const want = ind.unit;
  // A zero rate may be written without its unit: 孕产妇死亡率为0.
  if (unit === null && value === 0 && ind.kind === "rate") return true;
  if (want === "%") return fam === "percent";
  if (want === "‰") return fam === "permille";
  if (want === "1/10万") return unit === "/10万";
  if (want.startsWith("元")) return fam === "money";
  if (want === "男/100女") return unit === "男/100女";
  if (want === "人/万人") return unit === "/万";
  if (fam !== "count") return false;
  // 间次, 家次 count visits, not a stock of rooms or institutions.
  if (unit && unit.endsWith("次") && !want.endsWith("次")) return false;
  const wantBase = want.split("/")[0]!;
  if (unit && PEOPLE.has(wantBase) && THINGS.has(unit)) return false;
  if (unit && THINGS.has(wantBase) && PEOPLE.has(unit)) return false;
  return true;
}

const CLAUSE_STOP = charTable("，；：、,;:。!?\n");

/** Text after the unit up to the clause end, skipping a parenthesis (全县15间（…）发热诊室). */
function afterNoun(f: string, from: number): string {
  let j = from;
  let depth = 0;
  while (j < f.length && j - from < 60) {
    const ch = f.charCodeAt(j);
    if (ch === 0x28) depth++; // (
    else if (ch === 0x29) depth = Math.max(0, depth - 1); // )
    else if (depth === 0 && CLAUSE_STOP[ch]) break;
    j++;
  }
  return f.slice(from, j).replace(/\([^)]*\)/g, (m) => (m.length > 12 ? "" : m));
}

export interface MappingInput {
  mention: Mention;
  /** End of the unit in the text. */
  unitEnd: number;
  /** Clause and sentence starts before the number, when the caller has them (labels.ts). */
  clauseStart?: number;
  sentenceStart?: number;
}

/**
 * Patterns indexed by the first characters of their required literals: a label is tested only
 * against the patterns one of whose literals may occur in it (and those without any), in
 * catalogue order.
 */
interface PatternSet {
  list: CompiledPattern[];
  /** Per character code: the indices of the patterns with a literal that starts with it. */
  byCode: Map<number, number[]>;
  /** 1 at the codes that are keys of byCode: most characters of a label start no literal, and a table read is cheaper than a Map lookup. */
  starts: Uint8Array;
  /** Indices of the patterns without literals. */
  always: number[];
  /** Scratch: 1 for the indices already collected for the current label. */
  taken: Uint8Array;
}

function patternSet(list: CompiledPattern[]): PatternSet {
  const byCode = new Map<number, number[]>();
  const starts = new Uint8Array(0x10000);
  const always: number[] = [];
  list.forEach((p, i) => {
    if (!p.anyOf) return void always.push(i);
    for (const c of new Set(p.anyOf.map((l) => l.charCodeAt(0)))) {
      starts[c] = 1;
      const at = byCode.get(c);
      if (at) at.push(i);
      else byCode.set(c, [i]);
    }
  });
  return { list, byCode, starts, always, taken: new Uint8Array(list.length) };
}

/** Indices, ascending, of the patterns of a set that may match `s` (in `out`, which is returned). */
function patternsFor(set: PatternSet, s: string, out: number[]): number[] {
  out.length = 0;
  for (const k of set.always) {
    set.taken[k] = 1;
    out.push(k);
  }
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!set.starts[c]) continue;
    for (const k of set.byCode.get(c)!) {
      if (set.taken[k]) continue;
      set.taken[k] = 1;
      out.push(k);
    }
  }
  // Catalogue order (ties go to the earlier pattern): a few indices, sorted by insertion.
  for (let a = 1; a < out.length; a++) {
    const k = out[a]!;
    let b = a - 1;
    for (; b >= 0 && out[b]! > k; b--) out[b + 1] = out[b]!;
    out[b + 1] = k;
  }
  for (const k of out) set.taken[k] = 0;
  return out;
}

/** Whether s holds one of the literals (every match of the pattern holds one). */
function holdsAny(s: string, literals: readonly string[] | null): boolean {
  if (!literals) return true;
  for (const l of literals) if (s.includes(l)) return true;
  return false;
}

/** Whether the number at `pos` stands inside a parenthesis opened after the sentence start `ss`. */
function inParenthesis(f: string, pos: number, ss: number): boolean {
  for (let i = pos; i > ss; i--) {
    const c = f.charCodeAt(i);
    if (c === 0x28) return true; // (
    if (c === 0x29) return false; // )
  }
  return false;
}

// The patterns whose unit family fits, per unit: most mentions skip most of the catalogue.
const byUnit = new Map<string, PatternSet>();
const zeroRatePatterns = patternSet(compiledPatterns.filter((p) => familyOk(p.indicator, null, 0)));

// A list segment runs across 、 (每千常住人口拥有执业医师2.95名、注册护士3.41名) up to a comma.
const SEGMENT_STOP = charTable("，；：,;:。!?\n！？");
function segmentStart(f: string, pos: number): number {
  if (pos === 0 || f[pos - 1] !== "、") return pos;
  let i = pos - 1;
  while (i > 0 && !SEGMENT_STOP[f.charCodeAt(i - 1)] && pos - i < 80) i--;
  return i;
}
// A per-population qualifier written once for a list of values.
const PER_POP_Q = /每(千|万|十万)(常住)?人口?(拥有)?/;
// 孕产妇死亡率、婴儿死亡率分别为0和2.37‰: the i-th value belongs to the i-th label.
const EACH = /分别(为|是|达到|达|占|增长|下降|提高到|提高|降低|降至)?/;
// A clause that holds only goal, time and joining words has its label in the clause before
// (提高居民健康素养水平，力争到年底达到27%以上).
const EMPTY_LABEL =
  /^(力争|确保|争取|将|预计|目标|进一步|到年底|到年末|年底前?|年内|全年|到|达到|达|提高到|提升到|提高至|提升至|保持|稳定|在|要|并|再|以上|均)+$/;

/** The clause text that labels a number, after list and goal grammar. */
function labelFor(f: string, start: number, cs: number, clause: string): { before: string; seg: string } {
  const seg = segmentStart(f, cs);
  const segText = seg < cs ? f.slice(seg, cs).replace(/\s+/g, "") : "";
  let before = stripJoiners(clause);
  const full = segText + clause;
  if (full.includes("分别")) {
    const e = EACH.exec(full)!;
    const head = full.slice(0, e.index);
    // (Digits of an age band in a label are fine: 5岁以下儿童死亡率.)
    if (!/\d(?!\d|\.|岁|周岁|型|个月|月)/.test(head)) {
      const labels = head.split(/[、和与及]/).filter((x) => x.length > 0);
      const i = (full.slice(e.index + e[0].length).match(/\d+(?:\.\d+)?/g) ?? []).length;
      if (labels.length >= 2 && i < labels.length) before = labels[i]!;
    }
  } else if (segText && !before.includes("每") && segText.includes("每")) {
    const q = PER_POP_Q.exec(segText);
    if (q && q.index <= 6) before = q[0] + before;
  } else if (((before && EMPTY_LABEL.test(before)) || (!before && cs > 1 && f[cs - 1] === ":")) && cs > 1) {
    // (门急诊人次：62.35万人次 — a label before a colon is the label of the value after it.)
    const pcs = clauseBefore(f, cs - 1);
    const prev = f.slice(pcs, cs - 1).replace(/\s+/g, "");
    if (!/\d/.test(prev)) before = prev;
  }
  return { before: stripJoiners(before), seg: segText };
}

export function mapIndicators(f: string, items: MappingInput[]): void {
  const seen = new Map<string, number[]>();
  const scratch: number[] = [];
  for (const { mention: m, unitEnd, clauseStart, sentenceStart } of items) {
    const cs = clauseStart ?? clauseBefore(f, m.start);
    // Spaces padding numbers and words (60 岁以上, 2.6 万剂次) carry no meaning here.
    const { before, seg } = labelFor(f, m.start, cs, f.slice(cs, m.start).replace(/\s+/g, ""));
    const after = afterNoun(f, unitEnd).replace(/\s+/g, "");
    const s = `${before}#${after}`;
    const ss = sentenceStart ?? sentenceStartOf(f, m.start);
    let sentence: string | null = null; // made when a pattern with a context needs it
    // A number inside a parenthesis with a bare label is a breakdown of what precedes it
    // (现入职 29 人（其中卫技 25 人，副高 1 人）), unless its label names the metric (负压救护车).
    if ((before.length <= 3 && inParenthesis(f, m.start, ss)) || IN_PROGRESS.test(before)) continue;
    let best: { ind: CatalogueIndicator; score: number } | null = null;
    const unit = m.normalizedUnit ?? m.unit;
    let candidates = unit === null && m.normalizedValue === 0 ? zeroRatePatterns : byUnit.get(unit ?? "");
    if (!candidates) {
      candidates = patternSet(compiledPatterns.filter((p) => familyOk(p.indicator, unit, 1)));
      byUnit.set(unit ?? "", candidates);
    }
    for (const k of patternsFor(candidates, s, scratch)) {
      const p = candidates.list[k]!;
      if (!holdsAny(s, p.anyOf)) continue;
      const hit = p.match.exec(s);
      if (!hit) continue;
      const hash = before.length;
      const afterSide = hit.index > hash || (hit.index === hash && hit[0].startsWith("#"));
      const institutions = INSTITUTION_UNITS.has(p.indicator.unit);
      if ((afterSide || hit.index + hit[0].length > hash + 1) && institutions) {
        // Number-before-noun: institutions in the scope of an activity are no stock count.
        if (SCOPE_BEFORE.test(before) || SCOPE_AFTER.test(after)) continue;
      }
      // (Designations are counted when new: 新增省级临床重点专科2个 is the specialty count.)
      if (institutions && BUILD.test(seg + before) && !BUILD.test(p.match.source) && !/(专科|学科)/.test(hit[0])) continue;
      let score = hit[0].length * 10;
      if (p.context) {
        p.context.lastIndex = 0;
        let last = -1;
        sentence ??= f.slice(ss, cs).replace(/\s+/g, "");
        const ctx = sentence + before;
        for (let c = p.context.exec(ctx); c; c = p.context.exec(ctx)) {
          last = c.index;
          if (c[0].length === 0) p.context.lastIndex++;
        }
        if (last < 0) continue;
        score += 1000 - (ctx.length - last); // the nearest context wins
      }
      if (!best || score > best.score) best = { ind: p.indicator, score };
    }
    if (!best) continue;
    // Restated values: only the defining (first) mention of a value carries the indicator.
    const prev = seen.get(best.ind.id) ?? [];
    if (prev.some((v) => Math.abs(v - m.normalizedValue) < 1e-9)) continue;
    prev.push(m.normalizedValue);
    seen.set(best.ind.id, prev);
    m.indicator = best.ind.id;
  }
}
