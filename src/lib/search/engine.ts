// The search engine the page runs: loads the report table and the index files a query needs,
// finds the exact matches, filters, counts, ranks; loads result rows and texts on demand. No DOM
// here; `fetchJson`/`fetchText`/`fetchBytes` are injected so tests can run it on the built files without a browser.
import { fold } from "./text";
import { chooseLists, decodeCounts, packedRefsOf, matchTerm, parseQuery, planTerm, countIn, firstIndex, shardKeysOf, type Choice, type Shard, type TermPlan } from "./core";
import { FILTER_KEYS, UNKNOWN, checkTable, filterKeyOf, filterValue, expandMeta, expandRow, parseListRef, rowsFile, shardFile, shardOf, ROWS_PER_CHUNK, type CompactMeta, type CompactRows, type DocMeta, type DocRow, type FilterKey, type SearchTable } from "./shard";

export { FILTER_KEYS, UNKNOWN, filterValue, type FilterKey };
export const FILTER_LABEL: Record<FilterKey, string> = {
  province: "省份",
  prefecture: "地市",
  county: "区县",
  year: "年份",
  period: "期间",
};
// One collator: `localeCompare(b, "zh-CN")` builds one per call, ~90 ms for a county facet at 1,000 reports.
const zhCollator = new Intl.Collator("zh-CN");

export type Filters = Partial<Record<FilterKey, string[]>>;
/** relevance: title/region matches, then occurrences, then newest; date: newest first. */
export type SortOrder = "relevance" | "date";

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
function countFacets(hits: readonly Hit[], docs: readonly DocMeta[], filters: Filters): Record<FilterKey, [string, number][]> {
  const facets = {} as Record<FilterKey, [string, number][]>;
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
  /**
   * Per filter group: value → number of matching reports with the other groups' filters applied
   * (from meta.json, which no query waits for before its rows).
   */
  facets(): Promise<Record<FilterKey, [string, number][]>>;
  ms: number;
}

/**
 * The first rows of a result list, known before the whole answer: exactly the first hits of the
 * final ranking (filters applied), so the page can draw them and keep them.
 */
export interface TopHits {
  terms: string[];
  simplified: string[] | null;
  hits: Hit[];
}

/** Matches of one term variant: doc → occurrences, and the docs where it is in the title or region line. */
interface VariantMatch {
  counts: Map<number, number>;
  heads: Set<number>;
}

/**
 * Per report in every term: the occurrences of all terms (each term's variants added up), and
 * whether any term is in its title or region line. Unsorted.
 */
function combineTerms(terms: readonly (readonly VariantMatch[])[]): Hit[] {
  let hits: Map<number, Hit> | null = null;
  for (const variants of terms) {
    const term = new Map<number, Hit>();
    for (const m of variants) {
      for (const [doc, n] of m.counts) {
        const h = term.get(doc);
        if (h) h.occurrences += n;
        else term.set(doc, { doc, occurrences: n, headMatch: false });
      }
      for (const doc of m.heads) {
        const h = term.get(doc);
        if (h) h.headMatch = true;
      }
    }
    if (hits === null) hits = term;
    else {
      const next = new Map<number, Hit>();
      for (const [doc, h] of hits) {
        const t = term.get(doc);
        if (t) next.set(doc, { doc, occurrences: h.occurrences + t.occurrences, headMatch: h.headMatch || t.headMatch });
      }
      hits = next;
    }
  }
  return [...(hits ?? new Map<number, Hit>()).values()];
}

/** The ranking: title or region match, then occurrences, then report number (date order); or date alone. */
function rankOrder(sort: SortOrder): (a: Hit, b: Hit) => number {
  const byDate = (a: Hit, b: Hit) => a.doc - b.doc;
  return sort === "date" ? byDate : (a, b) => Number(b.headMatch) - Number(a.headMatch) || b.occurrences - a.occurrences || byDate(a, b);
}

/**
 * A term longer than GRAM_MAX whose cheapest pair cover reads more than `bound` positions (a
 * common long phrase): its first rows come from its windows' counts and the texts instead.
 */
function isCostly(plan: TermPlan, choice: Choice, bound: number): boolean {
  return choice.kind === "positions" && plan.windows.length > 0 && choice.cost > bound;
}

