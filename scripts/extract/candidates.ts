// Finding the numbers that state a quantity. Works on the folded text (see fold.ts). A number
// is a quantity only when a unit or classifier follows it (or %/‰), and when it is not part of
// a date, range, ordinal, name or frequency — the negatives in ../shared/gold/NOTES.md.
import { charTable, lastNonSpace } from "./chars";
import { parseChineseNumeral } from "./numerals";
import { MULTIPLIERS, UNITS } from "./units";

export interface Candidate {
  /** Where the number (raw) starts and ends in the text. */
  start: number;
  end: number;
  /** Value as written, before multipliers. */
  value: number;
  /** Multiplier written between number and unit (万, 亿), 1 when none. */
  multiplier: number;
  /** Unit as written, including the multiplier (万人, 亿元) — null for unitless ratios. */
  unit: string | null;
  /** End of the unit (or of the number when there is none). */
  unitEnd: number;
  /** 余/多 written inside the number-unit group. */
  inner: string | undefined;
  chinese: boolean;
  /** Base unit implied by the label when only 万/亿 is written (门急诊人次62.35万 → 人次). */
  impliedUnit?: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const UNIT_ALT = [...UNITS].sort((a, b) => b.length - a.length).map(escape).join("|");
// number end → [余多]? [万亿千]? [余多]? unit ; the per-population denominator 1.19/万 is its own unit.
const TAIL = new RegExp(`\\s*(余|多)?\\s*(万|亿|千)?(余|多)?\\s*(${UNIT_ALT})`, "y");
// Per-population denominators: 1.19/万, 12.5/10万 (maternal mortality), 3/千.
const PER_POP = /\/(10万|十万|万|千)(人)?/y;
// Classifiers a Chinese numeral may take and still be a count (两家, 三个社区卫生服务中心).
const CN_CLASSIFIERS = "家个名所间部位座台辆项例起场篇种批支人次大";
const CN_CLASSIFIER = new RegExp(`^(余|多)?([${CN_CLASSIFIERS}])`);
// Thousands separators (152,386人) are read as one number; the comma must be an ASCII comma in
// the original text (a full-width ， is a clause break: 3起，215人 are two numbers).
// A Chinese numeral run is a candidate only when a classifier follows it (after 余/多): most runs
// (一 in 一是, 进一步) have none, and the lookahead rejects them without a match to allocate.
// (No classifier is a numeral, 余 or 多, so no shorter run or later start inside a rejected run
// can match either: the same runs are found as with a check after the match.)
const NUMBER = new RegExp(`\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?(?!\\d)|\\d+(?:\\.\\d+)?|[零一两二三四五六七八九十百千]+(?=[余多]?[${CN_CLASSIFIERS}])`, "g");
// After a bare 万/亿 (no unit written): the unit is implied by the label (门急诊人次62.35万).
const BARE_MULT = /\s*(余|多)?\s*(万|亿)(余|多)?(?=\s*($|[,，。；;、:：)\n]))/y;
const IMPLIED_UNIT: [RegExp, string][] = [
  [/人次/, "人次"],
  [/剂次/, "剂次"],
  [/(金额|资金|经费|投资|投入|款|元)/, "元"],
  [/(人数|人口|人员|居民|患者|群众|老人|儿童|妇女)/, "人"],
  [/(户数|户)/, "户"],
  [/(份数|档案)/, "份"],
];

// Abstract nouns of slogans: “四个意识”, 两个维护, 两个底线 are names, not counts.
const SLOGAN_NOUN = /^(个|大|项|条)?(意识|自信|维护|确立|覆盖|底线|不变|不减|务必|坚持|重点|方面|环节|机制|体系|原则|战略|精神|会议|工程|结合|突破|主线|中心(?!城)|行动|清单|责任|转变|作用|目标|优先|融合|聚焦|红线|导向|理念|抓手|担当|表率|统筹|率先|示范引领|一)/;
// Names that contain numerals (NOTES): matched at the numeral.
const CN_NAME = /^(十九大|二十大|十八大|十九届|二十届|十四五|十三五|十五五|两癌|三支一扶|二次|三级|二级|一级|三甲|二甲|三孩|二孩|两孩|三人小组|三人组|三人工作|八五|七五|千县|百县|三体)/;

