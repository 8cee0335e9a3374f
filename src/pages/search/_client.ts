// The search page's script. Report text is untrusted: every piece of it goes into the DOM as
// text (textContent / text nodes), never as HTML.
import { SearchEngine, FILTER_KEYS, facetValuesShown, type Hit, type SortOrder, type Filters, type FilterKey, type SearchOutcome, type TopHits } from "../../lib/search/engine";
import { excerptAt, textFragment } from "../../lib/search/core";
import type { DocRow } from "../../lib/search/shard";

const PAGE = 20;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const c of children) node.append(c);
  return node;
}

/** What the URL asks for: /search/?q=…&sort=date&province=…&year=… */
interface UrlState {
  q: string;
  sort: SortOrder;
  filters: Filters;
}

function readState(search: string): UrlState {
  const params = new URLSearchParams(search);
  const filters: Filters = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key);
    if (values.length) filters[key] = values;
  }
  return { q: (params.get("q") ?? "").trim(), sort: params.get("sort") === "date" ? "date" : "relevance", filters };
}

const sameState = (a: UrlState, b: UrlState) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A search under way: its outcome, and the first rows known before it (TopHits) for a common long
 * phrase. Rows that arrive before anyone listens are kept for the first listener.
 */
interface Running {
  state: UrlState;
  outcome: Promise<SearchOutcome>;
  listen(onTop: (top: TopHits) => void): void;
}

function runSearch(engine: SearchEngine, state: UrlState): Running {
  let latest: TopHits | null = null;
  let listener: ((top: TopHits) => void) | null = null;
  const outcome = engine.search(state.q, state.filters, state.sort, (top) => {
    latest = top;
    listener?.(top);
  });
  return {
    state,
    outcome,
    listen(onTop) {
      listener = onTop;
      if (latest) onTop(latest);
    },
  };
}

/**
 * Runs as a classic async script (dist/search-index/search.js, bundled by scripts/search-index.ts
 * with the index's shard count and t2s map), so that a shared link's query starts as soon as the script has
 * arrived, while the page is still being parsed, styled and laid out; the page is wired up once
 * its DOM is ready.
 * @param root URL of the search-index/ directory
 */
