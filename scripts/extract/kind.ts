// actual vs target. Plan sections hold targets; elsewhere a goal word earlier in the same
// sentence (力争, 拟, 计划, 目标, 任务数, 将, 预计 …) makes the number a target, unless the number
// reports how much of the goal was done (完成任务数的73.36%).
import type { MentionKind, Section } from "../../src/lib/schema";
import { charTable, lastNonSpace } from "./chars";

// 计划 but not 计划生育 (family planning); 将 as a future marker, not 将…调整为 (“put … into”).
// 争取 is a goal (争取达到…) except when it reports funds or projects obtained (争取上级资金3200万元).
const GOAL =
  /(力争|拟|计划(?!生育|免疫)|目标要求|目标任务|目标为|目标是|任务数|规划至|规划到|预计|争取(?!到|上级|中央|省级?|市级?|国家|各级|资金|项目|专项|债券|政策)|确保|将(?=具备|达到|建成|新增|完成|实现|覆盖|提升|提高|增加|投入|有|全面)|建成后|完成后将|要求达到)/;
// What the goal word must not be preceded by to count: 完成任务数的, 超额完成.
// (计划完成…任务4000人 is a target: the share needs 的 or a percentage after it.)
const DONE_BEFORE_NUMBER = /(完成|占|达成)[^，。；,;]{0,6}(任务数|任务|目标|计划)的\s*$/;
const DONE_SHARE = /(完成|占|达成)[^，。；,;]{0,6}(任务数|任务|目标|计划)\s*$/;
// Goal words written after the number inside its clause: 1.6万户户厕改造任务.
const GOAL_AFTER = /^[^，。；,;]{0,12}(改造任务|建设任务|任务数|目标任务)/;

// Norms a value is measured against: 按床人比1：1.5的比例, 编制总数大于1.19/万.
const NORM = /(按|按照|依照|参照)[^，。；,;]{0,10}$/;
// 建成 + number is a forecast when the paragraph says when it will be done (预计10月底上线).
const BUILD_VERB = /(建成|建设|新建)\s*$/;
const FORECAST = /(预计|计划|力争|争取)/;

// Last characters the end-anchored patterns above can end their words with (before \s*$): a
// clause ending in none of them skips the pattern.
const DONE_BEFORE_END = charTable("的");
const DONE_SHARE_END = charTable("数务标划");
const BUILD_VERB_END = charTable("成设建");
const NORM_WORD = charTable("按照"); // 按, 按照, 依照, 参照 end in one of these

/** Whether a NORM match can end the clause: one of its words within the last 12 characters (word + {0,10}). */
function mayBeNorm(clause: string): boolean {
  for (let i = Math.max(0, clause.length - 12); i < clause.length; i++) if (NORM_WORD[clause.charCodeAt(i)]) return true;
  return false;
}

export function kindOf(opts: {
  section: Section | null;
  sentence: string;
  clause: string;
  after: string;
  unit: string | null;
  qualifier: string | null;
  paragraphAfter: string;
}): MentionKind {
  // (Not `opts.section?.role === "plan"`: undefined compared with a string threw away extract's
  // optimised code, where this is inlined, at the first number outside any section.)
  if (opts.section !== null && opts.section.role === "plan") return "target";
  const last = lastNonSpace(opts.clause, 0, opts.clause.length);
  if (DONE_BEFORE_END[last] && DONE_BEFORE_NUMBER.test(opts.clause)) return "actual";
  if (opts.unit === "%" && DONE_SHARE_END[last] && DONE_SHARE.test(opts.clause)) return "actual";
  if (/已(经)?(完成|建成)/.test(opts.sentence)) return "actual";
  if (mayBeNorm(opts.clause) && NORM.test(opts.clause)) return "target";
  if (opts.unit?.startsWith("/") && (opts.qualifier === "more_than" || opts.qualifier === "at_least")) return "target";
  if (BUILD_VERB_END[last] && BUILD_VERB.test(opts.clause) && !/已/.test(opts.clause) && FORECAST.test(opts.paragraphAfter)) return "target";
  if (GOAL.test(opts.sentence)) return "target";
  if (opts.after.includes("任务") && GOAL_AFTER.test(opts.after) && !/完成/.test(opts.clause)) return "target"; // (every GOAL_AFTER word holds 任务)
  return "actual";
}

// 截至6月20日, 截止7月11日, 至六月底, 截止12月底.
const AS_OF = /(截至|截止到?|至)\s*((?:\d{4}\s*年\s*)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(?:\d{1,2}\s*日|底|末|份)?|\d{4}\s*年(?:底|末)|年底|目前)/g;

/** The last as-of date stated earlier in the sentence, as written. */
export function asOfIn(sentence: string): string | null {
  // Every match starts with 截 or 至.
  if (!sentence.includes("至") && !sentence.includes("截")) return null;
  return lastAsOf(sentence);
}

/** asOfIn without its short cut (tests check that the two agree). */
export function lastAsOf(sentence: string): string | null {
  let last: string | null = null;
  AS_OF.lastIndex = 0;
  for (let m = AS_OF.exec(sentence); m; m = AS_OF.exec(sentence)) last = m[0].replace(/\s+/g, "");
  return last;
}
