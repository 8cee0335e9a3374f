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
  /** A literal every match must contain: a cheap includes() before the regex runs. */
  literal: string | null;
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

export const compiledPatterns: CompiledPattern[] = catalogue.indicators.flatMap((indicator) =>
  indicator.patterns.map((p) => ({
    indicator,
    match: new RegExp(p.match),
    context: p.context ? new RegExp(p.context, "g") : null,
    literal: requiredLiteral(p.match),
  })),
);