export function start(root: string, shardCount: number, t2s?: Record<string, string>): void {
  const get = async (p: string, init?: RequestInit): Promise<Response> => {
    const r = await fetch(root + p, init);
    if (!r.ok) throw new Error(`${p}: HTTP ${r.status}`);
    return r;
  };
  const fetchBytes = async (p: string, offset: number, length: number): Promise<Uint8Array> => {
    const r = await get(p, { headers: { Range: `bytes=${offset}-${offset + length - 1}` } });
    const bytes = new Uint8Array(await r.arrayBuffer());
    // A server that ignores Range sends the whole pack (200): the answer is still right, only slower.
    return r.status === 206 ? bytes : bytes.subarray(offset, offset + length);
  };
  const engine = new SearchEngine({ fetchJson: async (p) => (await get(p)).json(), fetchText: async (p) => (await get(p)).text(), fetchBytes }, shardCount, t2s);
  let early: Running | null = null;
  const state = readState(location.search);
  if (state.q) {
    performance.mark("search-start");
    early = runSearch(engine, state);
    // The first result row's chunk too, as soon as the ranking is known.
    early.outcome.then((o) => o.hits[0] && engine.row(o.hits[0].doc)).catch(() => undefined);
  }
  const wire = () => startPage(engine, () => {
    const e = early;
    early = null;
    return e;
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", wire, { once: true });
  else wire();
}

function startPage(engine: SearchEngine, takeEarly: () => Running | null): void {
  const form = document.getElementById("search-form") as HTMLFormElement;
  const input = document.getElementById("q") as HTMLInputElement;
  const status = document.getElementById("search-status")!;
  const note = document.getElementById("search-note")!;
  const list = document.getElementById("search-results") as HTMLOListElement;
  const more = document.getElementById("search-more") as HTMLButtonElement;
  const aside = document.getElementById("search-filters")!;
  const sortSelect = document.getElementById("sort") as HTMLSelectElement;
  const base = form.dataset.base ?? "/";

  const excerptLoaders = new WeakMap<Element, () => Promise<void>>();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        observer.unobserve(e.target);
        void excerptLoaders.get(e.target)?.();
      }
    },
    { rootMargin: "400px 0px" },
  );

  let filters: Filters = {};
  let current: SearchOutcome | null = null;
  let shown = 0;
  let generation = 0;

  function readUrl(): void {
    const state = readState(location.search);
    input.value = state.q;
    sortSelect.value = state.sort;
    filters = state.filters;
  }

  function writeUrl(push: boolean): void {
    const params = new URLSearchParams();
    if (input.value.trim()) params.set("q", input.value.trim());
    if (sortSelect.value === "date") params.set("sort", "date");
    for (const key of FILTER_KEYS) for (const v of filters[key] ?? []) params.append(key, v);
    const qs = params.toString();
    const url = `${location.pathname}${qs ? "?" + qs : ""}`;
    if (url !== `${location.pathname}${location.search}`) history[push ? "pushState" : "replaceState"](null, "", url);
  }

  function setStatus(text: string, state: string): void {
    status.textContent = text;
    status.dataset.state = state;
  }

  async function run(): Promise<void> {
    const my = ++generation;
    const q = input.value.trim();
    document.title = q ? `${q} · 全文搜索 · 县域卫健报告库` : "全文搜索 · 县域卫健报告库";
    if (!q) {
      list.replaceChildren();
      aside.hidden = true;
      note.hidden = true;
      more.hidden = true;
      setStatus("", "idle");
      return;
    }
    const sort = sortSelect.value as SortOrder;
    // The query the script started before the page was ready, if it is still the one asked for.
    const early = takeEarly();
    const state = { q, sort, filters };
    const running = early && sameState(early.state, state) ? early : null;
    if (!running) {
      performance.clearMarks();
      performance.mark("search-start");
    }
    list.dataset.query = q;
    setStatus("正在搜索…", "busy");
    current = null;
    // Rows drawn before the whole answer (a common long phrase): exactly its first rows, kept.
    let topShown = 0;
    let drawing = Promise.resolve();
    const search = running ?? runSearch(engine, state);
    search.listen((top) => {
      drawing = drawing.then(async () => {
        if (my !== generation || current) return;
        if (topShown === 0) {
          showNote(top);
          observer.disconnect();
          list.replaceChildren();
          shown = 0;
          more.hidden = true;
          setStatus(`已找到排在最前的报告，正在统计全部含有“${top.terms.join("”和“")}”的报告…`, "partial");
        }
        await appendRows(my, top.hits.slice(topShown), top);
        topShown = top.hits.length;
      });
    });
    let outcome: SearchOutcome;
    try {
      outcome = await search.outcome;
      await drawing;
    } catch (e) {
      if (my === generation) setStatus(`搜索出错：${(e as Error).message}`, "error");
      return;
    }
    if (my !== generation) return;
    current = outcome;
    showNote(outcome);
    if (topShown === 0) {
      observer.disconnect();
      list.replaceChildren();
      shown = 0;
    }
    // Every matching report's number in rank order (rows beyond the first page load on demand),
    // for tools: r/<chunk>.json of the index maps numbers to report ids.
    list.dataset.docs = outcome.hits.map((h) => h.doc).join(" ");
    delete list.dataset.complete;
    if (outcome.all.length === 0) {
      void renderFilters(my, outcome);
      setStatus(`没有找到包含“${outcome.terms.join("”和“")}”的报告。`, "empty");
      performance.mark("search-first-result");
      performance.mark("search-first-excerpt");
      more.hidden = true;
      return;
    }
    const filtered = outcome.hits.length !== outcome.all.length;
    setStatus(
      filtered
        ? `${outcome.all.length} 篇报告含有“${outcome.terms.join("”和“")}”，筛选后 ${outcome.hits.length} 篇。`
        : `${outcome.all.length} 篇报告含有“${outcome.terms.join("”和“")}”。`,
      outcome.hits.length ? "done" : "filtered-empty",
    );
    // The filters (up to hundreds of values to lay out) come after the first result row.
    await showMore(my, () => void renderFilters(my, outcome));
  }

  function showNote(o: Pick<SearchOutcome, "terms" | "simplified">): void {
    if (o.simplified) {
      note.textContent = `已将繁体“${o.terms.join(" ")}”同时按简体“${o.simplified.join(" ")}”搜索。`;
      note.hidden = false;
    } else note.hidden = true;
  }

  /** The next page of the current outcome's rows (the first page is filled up to PAGE rows). */
  async function showMore(my: number, afterFirstRow?: () => void): Promise<void> {
    if (!current) return;
    const outcome = current;
    const batch = outcome.hits.slice(shown, shown < PAGE ? PAGE : shown + PAGE);
    if (batch.length === 0) afterFirstRow?.();
    await appendRows(my, batch, outcome, afterFirstRow);
    if (my !== generation) return;
    more.hidden = shown >= outcome.hits.length;
    list.dataset.complete = shown >= outcome.hits.length ? "1" : "0";
  }

  async function appendRows(my: number, batch: Hit[], terms: Pick<SearchOutcome, "terms" | "simplified">, afterFirstRow?: () => void): Promise<void> {
    // Titles, ids, dates and regions of just these rows (chunks of the report table), each row drawn as soon
    // as its own chunk has come. The first row's chunk is asked for alone: every fetch() costs the
    // page's main thread a few milliseconds, and the other rows can wait one round trip.
    const rows: Promise<DocRow>[] = batch.slice(0, 1).map((h) => engine.row(h.doc));
    for (const [i, hit] of batch.entries()) {
      if (i === 1) rows.push(...batch.slice(1).map((h) => engine.row(h.doc)));
      const row = await rows[i]!;
      if (my !== generation) return;
      const url = `${base}reports/${row.id}/`;
      const link = el("a", { href: url, className: "title" }, row.title);
      const meta = el(
        "p",
        { className: "meta" },
        [row.county ?? "地区不详", row.province ? `${row.province}${row.prefecture ? " " + row.prefecture : ""}` : "", `${row.year ?? "年份不详"}${row.year ? "年" : ""}${row.periodLabel ?? ""}`, row.published ? `发布于 ${row.published}` : "", `出现 ${hit.occurrences} 次`, hit.headMatch ? "标题或地区匹配" : ""]
          .filter(Boolean)
          .join(" · "),
      );
      const excerpt = el("p", { className: "excerpt" }, "…");
      const item = el("li", {}, link, meta, excerpt);
      item.dataset.id = row.id;
      item.dataset.occurrences = String(hit.occurrences);
      list.append(item);
      shown++;
      if (i === 0) {
        if (!performance.getEntriesByName("search-first-result").length) performance.mark("search-first-result");
        afterFirstRow?.();
      }
      // The excerpt needs the report's text (~8 KB gzipped): load it only once the row is on or
      // near the screen.
      const loadExcerpt = () =>
        engine.firstMatch(hit.doc, terms).then((m) => {
          if (my !== generation || !m) return;
          const cps = [...m.text];
          const ex = excerptAt(cps, m.start, m.len, 100);
          excerpt.replaceChildren(ex.before, el("mark", {}, ex.match), ex.after);
          link.href = `${url}${textFragment(ex.match, ex.prefix, ex.suffix)}`;
          item.dataset.ready = "1";
          if (!performance.getEntriesByName("search-first-excerpt").length) performance.mark("search-first-excerpt");
        });
      excerptLoaders.set(item, loadExcerpt);
      observer.observe(item);
    }
  }

  const expanded = new Set<FilterKey>();

  /** The filter groups with their counts, once the reports' filter values (meta.json) are there. */
  async function renderFilters(my: number, outcome: SearchOutcome): Promise<void> {
    if (outcome.all.length === 0) {
      aside.hidden = true;
      return;
    }
    const facets = await outcome.facets();
    if (my !== generation) return;
    aside.hidden = false;
    for (const key of FILTER_KEYS) {
      const box = aside.querySelector(`[data-filter="${key}"] .filter-options`)!;
      const values = facets[key];
      const selected = new Set(filters[key] ?? []);
      const shownValues = expanded.has(key) ? values : facetValuesShown(values, selected);
      const options: Node[] = shownValues.map(([value, count]) => {
        const cb = el("input", { type: "checkbox", value, checked: selected.has(value) });
        cb.dataset.key = key;
        return el("label", {}, cb, ` ${value} `, el("span", { className: "count" }, `(${count})`));
      });
      if (shownValues.length < values.length) {
        const toggle = el("button", { type: "button", className: "facet-more" }, `显示全部 ${values.length} 项`);
        toggle.dataset.expand = key;
        options.push(toggle);
      }
      box.replaceChildren(...options);
      (box.parentElement as HTMLElement).hidden = values.length === 0;
    }
  }

  aside.addEventListener("click", (e) => {
    const key = (e.target as HTMLElement).dataset?.expand as FilterKey | undefined;
    if (!key || !current) return;
    expanded.add(key);
    void renderFilters(generation, current);
  });

  aside.addEventListener("change", (e) => {
    const cb = e.target as HTMLInputElement;
    const key = cb.dataset.key as FilterKey | undefined;
    if (!key) return;
    const set = new Set(filters[key] ?? []);
    if (cb.checked) set.add(cb.value);
    else set.delete(cb.value);
    filters = { ...filters, [key]: [...set] };
    if (!set.size) delete filters[key];
    writeUrl(true);
    void run();
  });

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    filters = {};
    writeUrl(true);
    void run();
  });

  let timer: ReturnType<typeof setTimeout> | undefined;
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      filters = {};
      writeUrl(false);
      void run();
    }, 250);
  });

  sortSelect.addEventListener("change", () => {
    writeUrl(true);
    void run();
  });

  more.addEventListener("click", () => void showMore(generation));
  window.addEventListener("popstate", () => {
    readUrl();
    void run();
  });

  readUrl();
  void run();
}
