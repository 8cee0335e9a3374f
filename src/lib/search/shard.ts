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

/** Index format version: bump when the files change shape. */
export const INDEX_VERSION = 4;

/**
 * What filtering, faceting and ranking need for one report; loaded with every query.
 * Reports are numbered by publication date, newest first (unknown dates last, then by id), so
 * the report number is the date order.
 */
export interface DocMeta {
  county: string | null;
  prefecture: string | null;
  province: string | null;
  year: number | null;
  periodLabel: string | null;
}

/** What a result row shows; loaded in chunks only for the rows on or near the screen. */
export interface DocRow {
  id: string;
  title: string;
  published: string | null;
}

/**
 * table.json as written: regions and periods as small integers into string tables, one column
 * per field (−1 = unknown), years as offsets from `year0`.
 */
export interface CompactTable {
  version: number;
  shardCount: number;
  /** Terms of 3–6 characters whose covering pairs have more positions than this are keys of their own. */
  bound: number;
  strings: string[];
  /** [county, prefecture (−1 = none), province] as indexes into `strings`. */
  regions: [number, number, number][];
  region: number[];
  year0: number;
  year: number[];
  period: number[];
}

export interface SearchTable {
  version: number;
  shardCount: number;
  bound: number;
  docs: DocMeta[];
}

export function compactTable(t: SearchTable): CompactTable {
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
  const region = t.docs.map((d) => {
    if (d.county === null) return -1;
    const r: [number, number, number] = [ref(d.county), ref(d.prefecture), ref(d.province)];
    const k = r.join(",");
    let i = regionAt.get(k);
    if (i === undefined) regionAt.set(k, (i = regions.push(r) - 1));
    return i;
  });
  const years = t.docs.map((d) => d.year).filter((y): y is number => y !== null);
  const year0 = years.length ? Math.min(...years) : 0;
  return {
    version: t.version,
    shardCount: t.shardCount,
    bound: t.bound,
    strings,
    regions,
    region,
    year0,
    year: t.docs.map((d) => (d.year === null ? -1 : d.year - year0)),
    period: t.docs.map((d) => ref(d.periodLabel)),
  };
}

export function expandTable(c: CompactTable): SearchTable {
  if (c.version !== INDEX_VERSION) throw new Error(`search index version ${c.version}, page expects ${INDEX_VERSION}: rebuild the site`);
  const s = (i: number) => (i < 0 ? null : c.strings[i]!);
  const docs = c.region.map((r, i): DocMeta => {
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
  return { version: c.version, shardCount: c.shardCount, bound: c.bound, docs };
}

/** A chunk of rows as written: [id, title, published] for report numbers chunk×ROWS_PER_CHUNK…. */
export type CompactRows = [string, string, string | null][];
