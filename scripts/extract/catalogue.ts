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
}

export const compiledPatterns: CompiledPattern[] = catalogue.indicators.flatMap((indicator) =>
  indicator.patterns.map((p) => ({
    indicator,
    match: new RegExp(p.match),
    context: p.context ? new RegExp(p.context, "g") : null,
  })),
);
