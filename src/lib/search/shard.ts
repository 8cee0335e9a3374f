// Where things live in the search index, and the report table. Shared by the index builder and
// the browser client, so both hash keys and number reports the same way.

/** FNV-1a over the UTF-16 code units of the key, as an unsigned 32-bit integer. */
export function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function shardOf(key: string, shardCount: number): number {
  return shardOfHash(hashKey(key), shardCount);
}

/** shardOf from the key's hash (the index builder hashes gram keys code point by code point, core.ts fnvCode). */
export function shardOfHash(hash: number, shardCount: number): number {
  return hash % shardCount;
}

export function shardFile(shard: number): string {
  return `s${shard.toString(36)}.json`;
}

/** Report rows (id, title, date) come in chunks of this many consecutive report numbers. */
export const ROWS_PER_CHUNK = 16;

export function rowsFile(doc: number): string {
  return `r/${Math.floor(doc / ROWS_PER_CHUNK).toString(36)}.json`;
}

/**
 * Lists too long for their shard are gzip members appended to pack files f/<n>.bin, read with an
 * HTTP Range request (any static host serves ranges): ~90,000 list files and their .gz
 * siblings at 10,000 reports became a few packs (creating a file costs ~0.36 ms of system CPU
 * on the build machine). A shard entry refers to a list as "<pack>:<offset>:<length>", base 36.
 */
export interface ListLocation {
  file: string;
  offset: number;
  length: number;
}

export function packFile(pack: number): string {
  return `f/${pack.toString(36)}.bin`;
}

export function listRef(pack: number, offset: number, length: number): string {
  return `${pack.toString(36)}:${offset.toString(36)}:${length.toString(36)}`;
}

export function parseListRef(ref: string): ListLocation {
  const m = /^([0-9a-z]+):([0-9a-z]+):([0-9a-z]+)$/.exec(ref);
  if (!m) throw new Error(`not a list reference: ${ref}`);
  return { file: packFile(parseInt(m[1]!, 36)), offset: parseInt(m[2]!, 36), length: parseInt(m[3]!, 36) };
}

/** The filter groups of the search page, as URL parameters (/search/?q=…&province=…). */
export const FILTER_KEYS = ["province", "prefecture", "county", "year", "period"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The value of a report that a filter with no value for it matches (地区不详, 年份不详). */
export const UNKNOWN = "不详";

/** A report's value in a filter group, as the page shows and the URL holds it. */
export function filterValue(doc: DocMeta, key: FilterKey): string {
  switch (key) {
    case "province":
      return doc.province ?? UNKNOWN;
    case "prefecture":
      return doc.prefecture ?? UNKNOWN;
    case "county":
      return doc.county ?? UNKNOWN;
    case "year":
      return doc.year ? String(doc.year) : UNKNOWN;
    case "period":
      return doc.periodLabel ?? UNKNOWN;
  }
}

/**
 * The index key of a filter value: a count list of the reports with that value, so a filtered
 * query needs those lists instead of every report's values (meta.json). Text keys never hold a
 * line break, so these cannot collide with them.
 */
export function filterKeyOf(key: FilterKey, value: string): string {
  return `\n${key}\n${value}`;
}

/** Index format version: bump when the files change shape. */
export const INDEX_VERSION = 5;

/**
 * What filtering and faceting need for one report (meta.json, loaded only when a query has
 * filters or once its first rows are drawn). Reports are numbered by publication date, newest
 * first (unknown dates last, then by id), so the report number is the date order.
 */
export interface DocMeta {
  county: string | null;
  prefecture: string | null;
  province: string | null;
  year: number | null;
  periodLabel: string | null;
}

/** What a result row shows; loaded in chunks only for the rows on or near the screen. */
export interface DocRow extends DocMeta {
  id: string;
  title: string;
  published: string | null;
}

/** table.json: what every query needs first, a few bytes however large the corpus. */
export interface SearchTable {
  version: number;
  shardCount: number;
  /** Terms of 3–6 characters whose covering pairs have more positions than this are keys of their own. */
  bound: number;
  /** Reports in the index. */
  count: number;
}

/**
 * meta.json as written: regions and periods as small integers into string tables, one column
 * per field (−1 = unknown), years as offsets from `year0`.
 */
export interface CompactMeta {
  strings: string[];
  /** [county, prefecture (−1 = none), province] as indexes into `strings`. */
  regions: [number, number, number][];
  region: number[];
  year0: number;
  year: number[];
  period: number[];
}

export function checkTable(t: SearchTable): SearchTable {
  if (t.version !== INDEX_VERSION) throw new Error(`search index version ${t.version}, page expects ${INDEX_VERSION}: rebuild the site`);
  return t;
}

export function compactMeta(docs: readonly DocMeta[]): CompactMeta {
  const strings: string[] = [];
  const at = new Map<string, number>();
  const ref = (s: string | null): number => {
    if (s === null) return -1;
    let i = at.get(s);
    if (i === undefined) at.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const regions: [number, number, number][] = [];
  const regionAt = new Map<string, number>();
  const region = docs.map((d) => {
    if (d.county === null) return -1;
    const r: [number, number, number] = [ref(d.county), ref(d.prefecture), ref(d.province)];
    const k = r.join(",");
    let i = regionAt.get(k);
    if (i === undefined) regionAt.set(k, (i = regions.push(r) - 1));
    return i;
  });
  const years = docs.map((d) => d.year).filter((y): y is number => y !== null);
  const year0 = years.length ? Math.min(...years) : 0;
  return {
    strings,
    regions,
    region,
    year0,
    year: docs.map((d) => (d.year === null ? -1 : d.year - year0)),
    period: docs.map((d) => ref(d.periodLabel)),
  };
}

export function expandMeta(c: CompactMeta): DocMeta[] {
  const s = (i: number) => (i < 0 ? null : c.strings[i]!);
  return c.region.map((r, i): DocMeta => {
    const reg = r < 0 ? null : c.regions[r]!;
    const y = c.year[i]!;
    return {
      county: reg ? s(reg[0]) : null,
      prefecture: reg ? s(reg[1]) : null,
      province: reg ? s(reg[2]) : null,
      year: y < 0 ? null : c.year0 + y,
      periodLabel: s(c.period[i]!),
    };
  });
}

/**
 * A chunk of rows as written, for report numbers chunk×ROWS_PER_CHUNK…: [id, title, published,
 * county, prefecture, province, year, period], so a row is drawn without meta.json.
 */
export type CompactRow = [string, string, string | null, string | null, string | null, string | null, number | null, string | null];
export type CompactRows = CompactRow[];

export function compactRow(r: DocRow): CompactRow {
  return [r.id, r.title, r.published, r.county, r.prefecture, r.province, r.year, r.periodLabel];
}

export function expandRow([id, title, published, county, prefecture, province, year, periodLabel]: CompactRow): DocRow {
  return { id, title, published, county, prefecture, province, year, periodLabel };
}
