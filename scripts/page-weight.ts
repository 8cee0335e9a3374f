// `npm run check:weight [-- --dist DIR] [--top N]`: the transfer weight of every page in dist/.
//
// A page's weight is what a first visit downloads to render it: its HTML plus every stylesheet it
// links, each gzip-compressed (level 6, what static hosts typically serve). Inline <svg> charts
// count as HTML. Bars (issue 6): a report page ≤ 60 KB, an indicator page ≤ 120 KB (KB = 1,000
// bytes), and no JavaScript (<script>, modulepreload) on any page except /search/ and /compare/.
// Prints the heaviest pages and every violation; exits 1 if there is one.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const LIMITS = { report: 60_000, indicator: 120_000 } as const;
/** Pages allowed to load JavaScript (and everything below them). */
export const JS_ALLOWED = ["/search/", "/compare/"];

export type PageKind = "report" | "indicator" | "other";

export interface PageWeight {
  url: string;
  kind: PageKind;
  htmlGz: number;
  cssGz: number;
  total: number;
  scripts: string[];
}

export function kindOf(url: string): PageKind {
  if (/^\/reports\/[^/]+\/$/.test(url)) return "report";
  if (/^\/indicators\/[^/]+\/$/.test(url)) return "indicator";
  return "other";
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(".html")) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

function urlOf(dist: string, file: string): string {
  const rel = "/" + relative(dist, file).split(sep).join("/");
  return rel.endsWith("/index.html") ? rel.slice(0, -"index.html".length) : rel;
}

const gz = (buf: Buffer | string) => gzipSync(buf, { level: 6 }).length;
const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag)?.slice(1).find((x) => x !== undefined);

export function pageWeights(dist: string): PageWeight[] {
  const cssCache = new Map<string, number>();
  const cssGz = (href: string, pageUrl: string): number => {
    const path = new URL(href, `http://site${pageUrl}`).pathname;
    const file = join(dist, decodeURIComponent(path));
    if (!cssCache.has(file)) cssCache.set(file, existsSync(file) ? gz(readFileSync(file)) : 0);
    return cssCache.get(file)!;
  };
  return htmlFiles(dist).map((file) => {
    const html = readFileSync(file, "utf8");
    const url = urlOf(dist, file);
    let css = 0;
    for (const m of html.matchAll(/<link\b[^>]*>/gi)) {
      const rel = attr(m[0], "rel")?.toLowerCase() ?? "";
      const href = attr(m[0], "href");
      if (rel.split(/\s+/).includes("stylesheet") && href && !/^(?:https?:)?\/\//.test(href)) css += cssGz(href, url);
    }
    const scripts: string[] = [];
    for (const m of html.matchAll(/<script\b[^>]*>/gi)) {
      const type = attr(m[0], "type")?.toLowerCase();
      // Data blocks are not scripts.
      if (type && /json|template/.test(type)) continue;
      scripts.push(attr(m[0], "src") ?? "inline");
    }
    for (const m of html.matchAll(/<link\b[^>]*>/gi)) if (/modulepreload/i.test(attr(m[0], "rel") ?? "")) scripts.push(`modulepreload ${attr(m[0], "href")}`);
    const htmlGz = gz(html);
    return { url, kind: kindOf(url), htmlGz, cssGz: css, total: htmlGz + css, scripts };
  });
}

export function violations(pages: PageWeight[]): string[] {
  const out: string[] = [];
  for (const p of pages) {
    if (p.kind === "report" && p.total > LIMITS.report) out.push(`${p.url}: report page ${kb(p.total)} > ${kb(LIMITS.report)}`);
    if (p.kind === "indicator" && p.total > LIMITS.indicator) out.push(`${p.url}: indicator page ${kb(p.total)} > ${kb(LIMITS.indicator)}`);
    if (p.scripts.length && !JS_ALLOWED.some((a) => p.url.startsWith(a))) out.push(`${p.url}: JavaScript on a page that must have none (${p.scripts.slice(0, 3).join(", ")})`);
  }
  return out;
}

const kb = (b: number) => `${(b / 1000).toFixed(1)} KB`;

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(fileURLToPath(import.meta.url));
if (isMain) {
  const i = process.argv.indexOf("--dist");
  const dist = resolve(i >= 0 ? process.argv[i + 1]! : "dist");
  const t = process.argv.indexOf("--top");
  const top = t >= 0 ? Number(process.argv[t + 1]) : 15;
  if (!existsSync(dist)) {
    process.stderr.write(`no ${dist}: run \`npm run build\` first\n`);
    process.exit(2);
  }
  const pages = pageWeights(dist);
  const sorted = [...pages].sort((a, b) => b.total - a.total);
  const line = (p: PageWeight) =>
    `${kb(p.total).padStart(9)}  html ${kb(p.htmlGz).padStart(9)}  css ${kb(p.cssGz).padStart(8)}  ${p.scripts.length ? "JS " : "   "} ${p.kind.padEnd(9)} ${p.url}`;
  process.stdout.write(`${pages.length} pages in ${relative(process.cwd(), dist) || "."} (HTML + linked CSS, gzip -6)\n\nheaviest:\n`);
  for (const p of sorted.slice(0, top)) process.stdout.write(line(p) + "\n");
  for (const kind of ["report", "indicator"] as const) {
    const ofKind = sorted.filter((p) => p.kind === kind);
    if (!ofKind.length) continue;
    const median = ofKind[ofKind.length >> 1]!.total;
    process.stdout.write(`\n${kind} pages: ${ofKind.length}, heaviest ${kb(ofKind[0]!.total)} (${ofKind[0]!.url}), median ${kb(median)}, limit ${kb(LIMITS[kind])}\n`);
  }
  const withJs = pages.filter((p) => p.scripts.length).map((p) => p.url);
  process.stdout.write(`\npages with JavaScript: ${withJs.length ? withJs.join(" ") : "none"}\n`);
  const bad = violations(pages);
  if (bad.length) {
    process.stdout.write(`\n${bad.length} violation(s):\n${bad.map((b) => `  ${b}`).join("\n")}\n`);
    process.exit(1);
  }
  process.stdout.write("\nall pages within their limits\n");
}
