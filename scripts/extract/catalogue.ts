// The project's indicator catalogue (content/catalogue.json), typed, with its label patterns
// compiled once. Data, not code: adding an indicator or a synonym means editing the JSON.
import raw from "../../content/catalogue.json" with { type: "json" };

export interface CataloguePattern {
  /** Regex over `<label before the number>#<noun after the unit>` in folded text. */
  match: string;
  /** Regex that must also match earlier in the sentence (规范管理率 after 高血压患者…). */
  context?: string;
}

export interface CatalogueIndicator {
  id: string;
  zh: string;
  unit: string;
  topic: string;
  group: string;
  kind: string;
  synonyms: string[];
  patterns: CataloguePattern[];
  comparable: string;
  perCapita: boolean;
}

export interface Catalogue {
  version: number;
  indicators: CatalogueIndicator[];
}

export const catalogue = raw as Catalogue;

export interface CompiledPattern {
  indicator: CatalogueIndicator;
  match: RegExp;
  context: RegExp | null;
  /**
   * Literals of which every match contains at least one (a cheap includes() before the regex
   * runs): [its required literal], or when the pattern has no single one, the literals of the
   * alternatives of a group it requires ((急救车|救护车辆)#). Null when unsure: the regex then
   * runs on every label.
   */
  anyOf: string[] | null;
}

/**
 * The longest run of CJK characters a regex source requires: text outside groups and classes,
 * not followed by a quantifier that allows zero. Null when unsure (top-level alternation).
 */
export function requiredLiteral(source: string): string | null {
  let depth = 0;
  let inClass = false;
  let top = "";
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\\") {
      top += depth || inClass ? "" : " ";
      i++;
      continue;
    }
    if (inClass) {
      if (ch === "]") inClass = false;
      continue;
    }
    if (ch === "[") inClass = true;
    else if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (depth === 0) {
      if (ch === "|") return null;
      const next = source[i + 1];
      top += next === "?" || next === "*" || (next === "{" && source[i + 2] === "0") ? " " : ch;
    }
    if (depth > 0 || ch === "[" || ch === ")") top += " ";
  }
  const runs = top.match(/[\u3400-\u9fff“”]+/g) ?? [];
  return runs.sort((a, b) => b.length - a.length)[0] ?? null;
}

/**
 * Literals of which every match of a regex source contains one: its required literal, or else
 * those of the alternatives of a group at the top level that must match (a capturing or (?:…)
 * group with no quantifier allowing zero after it), when each alternative has one. Null when unsure.
 */
export function requiredAnyOf(source: string): string[] | null {
  const literal = requiredLiteral(source);
  if (literal) return [literal];
  let open = -1;
  for (const m of groupMarks(source)) {
    if (m.depth !== 0) continue;
    if (m.ch === "|") return null;
    if (m.ch === "(") {
      open = m.i;
      continue;
    }
    const inner = source.slice(open + 1, m.i);
    const next = source[m.i + 1];
    // Lookarounds and optional groups promise nothing; named groups and other forms: unsure.
    if (/^\?[=!<]/.test(inner) || next === "?" || next === "*" || (next === "{" && source[m.i + 2] === "0")) continue;
    const body = inner.startsWith("?:") ? inner.slice(2) : inner;
    if (body.startsWith("?")) continue;
    const literals = splitTopLevel(body).map((a) => requiredLiteral(a));
    if (literals.every((l): l is string => l !== null)) return [...new Set(literals)];
  }
  return null;
}

/** The ( ) | of a regex source outside classes and escapes, each with the group depth it stands at. */
function groupMarks(source: string): { i: number; ch: string; depth: number }[] {
  const marks: { i: number; ch: string; depth: number }[] = [];
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === "\\") i++;
    else if (inClass) inClass = ch !== "]";
    else if (ch === "[") inClass = true;
    else if (ch === "(") marks.push({ i, ch, depth: depth++ });
    else if (ch === ")") marks.push({ i, ch, depth: --depth });
    else if (ch === "|") marks.push({ i, ch, depth });
  }
  return marks;
}

/** A regex source split at its top-level `|`. */
function splitTopLevel(source: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const m of groupMarks(source)) {
    if (m.ch !== "|" || m.depth !== 0) continue;
    parts.push(source.slice(from, m.i));
    from = m.i + 1;
  }
  parts.push(source.slice(from));
  return parts;
}

export const compiledPatterns: CompiledPattern[] = catalogue.indicators.flatMap((indicator) =>
  indicator.patterns.map((p) => ({
    indicator,
    match: new RegExp(p.match),
    context: p.context ? new RegExp(p.context, "g") : null,
    anyOf: requiredAnyOf(p.match),
  })),
);
