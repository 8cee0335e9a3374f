// Numbers as written: ASCII digits (after folding) and Chinese numerals used as counts (两家, 二十余次).

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 两 → 2, 十二 → 12, 二十 → 20, 三百五十 → 350; null when it is not a plain numeral. */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      if (digit !== null) return null; // 二三 is not a number
      digit = CN_DIGIT[ch]!;
    } else if (ch in CN_UNIT) {
      total += (digit ?? 1) * CN_UNIT[ch]!;
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

/** A folded ASCII number ("-2.53", "105.59") → its value. */
export function parseDigits(s: string): number {
  return Number(s);
}
