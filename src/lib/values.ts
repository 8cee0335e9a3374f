// Indicator values as flat rows: one row per extracted indicator value, with its report, region,
// period, a link back to the sentence it came from, and (for counts) a per-10,000-people value
// where the region's population is known from its own reports. Pages, charts and the
// /data/indicators.{csv,json} downloads all read these rows.
import type { Period, Qualifier, ReportListing, MentionKind } from "./schema";
import type { Indicator } from "./catalogue";
import { comparePeriods } from "./corpus";
import { UNKNOWN_REGION } from "./labels";

export const POPULATION_INDICATORS = ["resident_population", "registered_population", "household_population"];

export interface ValueRow {
  reportId: string;
  regionCode: string | null;
  regionName: string | null;
  prefecture: string | null;
  province: string | null;
  year: number | null;
  period: Period | null;
  indicator: string;
  indicatorName: string;
  label: string;
  value: number;
  unit: string | null;
  normalizedValue: number;
  normalizedUnit: string | null;
  /** Value per 10,000 residents, for counts in reports whose region's population is known. */
  per10k: number | null;
  /** The population used for per10k, and the report it came from. */
  population: number | null;
  populationReport: string | null;
  kind: MentionKind;
  qualifier: Qualifier | null;
  asOf: string | null;
  quote: string;
  start: number;
  end: number;
  /** Site-relative link to the highlighted number: /reports/<id>/#m-<start>. */
  link: string;
}

export function reportHref(base: string, id: string): string {
  return `${base}reports/${id}/`;
}

export function mentionHref(base: string, id: string, start: number): string {
  return `${reportHref(base, id)}#m-${start}`;
}

/** Population per region (GB code): the actual population stated in the region's latest report that states it. */
export function populationByRegion(entries: readonly ReportListing[]): Map<string, { value: number; reportId: string; year: number | null }> {
  const out = new Map<string, { value: number; reportId: string; year: number | null; e: ReportListing }>();
  for (const e of entries) {
    if (!e.region) continue;
    const v = POPULATION_INDICATORS.map((id) => e.indicators.find((x) => x.id === id && x.kind === "actual")).find(Boolean);
    if (!v || !(v.normalizedValue > 0)) continue;
    const prev = out.get(e.region.gbCode);
    if (!prev || comparePeriods(prev.e, e) < 0) out.set(e.region.gbCode, { value: v.normalizedValue, reportId: e.id, year: e.year, e });
  }
  return new Map([...out].map(([k, { value, reportId, year }]) => [k, { value, reportId, year }]));
}

/** Whether an indicator's values scale with population (and so may be shown per 10,000 people). */
export function isCount(ind: Indicator | undefined): boolean {
  return !!ind && (ind.kind === "count" || ind.kind === "money") && !POPULATION_INDICATORS.includes(ind.id);
}

export function valueRows(entries: readonly ReportListing[], index: Map<string, Indicator>, base = "/"): ValueRow[] {
  const pop = populationByRegion(entries);
  const rows: ValueRow[] = [];
  for (const e of entries) {
    const p = e.region ? pop.get(e.region.gbCode) : undefined;
    for (const v of e.indicators) {
      const ind = index.get(v.id);
      const per10k = p && isCount(ind) ? (v.normalizedValue / p.value) * 10000 : null;
      rows.push({
        reportId: e.id,
        regionCode: e.region?.gbCode ?? null,
        regionName: e.region?.name ?? null,
        prefecture: e.region?.prefecture ?? null,
        province: e.region?.province ?? null,
        year: e.year,
        period: e.period,
        indicator: v.id,
        indicatorName: ind?.zh ?? v.label,
        label: v.label,
        value: v.value,
        unit: v.unit,
        normalizedValue: v.normalizedValue,
        normalizedUnit: v.normalizedUnit,
        per10k,
        population: per10k === null ? null : p!.value,
        populationReport: per10k === null ? null : p!.reportId,
        kind: v.kind,
        qualifier: v.qualifier,
        asOf: v.asOf,
        quote: v.quote,
        start: v.start,
        end: v.end,
        link: mentionHref(base, e.id, v.start),
      });
    }
  }
  // By indicator, region (in localeCompare order; unknown region as "~"), period and position. The
  // strings are collated once each (collationRanks), not again for every pair of the sort.
  const indicatorRank = collationRanks(rows.map((r) => r.indicator));
  const regionKey = (r: ValueRow) => r.regionCode ?? "~";
  const regionRank = collationRanks(rows.map(regionKey));
  rows.sort((a, b) => indicatorRank.get(a.indicator)! - indicatorRank.get(b.indicator)! || regionRank.get(regionKey(a))! - regionRank.get(regionKey(b))! || comparePeriods(a, b) || a.start - b.start);
  return rows;
}

/**
 * Each distinct string's place in localeCompare order, strings that compare equal sharing one:
 * comparing places gives the same sign as localeCompare for every pair, so a sort by them orders
 * exactly as a sort by localeCompare.
 */
