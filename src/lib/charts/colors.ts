// Province colours: a stable categorical palette keyed by province, the same on every chart
// and legend of a page.
import { zh } from "../corpus";
const PALETTE = [
  "#4269d0", "#efb118", "#ff725c", "#6cc5b0", "#3ca951", "#ff8ab7", "#a463f2", "#97bbf5", "#9c6b4e", "#9498a0",
  "#1f4e9c", "#b8860b", "#c0392b", "#2a9d8f", "#2d6a4f", "#d63384", "#6f42c1", "#5dade2", "#6d4c41", "#5f6368",
];

export function provinceColors(provinces: Iterable<string>): Map<string, string> {
  const sorted = [...new Set(provinces)].sort((a, b) => zh.compare(a, b));
  return new Map(sorted.map((p, i) => [p, PALETTE[i % PALETTE.length]!]));
}
