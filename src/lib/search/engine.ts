// The search engine the page runs: loads the report table and the index files a query needs,
// finds the exact matches, filters, counts, ranks; loads result rows and texts on demand. No DOM
// here; `fetchJson`/`fetchText`/`fetchBytes` are injected so tests can run it on the built files without a browser.
import { fold } from "./text";
import { chooseLists, packedRefsOf, matchTerm, parseQuery, planTerm, countIn, firstIndex, type Shard, type TermPlan } from "./core";
import { expandTable, parseListRef, rowsFile, shardFile, shardOf, ROWS_PER_CHUNK, type CompactRows, type CompactTable, type DocMeta, type DocRow, type SearchTable } from "./shard";

export const FILTER_KEYS = ["province", "prefecture", "county", "year", "period"] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export const FILTER_LABEL: Record<FilterKey, string> = {
  province: "省份",
  prefecture: "地市",
  county: "区县",
  year: "年份",
  period: "期间",
};
export const UNKNOWN = "不详";
// One collator: `localeCompare(b, "zh-CN")` builds one per call, ~90 ms for a county facet at 1,000 reports.
const zhCollator = new Intl.Collator("zh-CN");

export type Filters = Partial<Record<FilterKey, string[]>>;
/** relevance: title/region matches, then occurrences, then newest; date: newest first. */
export type SortOrder = "relevance" | "date";

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
 * The values a filter group shows before the reader expands it: the `limit` largest, and every
 * selected one. A county group can hold hundreds of values, and laying them all out on a phone
 * costs more than the query itself.
 */
export function facetValuesShown(values: readonly [string, number][], selected: ReadonlySet<string>, limit = 10): [string, number][] {
  return values.filter(([value], i) => i < limit || selected.has(value));
}

/** The report passes every filter group (but `except`). */
function passesFilters(doc: DocMeta, filters: Filters, except?: FilterKey): boolean {
  return FILTER_KEYS.every((k) => k === except || !filters[k]?.length || filters[k]!.includes(filterValue(doc, k)));
}

/** Per filter group: value → number of hits that pass the other groups' filters, largest first. */
function countFacets(hits: readonly Hit[], docs: readonly DocMeta[], filters: Filters): SearchOutcome["facets"] {
  const facets = {} as SearchOutcome["facets"];
  for (const key of FILTER_KEYS) {
    const counts = new Map<string, number>();
    for (const h of hits) {
      const doc = docs[h.doc]!;
      if (!passesFilters(doc, filters, key)) continue;
      const v = filterValue(doc, key);
      counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    // Selected values stay visible even at zero.
    for (const v of filters[key] ?? []) if (!counts.has(v)) counts.set(v, 0);
    facets[key] = [...counts].sort((a, b) => b[1] - a[1] || zhCollator.compare(a[0], b[0]));
  }
  return facets;
}

export interface Hit {
  doc: number;
  /** Total occurrences of all terms (title, region and text). */
  occurrences: number;
  /** A term occurs in the title or the region line. */
  headMatch: boolean;
}

export interface SearchOutcome {
  query: string;
  terms: string[];
  /** Terms as searched after traditional → simplified conversion, when that changed them. */
  simplified: string[] | null;
  /** All matching reports before filtering, ranked. */
  all: Hit[];
  /** After the filters. */
  hits: Hit[];
  /** Per filter group: value → number of matching reports with the other groups' filters applied. */
  facets: Record<FilterKey, [string, number][]>;
  ms: number;
}

export interface EngineIO {
  fetchJson: (path: string) => Promise<unknown>;
  fetchText: (path: string) => Promise<string>;
  /** `length` bytes of a file from `offset` (an HTTP Range request in the browser). */
  fetchBytes: (path: string, offset: number, length: number) => Promise<Uint8Array>;
}

/** A gzip member (a list in a pack file) → its JSON value. */
async function gunzipJson(bytes: Uint8Array): Promise<unknown> {
  // (The cast: TypeScript types a Uint8Array over a possibly shared buffer as no BlobPart; ours never are.)
  return new Response(new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream("gzip"))).json();
}

