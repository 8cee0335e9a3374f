// Character classes for the scans that run per character (clause and sentence ends, list
// separators): a table indexed by UTF-16 code, so a scan reads codes and never makes a
// one-character string (which, for Chinese text, V8 allocates anew each time).

/** A table with 1 at the code of every character of `chars` (BMP characters only). */
export function charTable(chars: string): Uint8Array {
  const table = new Uint8Array(0x10000);
  // (Never code 0: lastNonSpace answers 0 for "none".)
  for (let i = 0; i < chars.length; i++) if (chars.charCodeAt(i) !== 0) table[chars.charCodeAt(i)] = 1;
  return table;
}

/** 1 at the code of every character JavaScript's \s matches. */
export const WHITE_SPACE = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (/\s/.test(String.fromCharCode(c))) table[c] = 1;
  return table;
})();

/**
 * `s.replace(re, "")` for an end-anchored list of words, `/(?:w1|w2|…|\s)+$/` (optionally
 * wrapped in one more `(?:…)`): the regex runs only when `s` ends in a character that can end one
 * of the words. V8 tries an end-anchored pattern at every position of the string, and most
 * labels end in none of them. Words may carry a one-character lookbehind ((?<!签)约). For any
 * other shape of regex the returned function is the plain replace.
 */
export function trailingWordsStripper(re: RegExp): (s: string) => string {
  const plain = (s: string) => s.replace(re, "");
  const m = /^(?:\(\?:)?\(\?:([^()]*(?:\(\?<![^()]\)[^()|]*[^()]*)*)\)\+\)?\$$/.exec(re.source);
  if (!m || re.flags !== "") return plain;
  const ends = new Uint8Array(0x10000);
  for (const word of m[1]!.split("|")) {
    if (word === "\\s") {
      for (let c = 0; c < 0x10000; c++) if (WHITE_SPACE[c]) ends[c] = 1;
      continue;
    }
    const w = word.replace(/^\(\?<![^()]\)/, "");
    if (!w || /[\\()[\]{}?*+.^$|]/.test(w)) return plain;
    ends[w.charCodeAt(w.length - 1)] = 1;
  }
  return (s) => (s.length > 0 && ends[s.charCodeAt(s.length - 1)] ? s.replace(re, "") : s);
}

/**
 * The code of the last character of s[from, to) that is not white space (\s), or 0 when there is
 * none: what a regex ending in `(…)\s*$` over that slice can have matched last. A test of it in a
 * table lets most slices skip such a regex. (0, not -1: a table read at -1 is out of bounds, and
 * V8 throws away the optimised code of the caller the first time that happens; no table built by
 * charTable holds code 0.)
 */
export function lastNonSpace(s: string, from: number, to: number): number {
  for (let i = to - 1; i >= Math.max(0, from); i--) {
    const c = s.charCodeAt(i);
    if (!WHITE_SPACE[c]) return c;
  }
  return 0;
}
