// Stage 3a: the section outline. Chinese official reports number their sections in a fixed
// hierarchy — 一、 > （一） > 1. > （1） > 一是 — and the top sections say what they hold:
// work done, problems, the plan for the next period.
import type { Section, SectionRole } from "../../src/lib/schema";
import { charTable, WHITE_SPACE } from "../extract/chars";

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 一 → 1, 十二 → 12, 二十三 → 23 (enough for list numbers). */
export function chineseNumeral(s: string): number | null {
  if (!s) return null;
  if (/^\d+$/.test(s)) return Number(s);
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch === "十") {
      total += (digit || 1) * 10;
      digit = 0;
    } else if (ch === "百") {
      total += (digit || 1) * 100;
      digit = 0;
    } else if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!;
    else return null;
  }
  return total + digit;
}

interface HeadingPattern {
  rank: Section["rank"];
  re: RegExp;
}

// Each pattern matches at a line start (after indentation); group 1 is the number.
const PATTERNS: HeadingPattern[] = [
  { rank: 1, re: /^([一二三四五六七八九十]{1,3})、/ },
  { rank: 2, re: /^[（(]\s*([一二三四五六七八九十]{1,3})\s*[）)]/ },
  { rank: 3, re: /^(\d{1,2})\s*[.．、](?!\d)/ },
  { rank: 4, re: /^[（(](\d{1,2})[）)]/ },
  { rank: 5, re: /^([一二三四五六七八九十]{1,3})是/ },
];

const HEADING_START = charTable("一二三四五六七八九十（(0123456789");

const PLAN_WORDS = /计划|谋划|打算|下一步|思路|展望|安排|重点工作|工作要点/;
const PROBLEM_WORDS = /问题|不足|困难|短板|差距|薄弱/;

function headingTitle(line: string, markerLength: number): string {
  let rest = line.slice(markerLength).trim();
  // Bold markers left over from a Markdown export: **加强人才队伍建设。**
  rest = rest.replace(/\*\*/g, "");
  const stop = rest.search(/[。；;]/);
  const title = stop >= 0 ? rest.slice(0, stop) : rest;
  return title.length > 48 ? title.slice(0, 48) + "…" : title;
}

function roleOfTitle(title: string): SectionRole | null {
  if (PLAN_WORDS.test(title)) return "plan";
  if (PROBLEM_WORDS.test(title) && title.length <= 16) return "problems";
  return null;
}

interface RawHeading {
  rank: Section["rank"];
  number: number;
  marker: string;
  title: string;
  start: number;
}

function findHeadings(text: string): RawHeading[] {
  const headings: RawHeading[] = [];
  const lineRe = /[^\n\r]*(?:\r\n|\n|\r|$)/g;
  for (let m = lineRe.exec(text); m && m[0].length; m = lineRe.exec(text)) {
    const raw = m[0];
    let indent = 0; // (leading [\s\u3000]+)
    while (indent < raw.length && WHITE_SPACE[raw.charCodeAt(indent)]) indent++;
    // Every heading pattern starts with a numeral, a digit or an opening parenthesis.
    if (indent === raw.length || !HEADING_START[raw.charCodeAt(indent)]) continue;
    const line = raw.slice(indent).replace(/[\r\n]+$/, "");
    if (!line) continue;
    for (const p of PATTERNS) {
      const hm = p.re.exec(line);
      if (!hm) continue;
      const number = chineseNumeral(hm[1]!);
      if (number === null || number === 0) continue;
      const title = headingTitle(line, hm[0].length);
      if (!title) continue;
      headings.push({ rank: p.rank, number, marker: hm[0], title, start: m.index + indent });
      break;
    }
  }
  return headings;
}

/** The last text closingStart was asked about, and its answer (outline, region and date all ask). */
let lastClosing: { text: string; at: number } | null = null;

/** Where the signature block (issuer and date at the end) starts, if there is one. */
export function closingStart(text: string): number {
  if (lastClosing?.text === text) return lastClosing.at;
  const at = findClosing(text);
  lastClosing = { text, at };
  return at;
}

function findClosing(text: string): number {
  const tail = text.slice(-400);
  const m = /\n[\s\u3000]*(?:[^\n]{2,30}(?:局|委员会|委|办公室)[\s\u3000]*\n[\s\u3000]*)?(?:\d{4}|[二〇一九零]{4})\s*年\s*[\d一二三四五六七八九十]{1,2}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日[\s\u3000]*$/.exec(
    tail,
  );
  return m ? text.length - tail.length + m.index + 1 : text.length;
}

/**
 * The outline of a report: every numbered heading with its range (from the heading to the next
 * heading of the same or a higher rank) and the role of the top section it belongs to.
 */
export function parseOutline(text: string): Section[] {
  const raw = findHeadings(text);
  const end = closingStart(text);
  const sections: Section[] = [];
  const stack: { section: Section; childCount: number }[] = [];
  let topCount = 0;
  let lastTopNumber = 0;
  let topRole: SectionRole = "summary";
  let everProblems = false;

  for (const h of raw) {
    if (h.start >= end) break;
    while (stack.length && stack[stack.length - 1]!.section.rank >= h.rank) {
      const closed = stack.pop()!;
      closed.section.end = h.start;
    }
    const parent = stack[stack.length - 1];
    let role: SectionRole;
    if (!parent) {
      const own = roleOfTitle(h.title);
      if (own) role = own;
      else if (h.number <= lastTopNumber && h.number === 1) {
        // The top numbering restarts: a closing list after the problems paragraph is the plan.
        const before = text.slice(Math.max(0, h.start - 400), h.start);
        role = everProblems || /下一步|今后|问题/.test(before) ? "plan" : "summary";
      } else role = topRole === "plan" ? "plan" : "summary";
      topRole = role;
      if (role === "problems") everProblems = true;
      lastTopNumber = h.number;
      topCount++;
    } else {
      role = parent.section.role;
    }
    const id = parent ? `${parent.section.id}.${++parent.childCount}` : String(topCount);
    const section: Section = {
      id,
      rank: h.rank,
      depth: stack.length + 1,
      marker: h.marker.trim(),
      title: h.title,
      start: h.start,
      end,
      role,
    };
    sections.push(section);
    stack.push({ section, childCount: 0 });
  }
  return sections;
}

/** The innermost section holding a position, or null before the first heading. */
export function sectionAt(sections: readonly Section[], position: number): Section | null {
  let found: Section | null = null;
  for (const s of sections) {
    if (s.start > position) break;
    if (position < s.end && (!found || s.depth > found.depth)) found = s;
  }
  return found;
}