function collationRanks(values: readonly string[]): Map<string, number> {
  const distinct = [...new Set(values)].sort((a, b) => a.localeCompare(b));
  const ranks = new Map<string, number>();
  let rank = 0;
  distinct.forEach((s, i) => {
    if (i > 0 && distinct[i - 1]!.localeCompare(s) !== 0) rank++;
    ranks.set(s, rank);
  });
  return ranks;
}

/**
 * The points a cross-region chart shows: actual values only, one per report (the first stated),
 * for regions that are known. Targets and unknown regions stay in the tables.
 */
export function chartPoints(rows: readonly ValueRow[]): ValueRow[] {
  // The first stated: the lowest start, the earlier row on a tie. Found in one pass rather than by
  // sorting every row by start first (this runs five times over every row in a build).
  const first = new Map<string, { r: ValueRow; i: number }>();
  rows.forEach((r, i) => {
    if (r.kind !== "actual" || !r.regionCode) return;
    const key = `${r.reportId}|${r.indicator}`;
    const prev = first.get(key);
    if (!prev || r.start < prev.r.start) first.set(key, { r, i });
  });
  // Region codes are six digits (schema), whose code-unit order is their collation order:
  // compared directly rather than with localeCompare, which cost more than the rest of this function.
  // Ties by start, then by place in `rows` (the order a sort by start, then this one, left them in).
  return [...first.values()]
    .sort((a, b) => (a.r.regionCode! < b.r.regionCode! ? -1 : a.r.regionCode! > b.r.regionCode! ? 1 : comparePeriods(a.r, b.r) || a.r.start - b.r.start || a.i - b.i))
    .map((p) => p.r);
}

/** Groups chart points by period type (H1, FY, …): values of different period types are never plotted together. */
export function byPeriodType(points: readonly ValueRow[]): Map<Period | "unknown", ValueRow[]> {
  return groupBy(points, (p) => p.period ?? "unknown");
}