export class SearchEngine {
  private table: Promise<SearchTable> | null = null;
  private t2s: Promise<Record<string, string>> | null = null;
  private shards = new Map<number, Promise<Shard>>();
  private packed = new Map<string, Promise<number[]>>();
  private chunks = new Map<string, Promise<CompactRows>>();
  private texts = new Map<number, Promise<string>>();

  /**
   * @param shardCount the index's shard count when the page knows it (the index builder compiles it
   *   into the page's script), so shards load in parallel with the report table instead of after it.
   * @param t2s the traditional → simplified map when the page has it already (compiled into the
   *   page's script too: one request fewer on a cold query); otherwise t2s.json is fetched.
   */
  constructor(
    private io: EngineIO,
    private shardCount = 0,
    t2s?: Record<string, string>,
  ) {
    if (t2s) this.t2s = Promise.resolve(t2s);
  }

  /** The report table: filter values per report, in date order. */
  load(): Promise<SearchTable> {
    return (this.table ??= this.io.fetchJson("table.json").then((c) => expandTable(c as CompactTable)));
  }

  private loadT2s(): Promise<Record<string, string>> {
    return (this.t2s ??= this.io.fetchJson("t2s.json").then((m) => m as Record<string, string>));
  }

  private shard(n: number): Promise<Shard> {
    let p = this.shards.get(n);
    if (!p) this.shards.set(n, (p = this.io.fetchJson(shardFile(n)) as Promise<Shard>));
    return p;
  }

  /** A list from its pack: `ref` as a shard entry holds it ("<pack>:<offset>:<length>"). */
  private packedList(ref: string): Promise<number[]> {
    let p = this.packed.get(ref);
    if (!p) {
      const { file, offset, length } = parseListRef(ref);
      p = this.io.fetchBytes(file, offset, length).then(gunzipJson) as Promise<number[]>;
      this.packed.set(ref, p);
    }
    return p;
  }

  /** Title, id and date of a report (its chunk of rows loads once). */
  async row(doc: number): Promise<DocRow> {
    const name = rowsFile(doc);
    let p = this.chunks.get(name);
    if (!p) this.chunks.set(name, (p = this.io.fetchJson(name) as Promise<CompactRows>));
    const [id, title, published] = (await p)[doc % ROWS_PER_CHUNK]!;
    return { id, title, published };
  }

  /** The searchable text of a report (lines joined by "\n"). */
  text(doc: number): Promise<string> {
    let p = this.texts.get(doc);
    if (!p) {
      p = this.row(doc).then((r) => this.io.fetchText(`text/${r.id}.txt`));
      this.texts.set(doc, p);
    }
    return p;
  }

  /** Exact matches of one term variant: the index's lists, and the text where the index cannot decide. */
  private async matchVariant(plan: TermPlan, shardCount: number, bound: number): Promise<{ counts: Map<number, number>; heads: Set<number> }> {
    const loaded = new Map<string, Shard>();
    await Promise.all(plan.keys.map(async (k) => loaded.set(k, await this.shard(shardOf(k, shardCount)))));
    const choice = chooseLists(plan, (k) => loaded.get(k)?.[k], bound);
    const lists = new Map<string, number[]>();
    await Promise.all(packedRefsOf(choice).map(async (ref) => lists.set(ref, await this.packedList(ref))));
    const m = matchTerm(choice, (ref) => lists.get(ref)!);
    // Phrases the index cannot decide alone are checked on the text itself.
    await Promise.all(
      [...m.unverified].map(async (doc) => {
        const cps = fold(await this.text(doc));
        const n = countIn(cps, plan.cps);
        if (n === 0) return;
        m.counts.set(doc, n);
        if (firstIndex(cps.slice(0, headEnd(cps)), plan.cps) >= 0) m.heads.add(doc);
      }),
    );
    return m;
  }