function inQuotes(text: string, pos: number): boolean {
  const open = text.lastIndexOf("“", pos);
  if (open < 0 || pos - open > 12) return false;
  const close = text.lastIndexOf("”", pos);
  return close < open;
}

/** Up to `n` characters (8 by default) before a position, for the negative checks. */
const before = (t: string, i: number, n = 8) => t.slice(Math.max(0, i - n), i);

// Cheap tests that let most numbers skip a regex that could not match (each regex below needs
// one of these characters where the test looks).
const GLUED_BEFORE = charTable("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz·._/"); // /[A-Za-z·._\/]/
const RANGE_DASH = charTable("-—~～至到");
const OUTSIDE_END = charTable("省国球界"); // the last characters of 全省, 全国, 全球, 全世界
/** Whether f[from, to) holds a range dash (a range needs one). */
function hasRangeDash(f: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < to && i < f.length; i++) if (RANGE_DASH[f.charCodeAt(i)]) return true;
  return false;
}

/**
 * The quantity candidates of a folded text. `text` is the unfolded original (same offsets), used
 * to tell an ASCII thousands separator from a folded full-width comma.
 */
export function findCandidates(f: string, text: string = f): Candidate[] {
  const out: Candidate[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(f); m; m = NUMBER.exec(f)) {
    let raw = m[0];
    let start = m.index;
    let end = start + raw.length;
    const c0 = raw.charCodeAt(0);
    const chinese = !(c0 >= 0x30 && c0 <= 0x39);
    if (!chinese && raw.includes(",")) {
      const comma = text.indexOf("，", start);
      if ((comma >= 0 && comma < end) || start > 0 && /[\d,]$/.test(f[start - 1]!)) {
        // A folded full-width comma is a clause break: keep the digits before it only.
        raw = raw.slice(0, raw.indexOf(","));
        end = start + raw.length;
        NUMBER.lastIndex = end;
      }
    }
    const prev = start > 0 ? f[start - 1]! : "";

    if (chinese) {
      // (NUMBER's lookahead has checked that a classifier follows.)
      const c = chineseCandidate(f, start, end, raw);
      if (c) out.push(c);
      continue;
    }
    // Letters or list/series markers glued on: N95, COVID-19, 5·12, 第16位 (ordinal) …
    if ((prev !== "" && GLUED_BEFORE[prev.charCodeAt(0)]) || f[end] === "·") continue;
    if (prev === "第" && !/(排名|名列|位列|位居|居)第$/.test(before(f, start, 4))) continue;
    // Ranges: 3-11岁, 0—36月, 1-3个月, 0－3所 (folded to -).
    if (hasRangeDash(f, start - 3, start) && /\d\s*[-—~～至到]\s*$/.test(before(f, start, 3))) continue;
    const tailStart = end;
    if (hasRangeDash(f, tailStart, tailStart + 8) && /^\s*(余|多)?\s*(万)?\s*[-—~～至到]\s*\d/.test(f.slice(tailStart, tailStart + 8))) continue;
    // A sign belongs to the number only when it is not a range dash: 为－2．53‰.
    let value = Number(raw.includes(",") ? raw.replace(/,/g, "") : raw);
    if (prev === "-" && !/\d\s*-$/.test(before(f, start, 3))) {
      start -= 1;
      value = -value;
    }
    // Staffing norm written as a ratio: 床人比1：1.5 → 1.5 staff per bed.
    const ratio = f.charCodeAt(end) === 0x3a ? /^:(\d+(?:\.\d+)?)/.exec(f.slice(end, end + 10)) : null;
    if (ratio) {
      if (/比\s*$/.test(before(f, start, 3))) {
        const rEnd = end + ratio[0].length;
        out.push({ start, end: rEnd, value: Number(ratio[1]), multiplier: 1, unit: "人/床", unitEnd: rEnd, inner: undefined, chinese: false });
        NUMBER.lastIndex = rEnd;
      }
      continue;
    }
    PER_POP.lastIndex = end;
    const per = f.charCodeAt(end) === 0x2f ? PER_POP.exec(f) : null;
    if (per) {
      const den = per[1] === "十万" ? "10万" : per[1]!;
      out.push({ start, end, value, multiplier: 1, unit: "/" + den, unitEnd: end + per[0].length, inner: undefined, chinese: false });
      continue;
    }
    TAIL.lastIndex = end;
    const t = TAIL.exec(f);
    if (!t) {
      // Digits with 大 as classifier: 辖区内4大高速路口 (but 3大类 is programme structure).
      if (f[end] === "大" && /^[^类项，。；,;\s]{2,}/.test(f.slice(end + 1, end + 4)) && !SLOGAN_NOUN.test(f.slice(end, end + 4))) {
        out.push({ start, end, value, multiplier: 1, unit: "个", unitEnd: end + 1, inner: undefined, chinese: false });
        continue;
      }
      // Unitless ratios: 出生婴儿性别比为105．59.
      if (/性别比\s*(为|是|达到?)?\s*$/.test(before(f, start, 8)) && /\./.test(raw)) {
        out.push({ start, end, value, multiplier: 1, unit: "男/100女", unitEnd: end, inner: undefined, chinese: false });
        continue;
      }
      // A bare 万/亿 whose unit the label states: 门急诊人次达到62.35万, 项目资金1.2亿.
      BARE_MULT.lastIndex = end;
      const bm = BARE_MULT.exec(f);
      if (bm) {
        const clause = clauseText(f, start);
        const implied = IMPLIED_UNIT.find(([re]) => re.test(clause))?.[1];
        if (implied && !/(年|月|日|号|第)\s*$/.test(before(f, start, 2))) {
          out.push({ start, end, value, multiplier: MULTIPLIERS[bm[2]!]!, unit: bm[2]!, unitEnd: end + bm[0].length, inner: bm[1] ?? bm[3], chinese: false, impliedUnit: implied });
        }
        continue;
      }
      // A rate written without its unit, only as zero: 孕产妇死亡率为0.
      if (value === 0 && /(率\s*(为|是|均为|仍为|:)?|分别为|分别是)\s*$/.test(before(f, start, 6)) && /^\s*($|[,，。；;、和及\n])/.test(f.slice(end, end + 2))) {
        out.push({ start, end, value, multiplier: 1, unit: null, unitEnd: end, inner: undefined, chinese: false });
      }
      continue;
    }
    const unitWord = t[4]!;
    const unitEnd = end + t[0].length;
    if (!acceptUnit(f, start, unitEnd, unitWord)) continue;
    const mult = t[2] ? MULTIPLIERS[t[2]]! : 1;
    out.push({ start, end, value, multiplier: mult, unit: (t[2] ?? "") + unitWord, unitEnd, inner: t[1] ?? t[3], chinese: false });
  }
  return out;
}

