// Full-width folding. Reports mix ASCII and full-width forms (28．65万人, 94．88％, －2．53‰) even
// inside one document. Folding is 1:1 per UTF-16 unit, so every offset in the folded text is an
// offset in the input: we match on the folded copy and slice quotes from the input.

const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

/** ０-９ ． ％ － （ ） ， ： … → ASCII; the ideographic space → a space. Same length. */
export function foldWidth(text: string): string {
  return text.replace(FULL_WIDTH, (c) => (c === "\u3000" ? " " : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
