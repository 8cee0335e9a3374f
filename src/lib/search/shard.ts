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
export const INDEX_VERSION = 1;

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
  period: string | null;
  periodLabel: string | null;
  published: string | null;
  /** Length of the searchable text in code points. */
  length: number;
}

export interface SearchManifest {
  version: number;
  shardCount: number;
  docs: SearchDoc[];
  /** Sort keys: doc indexes by publication date, newest first (unknown dates last). */
  byDate: number[];
}