  async search(query: string, filters: Filters = {}, sort: SortOrder = "relevance"): Promise<SearchOutcome> {
    const t0 = Date.now();
    const { terms } = parseQuery(query);
    const hasHan = terms.some((t) => /\p{Script=Han}/u.test(t));
    const t2sPromise = hasHan ? this.loadT2s() : Promise.resolve({} as Record<string, string>);
    const tablePromise = this.load();
    // Terms as typed: their shards can load while the table and the character map arrive.
    if (this.shardCount > 0) for (const t of terms) for (const k of planTerm(t).keys) this.shard(shardOf(k, this.shardCount)).catch(() => undefined);
    const [table, t2s] = await Promise.all([tablePromise, t2sPromise]);
    if (this.shardCount > 0 && this.shardCount !== table.shardCount) throw new Error("search index and page are out of date: rebuild the site");
    const simplifiedTerms = terms.map((t) => [...t].map((c) => t2s[c] ?? c).join(""));
    const changed = simplifiedTerms.some((s, i) => s !== terms[i]);
    // Each term is a set of variants (as typed, and in simplified characters); a report matches
    // a term when it contains any variant, and the query when it matches every term.
    const variants = terms.map((t, i) => [...new Set([t, simplifiedTerms[i]!])]);
    const results = await Promise.all(variants.map((vs) => Promise.all(vs.map((v) => this.matchVariant(planTerm(v), table.shardCount, table.bound)))));

    let all: Map<number, number> | null = null;
    const headDocs = new Set<number>();
    for (const termResults of results) {
      const counts = new Map<number, number>();
      for (const m of termResults) {
        for (const [doc, n] of m.counts) counts.set(doc, (counts.get(doc) ?? 0) + n);
        for (const doc of m.heads) headDocs.add(doc);
      }
      if (all === null) all = counts;
      else {
        const next: Map<number, number> = new Map();
        for (const [doc, n] of all) {
          const m = counts.get(doc);
          if (m !== undefined) next.set(doc, n + m);
        }
        all = next;
      }
    }
    const docs = table.docs;
    const hitsAll: Hit[] = [...(all ?? new Map<number, number>())].map(([doc, occurrences]) => ({ doc, occurrences, headMatch: headDocs.has(doc) }));
    // Reports are numbered in date order (newest first).
    const byDate = (a: Hit, b: Hit) => a.doc - b.doc;
    hitsAll.sort(
      sort === "date"
        ? byDate
        : (a, b) => Number(b.headMatch) - Number(a.headMatch) || b.occurrences - a.occurrences || byDate(a, b),
    );
    const hits = hitsAll.filter((h) => passesFilters(docs[h.doc]!, filters));
    let facets: SearchOutcome["facets"] | null = null;
    return {
      query,
      terms,
      simplified: changed ? simplifiedTerms : null,
      all: hitsAll,
      hits,
      // Counted when first read: the page draws the first result row before its filters.
      get facets() {
        return (facets ??= countFacets(hitsAll, docs, filters));
      },
      ms: Date.now() - t0,
    };
  }

  /** First occurrence of any variant of the terms, preferring the body over the title lines. */
  async firstMatch(doc: number, outcome: SearchOutcome): Promise<{ text: string; start: number; len: number } | null> {
    const text = await this.text(doc);
    const cps = fold(text);
    const bodyStart = headEnd(cps);
    const variants = outcome.terms.flatMap((t, i) => [t, outcome.simplified?.[i] ?? t]);
    // Rank each candidate: in the body before in the title lines, then earliest.
    let best: { start: number; len: number; rank: number } | null = null;
    for (const v of variants) {
      const vc = fold(v);
      if (vc.length === 0) continue;
      const inBody = firstIndex(cps, vc, bodyStart);
      const at = inBody >= 0 ? inBody : firstIndex(cps, vc);
      if (at < 0) continue;
      const rank = (inBody >= 0 ? 0 : cps.length) + at;
      if (!best || rank < best.rank) best = { start: at, len: vc.length, rank };
    }
    return best ? { text, ...best } : null;
  }
}

/** Where the body starts: after the title and region lines. */
function headEnd(cps: readonly string[]): number {
  let i = 0;
  for (let lines = 0; i < cps.length && lines < 2; i++) if (cps[i] === "\n") lines++;
  return i;
}