/** The text before a position up to a comma (across 、, at most 30 characters), for implied units. */
function clauseText(f: string, pos: number): string {
  let i = pos;
  while (i > 0 && pos - i < 30 && !",，。；;:：\n".includes(f[i - 1]!)) i--;
  return f.slice(i, pos);
}

/** Negative checks that depend on the unit: durations, frequencies, ages. */
function acceptUnit(f: string, start: number, unitEnd: number, unit: string): boolean {
  const next = f.slice(unitEnd, unitEnd + 4);
  if (unit === "个" && /^(月|工作日|小时|星期|季度|自然日)/.test(next)) return false;
  // 天 counts stock days (满足30天) and the mean length of stay (平均住院日7.8天); otherwise a duration.
  if (unit === "天" && !/((满足|储备|可供|够用|保障)[^，。；,;]{0,4}|住院(日|天数)\s*(为|是|达到?|缩短至|缩短到|降至|下降至)?\s*)$/.test(before(f, start, 10))) return false;
  if (unit === "类" || unit === "期") return false;
  // Ages qualify a group (65岁以上, 0-6岁); only a life expectancy or mean age is a value in 岁.
  if (unit === "岁" && !/(寿命|平均年龄)\s*(达到?|为|是|提高到|提高至|提升至|提升到|增至)?\s*(约|近|超过)?\s*$/.test(before(f, start, 12))) return false;
  // Frequencies: 每月…1次, 每季度…1次.
  if ((unit === "次" || unit === "轮") && /每(日|天|周|月|年|季|季度|半年|旬|班)[^，。；,;]{0,20}$/.test(before(f, start, 26))) return false;
  // Routing thresholds: 一次解除隔离3人以内/以上 (a rate 控制在4‰以内 is a value).
  if (/^(以内|之内)/.test(next) && unit !== "%" && unit !== "‰") return false;
  if (/^(以上|以下)/.test(next) && /一次[^，。；,;]{0,8}$/.test(before(f, start, 12))) return false;
  // Context outside the region: 在全省57个县（市）中, 全国 … .
  if (OUTSIDE_END[lastNonSpace(f, start - 4, start)] && /(全省|全国|全球|全世界)\s*$/.test(before(f, start, 4))) return false;
  // Programme structure, not output: 措施 36 条, 实施 11 项健康江海行动 (NOTES).
  if (unit === "条" && /(措施|意见|规定|举措|要求|条例|办法)\s*$/.test(before(f, start, 6))) return false;
  if (unit === "项" && /^[^，。；,;]{0,8}(行动|工程|制度|基本公共卫生服务|服务包)/.test(f.slice(unitEnd, unitEnd + 12)) && !/(完成|新增|申报)/.test(before(f, start, 6))) return false;
  return true;
}