/** Items grouped by key, in first-seen order; items whose key is null are left out. */
export function groupBy<T, K>(xs: readonly T[], key: (x: T) => K | null): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of xs) {
    const k = key(x);
    if (k === null) continue;
    const list = out.get(k);
    if (list) list.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** The latest point per region (for the cross-region comparison of one period type). */
export function latestPerRegion(points: readonly ValueRow[]): ValueRow[] {
  const by = new Map<string, ValueRow>();
  for (const p of points) {
    const prev = by.get(p.regionCode!);
    if (!prev || comparePeriods(prev, p) < 0) by.set(p.regionCode!, p);
  }
  return [...by.values()];
}

export const CSV_COLUMNS = [
  "reportId", "regionCode", "regionName", "prefecture", "province", "year", "period", "indicator", "indicatorName",
  "value", "unit", "normalizedValue", "normalizedUnit", "per10k", "population", "kind", "qualifier", "asOf", "quote", "start", "end", "link",
] as const satisfies readonly (keyof ValueRow)[];

/** Text a spreadsheet could read as a formula (report text is untrusted): guarded with a leading '. */
const FORMULA_START = /^[=+\-@\t\r]/;
/** Text that must be quoted in a CSV cell. */
const NEEDS_QUOTES = /[",\n\r]/;
/** Either of the two: most cells need neither treatment, and one test tells. */
const CSV_SPECIAL = new RegExp(`${FORMULA_START.source}|${NEEDS_QUOTES.source}`);

function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  // Numbers are never guarded (strings only are: -5 stays a number) and need no quotes.
  if (typeof v === "number") return String(v);
  const s = String(v);
  if (!CSV_SPECIAL.test(s)) return s;
  const safe = FORMULA_START.test(s) && typeof v === "string" ? `'${s}` : s;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV with a header row, CRLF line ends and a UTF-8 BOM so spreadsheet programs read the Chinese. */
export function toCsv(rows: readonly ValueRow[], site = ""): string {
  return csvParts(rows, site).join("");
}

/** Rows per piece of a large download: each piece is one string, the file a Blob of pieces. */
const PIECE_ROWS = 20_000;

function pieces(rows: readonly ValueRow[], line: (r: ValueRow) => string, sep: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += PIECE_ROWS) out.push(rows.slice(i, i + PIECE_ROWS).map(line).join(sep));
  return out;
}

const CSV_HEADER = "\uFEFF" + CSV_COLUMNS.join(",") + "\r\n";

function csvLine(site: string): (r: ValueRow) => string {
  const cell = (r: ValueRow, c: (typeof CSV_COLUMNS)[number]) => csvCell(c === "link" ? site + r.link : r[c]);
  // A loop rather than map + join: this runs for every value of every download.
  return (r: ValueRow) => {
    let out = cell(r, CSV_COLUMNS[0]);
    for (let i = 1; i < CSV_COLUMNS.length; i++) out += "," + cell(r, CSV_COLUMNS[i]!);
    return out + "\r\n";
  };
}

/**
 * What a whole-corpus download wrote for each of its groups (the rows of one indicator), kept for
 * that group's own download, which takes it once: each value's CSV line and JSON would otherwise
 * be written twice. Keyed by the group's array (site-data's rowsByIndicator), so only the very
 * rows a piece was written from can take it; it lives from the whole file to the group's file.
 */
class GroupPieces {
  private readonly pieces = new Map<readonly ValueRow[], string>();
  put(group: readonly ValueRow[], piece: string): void {
    this.pieces.set(group, piece);
  }
  take(group: readonly ValueRow[]): string | undefined {
    const piece = this.pieces.get(group);
    this.pieces.delete(group);
    return piece;
  }
}
const csvBodies = new GroupPieces();
const jsonBodies = new GroupPieces();

/** The groups when they are `rows` cut into consecutive runs, in order; else null. */
function runsOf(rows: readonly ValueRow[], groups: Iterable<readonly ValueRow[]> | undefined): (readonly ValueRow[])[] | null {
  if (!groups) return null;
  const out = [...groups];
  let at = 0;
  for (const g of out) for (const r of g) if (rows[at++] !== r) return null;
  return at === rows.length ? out : null;
}

function csvParts(rows: readonly ValueRow[], site: string, groups?: Iterable<readonly ValueRow[]>): string[] {
  const line = csvLine(site);
  const runs = site === "" ? runsOf(rows, groups) : null;
  if (runs) {
    return [
      CSV_HEADER,
      ...runs.map((g) => {
        const body = g.map(line).join("");
        csvBodies.put(g, body);
        return body;
      }),
    ];
  }
  const kept = site === "" ? csvBodies.take(rows) : undefined;
  return [CSV_HEADER, ...(kept !== undefined ? [kept] : pieces(rows, line, ""))];
}

/**
 * The same CSV as a Blob built from pieces of 20,000 rows: the whole-corpus download is ~90 MB at
 * 10,000 reports and would pass V8's maximum string length (~512 M characters) as one string
 * somewhere past 50,000 reports.
 */
export function csvBlob(rows: readonly ValueRow[], site = ""): Blob {
  return new Blob(csvParts(rows, site));
}

/**
 * A CSV download route's response (csvBlob). `groups`, for the whole-corpus file: `rows` cut into
 * runs (one per indicator), each of which is later a download of its own and takes its lines from
 * here (the file is then a Blob of one piece per group).
 */
export function csvResponse(rows: readonly ValueRow[], groups?: Iterable<readonly ValueRow[]>): Response {
  return new Response(new Blob(csvParts(rows, "", groups)), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
}

/** `{…head,"rows":[`: the JSON of `head` opened for its rows. */
function rowsOpening(head: Record<string, unknown>): string {
  return JSON.stringify(head).slice(0, -1) + (Object.keys(head).length ? "," : "") + '"rows":[';
}

/**
 * `{"meta":…,"columns":[…],"rows":[…]}` as a Blob of pieces (see csvBlob), one row per line.
 * `groups` as for csvResponse: each group's rows are kept, as rowsJson writes them, for rowsJson.
 */
export function rowsJsonBlob(head: Record<string, unknown>, rows: readonly ValueRow[], groups?: Iterable<readonly ValueRow[]>): Blob {
  const open = rowsOpening(head) + "\n";
  const runs = runsOf(rows, groups);
  const parts = runs
    ? runs.filter((g) => g.length).map((g) => {
        const each = g.map((r) => JSON.stringify(r));
        jsonBodies.put(g, each.join(","));
        return each.join(",\n");
      })
    : pieces(rows, (r) => JSON.stringify(r), ",\n");
  return new Blob([open, ...parts.flatMap((p, i) => (i ? [",\n", p] : [p])), "\n]}"]);
}

/** `JSON.stringify({...head, rows})`, the rows written once for both this file and the whole-corpus one (rowsJsonBlob). */
export function rowsJson(head: Record<string, unknown>, rows: readonly ValueRow[]): string {
  const body = jsonBodies.take(rows) ?? rows.map((r) => JSON.stringify(r)).join(",");
  return rowsOpening(head) + body + "]}";
}

export interface ProvinceRows {
  /** The first two digits of the regions' GB codes, or "unknown" for reports without a region. */
  key: string;
  /** The province's name, or 地区不详. */
  name: string;
  rows: ValueRow[];
}

/** Rows grouped by province, in GB code order, reports of unknown region last. */
export function rowsByProvince(rows: readonly ValueRow[]): ProvinceRows[] {
  const out = new Map<string, ProvinceRows>();
  for (const r of rows) {
    const key = r.regionCode ? r.regionCode.slice(0, 2) : "unknown";
    const g = out.get(key);
    if (g) g.rows.push(r);
    else out.set(key, { key, name: r.province ?? UNKNOWN_REGION, rows: [r] });
  }
  return [...out.values()].sort((a, b) => (a.key === "unknown" ? 1 : b.key === "unknown" ? -1 : a.key.localeCompare(b.key)));
}
