// The label of a number: the metric phrase it measures. Chinese report prose writes either
// "label + number" (应急队伍人员共800人) or "verb + number + classifier + noun" (完成 1037 例宫颈癌
// 免费筛查, 3家集中隔离点). We take the clause before the number, strip the verbs and fillers
// that join it to the number, and fall back to the noun after the unit when nothing is left.

import { charTable, trailingWordsStripper } from "./chars";

// Clause boundaries inside a sentence (folded text). Code tables, not regexes: these scans run
// per character for every number.
const CLAUSE_END = charTable("，；：！？、,;:。!?\n");
const SENTENCE_END = charTable("。!?\n；;！？");

// Joining words between a label and its number: 达到, 为, 共, 累计 …
const JOINERS =
  /(?:(?:均|已|共|总共|合计|累计|共计|分别|仅|达|已达|达到|到达|提高到|提高至|提升至|提升到|上升至|下降至|下降到|降低到|降低至|降至|增至|增加到|控制在|保持在|稳定在|维持在|均在|完成|保持|稳定|维持|为|是|有|计|(?<!签)约|近|超过|超|大于|不少于|不低于|逾|了|，|\s)+)$/;
const stripJoiners = trailingWordsStripper(JOINERS);
// Verbs that start a clause and belong to no label: 完成, 开展, 组建 …
const LEAD =
  /^(?:(?:共有|现有|拥有|其中|全年|上半年|今年|目前|现|截至[^,，]{0,12}|截止[^,，]{0,12}|共|累计|全区|全市|全县|我区|我市|我县|我局|我委|已|并|同时|另|此外|和|及|与|先后|分别|完成了?|开展了?|组织了?|组建了?|建成了?|建立了?|推进|实现|投入|选送|发动|吸纳|抽调|指定|培训|发放|检查|出动|召开了?|发布|举办了?|设置|设立|创建|评选出)\s*)+/;

export interface LabelParts {
  /** The clause before the number, as written (not trimmed of verbs): for mapping. */
  clause: string;
  clauseStart: number;
  /** The label proper. */
  label: string;
  labelStart: number;
  /** The noun phrase after the unit, to the clause end. */
  after: string;
  afterEnd: number;
  /** Sentence text before the clause, for context (规范管理率 after 高血压患者…). */
  sentenceStart: number;
}

export function clauseBefore(text: string, pos: number): number {
  let i = pos;
  while (i > 0 && !CLAUSE_END[text.charCodeAt(i - 1)] && pos - i < 60) i--;
  return i;
}

/** Every position right after a sentence end in the last text asked about (one scan per text, not per number). */
let sentenceBounds: { text: string; after: Int32Array } | null = null;

function boundsOf(text: string): Int32Array {
  if (sentenceBounds?.text !== text) {
    const after: number[] = [];
    for (let i = 0; i < text.length; i++) if (SENTENCE_END[text.charCodeAt(i)]) after.push(i + 1);
    sentenceBounds = { text, after: Int32Array.from(after) };
  }
  return sentenceBounds.after;
}

/** Where the sentence holding `pos` starts: after the last sentence end before it, at most 400 characters back. */
export function sentenceStartOf(text: string, pos: number): number {
  const after = boundsOf(text);
  // The last boundary at or before pos (binary search).
  let lo = 0;
  let hi = after.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (after[mid]! <= pos) lo = mid + 1;
    else hi = mid;
  }
  return Math.max(lo > 0 ? after[lo - 1]! : 0, pos - 400);
}

/** The noun phrase after the unit, up to the clause end (at most 24 characters). */
function afterPhrase(f: string, unitEnd: number): string {
  let j = unitEnd;
  while (j < f.length && !CLAUSE_END[f.charCodeAt(j)] && j - unitEnd < 24) j++;
  return f.slice(unitEnd, j);
}

export function labelParts(text: string, f: string, start: number, unitEnd: number): LabelParts {
  const clauseStart = clauseBefore(f, start);
  const clause = text.slice(clauseStart, start);
  let body = stripJoiners(clause);
  const lead = LEAD.exec(body);
  let offset = 0;
  if (lead) {
    // A clause that is only a verb (完成 1037 例…) leaves no label before the number.
    offset = lead[0].length;
    body = body.slice(offset);
  }
  body = body.replace(/^[“"（(]+/, "");
  const after = afterPhrase(f, unitEnd);
  const afterText = text.slice(unitEnd, unitEnd + after.length);
  let label = body.trim();
  let labelStart = clauseStart + clause.indexOf(label);
  if (!label && clauseStart > 1 && f[clauseStart - 1] === ":") {
    // A table-like line: 门急诊人次：62.35万人次 — the label stands before the colon.
    const prevStart = clauseBefore(f, clauseStart - 1);
    const prev = text.slice(prevStart, clauseStart - 1).trim();
    if (prev.length >= 2 && !/\d/.test(prev)) {
      label = prev;
      labelStart = prevStart + text.slice(prevStart, clauseStart - 1).indexOf(prev);
    }
  }
  if (label.length < 2 || /^[的了和及与在对]$/.test(label)) {
    // Verb + number + noun: the noun after the unit is the label (完成 69 名新生儿疾病筛查).
    label = afterText.replace(/^(的|已|均|在)/, "").replace(/[，。；].*$/, "").slice(0, 20) || label;
    labelStart = unitEnd;
  }
  if (labelStart < 0) labelStart = clauseStart;
  return {
    clause,
    clauseStart,
    label: label || text.slice(start, unitEnd),
    labelStart,
    after: afterText,
    afterEnd: unitEnd + after.length,
    sentenceStart: sentenceStartOf(f, start),
  };
}