function chineseCandidate(f: string, start: number, end: number, raw: string): Candidate | null {
  // The numeral run may have swallowed a name (十九大): check names from the run start.
  const from = f.slice(start, start + 8);
  if (CN_NAME.test(from)) return null;
  // 一 is the indefinite article (一幢, 一支); a run starting with 一 only counts as 一百/一千.
  if (raw === "一" || (raw.startsWith("一") && !/^一[百千]/.test(raw))) return null;
  if (/^[零〇]/.test(raw)) return null;
  const value = parseChineseNumeral(raw);
  if (value === null || value === 0) return null;
  const prev = start > 0 ? f[start - 1]! : "";
  // 每千人口, 千人计划: a bare 千/百 is a denominator or a name, except as 近千人, 逾百家.
  if (/^[百千]/.test(raw) && !/(近|逾|超过|超)$/.test(before(f, start, 2))) return null;
  if (prev === "每" || prev === "第" || prev === "初" || prev === "周" || prev === "星" || /[\d一两二三四五六七八九十百千万]/.test(prev)) return null;
  if (inQuotes(f, start)) return null;
  const rest = f.slice(end, end + 12);
  const cls = CN_CLASSIFIER.exec(rest);
  if (!cls) return null;
  const word = cls[2]!;
  const afterCls = rest.slice(cls[0].length);
  if (SLOGAN_NOUN.test(rest) && !(word === "大" && /^[^，。；,;]{2,}中心/.test(afterCls))) return null;
  if (word === "大" && !/^[^，。；,;中]{2,8}(中心|基地|平台|园区)/.test(afterCls)) return null;
  if (word === "人" && /^(小组|组|工作|行|制)/.test(afterCls)) return null;
  if (word === "次" && !cls[1]) return null; // 二次供水, 三次会议 are too often names or ordinals
  if (/^(个|名|家)?(月|年|天|小时|周)/.test(rest.replace(/^(余|多)/, ""))) return null;
  const unitEnd = end + cls[0].length;
  return { start, end, value, multiplier: 1, unit: word === "大" ? "个" : word, unitEnd, inner: cls[1], chinese: true };
}
