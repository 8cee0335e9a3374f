// The searchable text of one report: exactly what its page shows, as lines. Line 0 is the title
// (the page's <h1>), line 1 the region as the page's metadata shows it, then every non-empty body
// line trimmed, as src/lib/body.ts renders them (one paragraph or heading per line). A match
// never spans two lines, as Ctrl-F never spans two paragraphs.
// Pure: shared by the index builder (scripts/search-index.ts), the evaluation and the tests.

export interface HeaderInput {
  title: string;
  region: { name: string; level: string; prefecture: string | null; province: string; gbCode: string } | null;
}

export const UNKNOWN_REGION_LABEL = "地区不详";

/** The region line as the report page prints it. */
export function regionLine(region: HeaderInput["region"]): string {
  if (!region) return UNKNOWN_REGION_LABEL;
  return `${region.province}${region.prefecture ? " " + region.prefecture : ""} ${region.name}（${region.level}，代码 ${region.gbCode}）`;
}

/** Body lines as the report page renders them: split on line breaks, trimmed, empty ones dropped. */
export function bodyLines(body: string): string[] {
  const out: string[] = [];
  for (const m of body.matchAll(/[^\n\r]+/g)) {
    const line = m[0].trim();
    if (line) out.push(line);
  }
  return out;
}

/** The searchable lines of a report: title, region, body. */
export function searchLines(entry: HeaderInput, body: string): string[] {
  return [entry.title.trim(), regionLine(entry.region), ...bodyLines(body)];
}

/** Number of header lines (title, region) at the start of searchLines(). */
export const HEADER_LINES = 2;

/**
 * Case folding, one code point at a time so positions never move (Ctrl-F ignores Latin case).
 * Chinese characters are unchanged.
 */
export function fold(text: string): string[] {
  const out: string[] = [];
  for (const ch of text) {
    const lower = ch.toLowerCase();
    out.push([...lower].length === 1 ? lower : ch);
  }
  return out;
}

const SPACE = /\s/u;
export function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}
