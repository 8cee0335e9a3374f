// Where a key (one character or a pair of characters) lives in the sharded index. Shared by the
// index builder and the browser client, so both hash keys the same way.

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
  return hashKey(key) % shardCount;
}

export function shardFile(shard: number): string {
  return `s${shard.toString(36)}.json`;
}

/** Index format version: bump when the files change shape. */
export const INDEX_VERSION = 2;

/** One report in the table the client loads first (docs.json). */
export interface SearchDoc {
  id: string;
  url: string;
  title: string;
  /** Title and region lines joined by "\n": a match here ranks first. */
  head: string;
  region: string | null;
  prefecture: string | null;
  province: string | null;
  county: string | null;
  year: number | null;
  periodLabel: string | null;
  published: string | null;
}

export interface SearchManifest {
  version: number;
  shardCount: number;
  docs: SearchDoc[];
  /** Sort keys: doc indexes by publication date, newest first (unknown dates last). */
  byDate: number[];
}

/**
 * docs.json as written: one short row per report, repeated strings (province, prefecture,
 * county, period) as indexes into `strings`, the title as the first line of `head`.
 * Row: [id, head, province, prefecture, county, year, period, published] (null = unknown).
 */
export type CompactRow = [string, string, number | null, number | null, number | null, number | null, number | null, string | null];
export interface CompactManifest {
  version: number;
  shardCount: number;
  strings: string[];
  rows: CompactRow[];
  byDate: number[];
}

export function compactManifest(m: SearchManifest): CompactManifest {
  const strings: string[] = [];
  const at = new Map<string, number>();
  const ref = (s: string | null): number | null => {
    if (s === null) return null;
    let i = at.get(s);
    if (i === undefined) at.set(s, (i = strings.push(s) - 1));
    return i;
  };
  const rows = m.docs.map((d): CompactRow => [d.id, d.head, ref(d.province), ref(d.prefecture), ref(d.county), d.year, ref(d.periodLabel), d.published]);
  return { version: m.version, shardCount: m.shardCount, strings, rows, byDate: m.byDate };
}

export function expandManifest(c: CompactManifest): SearchManifest {
  if (c.version !== INDEX_VERSION) throw new Error(`search index version ${c.version}, page expects ${INDEX_VERSION}: rebuild the site`);
  const s = (i: number | null) => (i === null ? null : c.strings[i]!);
  const docs = c.rows.map(([id, head, province, prefecture, county, year, period, published]): SearchDoc => ({
    id,
    url: `/reports/${id}/`,
    title: head.split("\n")[0]!,
    head,
    region: s(county),
    prefecture: s(prefecture),
    province: s(province),
    county: s(county),
    year,
    periodLabel: s(period),
    published,
  }));
  return { version: c.version, shardCount: c.shardCount, docs, byDate: c.byDate };
}
