// Stage 2: decoded text → cleaned text for reading and extraction, with a map back to the
// original. Cleaning only removes characters (line-end CRs, breaks inside a sentence), so every
// kept character has exactly one original position.
import type { OffsetRun } from "../../src/lib/schema";

export interface CleanText {
  text: string;
  runs: OffsetRun[];
  /** How many sentence-internal line breaks were repaired. */
  repairedBreaks: number;
}

const HEADING_START =
  /^[\s\u3000]*(?:[一二三四五六七八九十]+[、是]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、](?!\d))/;
const SENTENCE_END = /[。！？；：!?;:…”’」』）)】\]*]$/;
const CJK_OR_DIGIT_START = /^[\u3400-\u9fff\uff10-\uff19\d，、。；）)％%]/;

class RunBuilder {
  text = "";
  runs: OffsetRun[] = [];
  keep(original: string, origStart: number) {
    if (!original) return;
    const last = this.runs[this.runs.length - 1];
    if (last && last[0] + last[2] === this.text.length && last[1] + last[2] === origStart) last[2] += original.length;
    else this.runs.push([this.text.length, origStart, original.length]);
    this.text += original;
  }
}

/**
 * A break is repaired when a long prose line stops without sentence-final punctuation and the
 * next non-blank line continues it (starts with a Chinese character, digit or clause
 * punctuation and is not a numbered heading), as in 结果均为阴\n\n性 of a scraped page.
 */
function isBrokenSentence(line: string, next: string): boolean {
  const prev = line.trimEnd();
  if (prev.length < 40) return false;
  if (SENTENCE_END.test(prev)) return false;
  // A heading alone on its line is not broken; a heading followed by prose on the same line is.
  if (HEADING_START.test(prev) && !/[。；]/.test(prev)) return false;
  const nextTrim = next.trimStart();
  if (!CJK_OR_DIGIT_START.test(nextTrim)) return false;
  // Never glue digits into a new number across a break (省级媒0 | 486篇): a number must be
  // contiguous in the original text for its offsets to hold.
  if (/[\d０-９.．]$/.test(prev) && /^[\d０-９]/.test(nextTrim)) return false;
  if (HEADING_START.test(next)) return false;
  return true;
}

export function clean(original: string): CleanText {
  const out = new RunBuilder();
  // Split into lines keeping track of each line's start and its terminator.
  const lines: { start: number; body: string; end: string }[] = [];
  const re = /\r\n|\r|\n/g;
  let pos = 0;
  for (let m = re.exec(original); m; m = re.exec(original)) {
    lines.push({ start: pos, body: original.slice(pos, m.index), end: m[0] });
    pos = m.index + m[0].length;
  }
  lines.push({ start: pos, body: original.slice(pos), end: "" });

  let repairedBreaks = 0;
  for (let i = 0; i < lines.length; i++) {
    let current = lines[i]!;
    out.keep(current.body, current.start);
    let logicalLine = current.body;
    // Join continuations across blank lines while the logical line reads as one broken sentence.
    while (current.end) {
      let j = i + 1;
      while (j < lines.length && lines[j]!.body.trim() === "" && j - i <= 3) j++;
      const next = lines[j];
      if (!next || next.body.trim() === "" || !isBrokenSentence(logicalLine, next.body)) break;
      const lead = next.body.length - next.body.trimStart().length;
      out.keep(next.body.slice(lead), next.start + lead);
      logicalLine += next.body.slice(lead);
      repairedBreaks++;
      current = next;
      i = j;
    }
    // Line ends become \n in place: a CRLF loses its CR, a lone CR is read as \n (same length,
    // so positions still map one to one).
    if (current.end === "\r\n") out.keep("\n", current.start + current.body.length + 1);
    else if (current.end) out.keep("\n", current.start + current.body.length);
  }
  // Nothing removed (no CR, no broken sentence): the text is the original itself, not a copy
  // built line by line.
  const whole = out.runs.length === 1 && out.text.length === original.length;
  return { text: whole ? original : out.text, runs: out.runs, repairedBreaks };
}
