// Stage 4–5: indicator mentions and canonical indicators. (Being built under issue 3.)
import type { Mention, MaskedValue, Section } from "../../src/lib/schema";

export const EXTRACTOR_VERSION = "0.0.0";

export interface ExtractInput {
  /** The cleaned text of the report; every offset returned refers to it. */
  text: string;
  /** Its outline, offsets in the same text. */
  sections: readonly Section[];
}

export interface ExtractOutput {
  mentions: Mention[];
  masked: MaskedValue[];
}

export function extract(_input: ExtractInput): ExtractOutput {
  return { mentions: [], masked: [] };
}
