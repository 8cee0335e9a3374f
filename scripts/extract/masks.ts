// Values hidden with * in anonymised reports (***万元, **％). A run of * is a masked value only
// when a unit or classifier follows it; before other text it hides a name (健康**, **镇, **市),
// and ** around prose is Markdown bold. Masked values are never numbers, so never 0.
import type { MaskedValue } from "../../src/lib/schema";
import { UNITS } from "./units";
import { clauseBefore } from "./labels";

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const UNIT_ALT = [...UNITS, "万平方米"].sort((a, b) => b.length - a.length).map(escape).join("|");
const MASK = new RegExp(`\\*+(?=\\s*(余|多)?(万|亿)?(${UNIT_ALT}))`, "g");
// Classifiers that open ordinary words after a name mask: **户外猩球 (户外 = outdoor), **组工 (document).
const NOT_UNIT_AFTER = /^(户外|组工|处理|条例|个人|家庭|家属|名单|所长|所在|台账|位于|部门|对口|座谈|处置|天然|人民|人员)/;

export function findMasked(text: string, f: string): MaskedValue[] {
  const out: MaskedValue[] = [];
  MASK.lastIndex = 0;
  for (let m = MASK.exec(f); m; m = MASK.exec(f)) {
    const start = m.index;
    const end = start + m[0].length;
    const rest = f.slice(end, end + 8);
    if (NOT_UNIT_AFTER.test(rest)) continue;
    // Markdown bold closes a run of prose: **加强人才队伍建设。** — a mask sits inside prose.
    const tail = new RegExp(`^\\s*(?:余|多)?((?:万|亿)?(?:${UNIT_ALT}))`).exec(rest)!;
    const unit = tail[1]!;
    const unitEnd = end + tail[0].length;
    const cs = clauseBefore(f, start);
    const label = text.slice(cs, start).trim() || text.slice(unitEnd, unitEnd + 12).split(/[，。；,;]/)[0]!;
    out.push({ mask: m[0], unit, label, start, end, quote: text.slice(Math.min(cs, start), unitEnd) });
  }
  return out;
}
