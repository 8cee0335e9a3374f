// Splits a report's cleaned body into blocks (headings and paragraphs) with the extracted
// numbers marked, for the report page to render as text (never as HTML: the text is untrusted).
import type { Mention, OffsetRun, Section } from "./schema";
import { toCleaned } from "./offsets";

export interface MarkSegment {
  kind: "mark";
  text: string;
  /** The mention's start in the original text: the anchor is #m-<start>. */
  start: number;
  mention: Mention;
}
export type Segment = { kind: "text"; text: string } | MarkSegment;

export interface Block {
  kind: "heading" | "paragraph";
  /** Heading level 2–6 for headings (rank 1 → h2). */
  level: number;
  /** The section id for headings, so the table of contents can link to it. */
  sectionId?: string;
  segments: Segment[];
}

export function blocksOf(body: string, sections: readonly Section[], mentions: readonly Mention[], runs: readonly OffsetRun[]): Block[] {
  const headingAt = new Map<number, Section>();
  for (const s of sections) headingAt.set(toCleaned(runs, s.start), s);
  const marks = mentions
    .map((m) => ({ m, start: toCleaned(runs, m.start), end: toCleaned(runs, m.end - 1) + 1 }))
    .sort((a, b) => a.start - b.start);
  const blocks: Block[] = [];
  let markIndex = 0;
  const lineRe = /[^\n\r]+/g;
  for (let lm = lineRe.exec(body); lm; lm = lineRe.exec(body)) {
    const raw = lm[0];
    const lead = raw.length - raw.trimStart().length;
    const lineStart = lm.index + lead;
    const lineEnd = lm.index + raw.trimEnd().length;
    if (lineEnd <= lineStart) continue;
    const section = headingAt.get(lineStart);
    const segments: Segment[] = [];
    let pos = lineStart;
    while (markIndex < marks.length && marks[markIndex]!.start < lineStart) markIndex++;
    while (markIndex < marks.length && marks[markIndex]!.end <= lineEnd) {
      const mk = marks[markIndex++]!;
      if (mk.start < pos) continue; // overlapping marks: keep the first
      if (mk.start > pos) segments.push({ kind: "text", text: body.slice(pos, mk.start) });
      segments.push({ kind: "mark", text: body.slice(mk.start, mk.end), start: mk.m.start, mention: mk.m });
      pos = mk.end;
    }
    if (pos < lineEnd) segments.push({ kind: "text", text: body.slice(pos, lineEnd) });
    // A heading line that runs on into prose (一是全面加强党的建设。坚定…) stays a paragraph
    // with an anchor, so the page reads as written.
    const isHeadingOnly = section && lineEnd - lineStart <= section.marker.length + section.title.length + 6;
    blocks.push({
      kind: isHeadingOnly ? "heading" : "paragraph",
      level: section ? Math.min(section.depth + 1, 6) : 0,
      sectionId: section?.id,
      segments,
    });
  }
  return blocks;
}