/** Reports verified on their text per round while the first rows are looked for (the first alone). */
const TOP_BATCH = 4;
/**
 * Texts (~8 KB each) verified at most before the first row: when the windows' bounds are loose
 * (many reports tie at a bound their text does not reach), settling a row can take hundreds of
 * texts, and the pairs' lists are then cheaper (measured at 10,000 reports: docs/search.md).
 */
const TOP_FIRST_TEXTS = 4;
/**
 * Early rows at most: about a phone screen. Each costs a text, which that row's excerpt needs
 * anyway; rows further down wait for the whole answer rather than compete with its lists.
 */
export const TOP_ROWS = 5;

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
  private docMeta: Promise<DocMeta[]> | null = null;
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

  /** The index's shard count, bound and number of reports. */
  load(): Promise<SearchTable> {
    return (this.table ??= this.io.fetchJson("table.json").then((t) => checkTable(t as SearchTable)));
  }

  /** Filter values per report, in date order (for the facets: rows carry their own, filters are keys). */
  meta(): Promise<DocMeta[]> {
    return (this.docMeta ??= this.io.fetchJson("meta.json").then((c) => expandMeta(c as CompactMeta)));
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

  /** Title, id, date, region, year and period of a report (its chunk of rows loads once). */
  async row(doc: number): Promise<DocRow> {
    const name = rowsFile(doc);
    let p = this.chunks.get(name);
    if (!p) this.chunks.set(name, (p = this.io.fetchJson(name) as Promise<CompactRows>));
    return expandRow((await p)[doc % ROWS_PER_CHUNK]!);
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

  /** How a term variant is answered: loads the shards of its keys and chooses its lists. */
  private async choose(plan: TermPlan, table: SearchTable): Promise<Choice> {
    const loaded = new Map<string, Shard>();
    await Promise.all(plan.keys.map(async (k) => loaded.set(k, await this.shard(shardOf(k, table.shardCount)))));
    return chooseLists(plan, (k) => loaded.get(k)?.[k], table.bound);
  }

  /** Exact matches of one term variant: the chosen lists, and the text where the index cannot decide. */
  private async matchChoice(plan: TermPlan, choice: Choice): Promise<VariantMatch> {
    const lists = new Map<string, number[]>();
    await Promise.all(packedRefsOf(choice).map(async (ref) => lists.set(ref, await this.packedList(ref))));
    const m = matchTerm(choice, (ref) => lists.get(ref)!);
    // Phrases the index cannot decide alone are checked on the text itself.
    await Promise.all(
      [...m.unverified].map(async (doc) => {
        const t = textMatch(fold(await this.text(doc)), plan.cps);
        if (t.occurrences === 0) return;
        m.counts.set(doc, t.occurrences);
        if (t.head) m.heads.add(doc);
      }),
    );
    return m;
  }

  /**
   * Upper bounds for a long term from its GRAM_MAX-character windows (TermPlan.windows): per
   * report the least of their exact counts, and a title match only where every window has one.
   * Each window is a term of up to GRAM_MAX characters, so it reads one count list or at most
   * `bound` positions, however common the whole term is.
   */
  private async windowBounds(plan: TermPlan, table: SearchTable): Promise<VariantMatch> {
    const windows = await Promise.all(plan.windows.map(async (w) => {
      const p = planTerm(w);
      return this.matchChoice(p, await this.choose(p, table));
    }));
    const counts = new Map<number, number>();
    const heads = new Set<number>();
    for (const [doc, n] of windows[0]!.counts) {
      let least = n;
      for (const w of windows) least = Math.min(least, w.counts.get(doc) ?? 0);
      if (least === 0) continue;
      counts.set(doc, least);
      if (windows.every((w) => w.heads.has(doc))) heads.add(doc);
    }
    return { counts, heads };
  }

  /**
   * The reports that pass the filters, from the count lists of the selected values (index keys,
   * shard.ts filterKeyOf): a filtered query need not load every report's values (meta.json).
   * Null without filters.
   */
  private async passing(filters: Filters, shardCount: number): Promise<Set<number> | null> {
    const groups = FILTER_KEYS.filter((k) => filters[k]?.length);
    if (groups.length === 0) return null;
    const sets = await Promise.all(
      groups.map(async (group) => {
        const docs = new Set<number>();
        await Promise.all(
          filters[group]!.map(async (value) => {
            const key = filterKeyOf(group, value);
            const entry = (await this.shard(shardOf(key, shardCount)))[key];
            if (!entry || entry[1] === 0) return;
            const list = typeof entry[1] === "string" ? await this.packedList(entry[1]) : entry[1];
            for (const doc of decodeCounts(list).counts.keys()) docs.add(doc);
          }),
        );
        return docs;
      }),
    );
    return sets.reduce((a, b) => new Set([...a].filter((doc) => b.has(doc))));
  }

  /** The query's terms, their variants (as typed and simplified) and the report table. */
  private async prepare(query: string) {
    const { terms } = parseQuery(query);
    const hasHan = terms.some((t) => /\p{Script=Han}/u.test(t));
    const t2sPromise = hasHan ? this.loadT2s() : Promise.resolve({} as Record<string, string>);
    const tablePromise = this.load();
    // Terms as typed: their shards can load while the table and the character map arrive.
    if (this.shardCount > 0) for (const k of terms.flatMap(shardKeysOf)) this.shard(shardOf(k, this.shardCount)).catch(() => undefined);
    const [table, t2s] = await Promise.all([tablePromise, t2sPromise]);
    if (this.shardCount > 0 && this.shardCount !== table.shardCount) throw new Error("search index and page are out of date: rebuild the site");
    const simplifiedTerms = terms.map((t) => [...t].map((c) => t2s[c] ?? c).join(""));
    const changed = simplifiedTerms.some((s, i) => s !== terms[i]);
    // Each term is a set of variants (as typed, and in simplified characters); a report matches
    // a term when it contains any variant, and the query when it matches every term.
    const plans = terms.map((t, i) => [...new Set([t, simplifiedTerms[i]!])].map((v) => planTerm(v)));
    return { terms, simplified: changed ? simplifiedTerms : null, plans, table };
  }

  /**
   * @param onTop when given, and a term is a common long phrase whose lists are large, called with
   *   the first rows of the final ranking as they become known (up to `topRows`), before the
   *   lists are downloaded: the first row needs the phrase's windows and a report text or two.
   */
  async search(query: string, filters: Filters = {}, sort: SortOrder = "relevance", onTop?: (top: TopHits) => void, topRows = TOP_ROWS): Promise<SearchOutcome> {
    const t0 = Date.now();
    // The filter values' shards load with the terms' (when the page knows the shard count).
    const passingPromise = (this.shardCount > 0 ? Promise.resolve(this.shardCount) : this.load().then((t) => t.shardCount)).then((n) => this.passing(filters, n));
    passingPromise.catch(() => undefined);
    const { terms, simplified, plans, table } = await this.prepare(query);
    const choices = await Promise.all(plans.map((ps) => Promise.all(ps.map((p) => this.choose(p, table)))));
    const matches = plans.map((ps, i) => ps.map((p, j) => once(() => this.matchChoice(p, choices[i]![j]!))));
    let stopTop = () => {};
    if (onTop && plans.some((ps, i) => ps.some((p, j) => isCostly(p, choices[i]![j]!, table.bound)))) {
      const top = this.startTop({ terms, simplified, plans, choices, matches, table, passing: passingPromise, sort, onTop, topRows });
      // The large lists wait until the first row is drawn (or the first rows cannot be found early).
      await top.first;
      stopTop = top.stop;
    }
    const results = await Promise.all(matches.map((ms) => Promise.all(ms.map((m) => m()))));
    stopTop();

    const hitsAll = combineTerms(results).sort(rankOrder(sort));
    const passing = await passingPromise;
    const hits = passing ? hitsAll.filter((h) => passing.has(h.doc)) : hitsAll;
    let facets: Promise<Record<FilterKey, [string, number][]>> | null = null;
    return {
      query,
      terms,
      simplified,
      all: hitsAll,
      hits,
      // Counted when first asked for: the page draws the first result row before its filters.
      facets: () => (facets ??= this.meta().then((m) => countFacets(hitsAll, m, filters))),
      ms: Date.now() - t0,
    };
  }

  /**
   * The first rows of the ranking without the costly terms' lists: each report that can match
   * gets an upper bound of its rank (the costly terms' window bounds, the other terms' exact
   * counts); reports are verified on their text best bound first, and a verified hit is final
   * once it ranks above the best bound not yet verified.
   */
  private startTop(q: {
    terms: string[];
    simplified: string[] | null;
    plans: TermPlan[][];
    choices: Choice[][];
    matches: (() => Promise<VariantMatch>)[][];
    table: SearchTable;
    passing: Promise<Set<number> | null>;
    sort: SortOrder;
    onTop: (top: TopHits) => void;
    topRows: number;
  }): { first: Promise<void>; stop: () => void } {
    let stopped = false;
    let resolveFirst = () => {};
    const first = new Promise<void>((resolve) => (resolveFirst = resolve));
    const rank = rankOrder(q.sort);
    const run = async () => {
      const costly = q.plans.map((ps, i) => ps.map((p, j) => isCostly(p, q.choices[i]![j]!, q.table.bound)));
      const exact: (VariantMatch | null)[][] = await Promise.all(q.plans.map((ps, i) => Promise.all(ps.map((_, j) => (costly[i]![j] ? null : q.matches[i]![j]!())))));
      const bounds = await Promise.all(q.plans.map((ps, i) => Promise.all(ps.map((p, j) => exact[i]![j] ?? this.windowBounds(p, q.table)))));
      // Per report: the sum of the terms' bounds, present in every term.
      const passing = await q.passing;
      const queue = combineTerms(bounds).filter((h) => !passing || passing.has(h.doc)).sort(rank);
      // A report's exact hit: the costly variants counted on its text, the others from their lists.
      const verify = async (doc: number): Promise<Hit | null> => {
        const cps = fold(await this.text(doc));
        const only = (occurrences: number, head: boolean): VariantMatch => ({ counts: new Map(occurrences ? [[doc, occurrences]] : []), heads: new Set(head ? [doc] : []) });
        const matches = q.plans.map((ps, i) =>
          ps.map((p, j) => {
            const m = exact[i]![j];
            if (m) return only(m.counts.get(doc) ?? 0, m.heads.has(doc));
            const t = textMatch(cps, p.cps);
            return only(t.occurrences, t.head);
          }),
        );
        return combineTerms(matches)[0] ?? null;
      };
      const verified: Hit[] = [];
      let shown = 0;
      for (let next = 0; next < queue.length && shown < q.topRows && !stopped; ) {
        if (shown === 0) {
          // Before the best verified hit can be shown, every report whose bound outranks it must be
          // verified too: give up when that alone would pass the budget.
          let needed = 0;
          if (verified[0]) while (needed <= TOP_FIRST_TEXTS && next + needed < queue.length && rank(queue[next + needed]!, verified[0]) < 0) needed++;
          if (next + Math.max(needed, 1) > TOP_FIRST_TEXTS) return;
        }
        const batch = queue.slice(next, next + (next === 0 ? 1 : shown === 0 ? TOP_FIRST_TEXTS - 1 : TOP_BATCH));
        next += batch.length;
        for (const h of await Promise.all(batch.map((b) => verify(b.doc)))) if (h) verified.push(h);
        verified.sort(rank);
        // Every report not yet verified ranks at best as its bound, and the queue is in bound order.
        const best = queue[next];
        const settled = best ? verified.filter((h) => rank(h, best) < 0) : verified;
        if (settled.length > shown && !stopped) {
          shown = Math.min(settled.length, q.topRows);
          q.onTop({ terms: q.terms, simplified: q.simplified, hits: settled.slice(0, shown) });
          resolveFirst();
        }
      }
    };
    // A failure here only loses the early rows: the full search reports it.
    run().catch(() => undefined).finally(resolveFirst);
    return {
      first,
      stop: () => {
        stopped = true;
      },
    };
  }

  /** First occurrence of any variant of the terms, preferring the body over the title lines. */
  async firstMatch(doc: number, outcome: Pick<SearchOutcome, "terms" | "simplified">): Promise<{ text: string; start: number; len: number } | null> {
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

/** A term's occurrences in a report's folded text, and whether one is in its title or region line. */
function textMatch(cps: readonly string[], term: readonly string[]): { occurrences: number; head: boolean } {
  const occurrences = countIn(cps, term);
  return { occurrences, head: occurrences > 0 && firstIndex(cps.slice(0, headEnd(cps)), term) >= 0 };
}

/** Where the body starts: after the title and region lines. */
function headEnd(cps: readonly string[]): number {
  let i = 0;
  for (let lines = 0; i < cps.length && lines < 2; i++) if (cps[i] === "\n") lines++;
  return i;
}

/** A promise-returning function called at most once. */
function once<T>(f: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | null = null;
  return () => (p ??= f());
}
