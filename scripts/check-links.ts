// Link checker for the built site: every internal href/src in every HTML page of dist/ must
// resolve to a file, and every #fragment on an internal page must name an element id there
// (so /reports/<id>/#m-<start> links land on their number). Parses HTML with linkedom.
//   npm run check:links [-- DIR]        (default dist/)
import { existsSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { parseHTML } from "linkedom";
import { filesUnder } from "../src/lib/files";

export interface BrokenLink { page: string; href: string; reason: string }
export interface LinkReport { pages: number; links: number; broken: BrokenLink[] }

const ATTRS: [string, string][] = [
  ["a", "href"], ["area", "href"], ["link", "href"], ["script", "src"], ["img", "src"], ["source", "src"],
  ["iframe", "src"], ["form", "action"], ["use", "href"], ["image", "href"],
];

/** The file a site path resolves to, as a static host would serve it, or null. */
export function resolveTarget(root: string, pathname: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  const base = resolve(root, "." + path);
  if (base !== root && !base.startsWith(root + sep)) return null; // escapes the site
  const candidates = path.endsWith("/") ? [join(base, "index.html")] : [base, join(base, "index.html"), `${base}.html`];
  for (const c of candidates) if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

function isExternal(href: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith("//");
}

export function checkLinks(dir: string): LinkReport {
  const root = resolve(dir);
  if (!existsSync(root)) throw new Error(`${dir} does not exist: build the site first`);
  const files = filesUnder(root, ".html");
  const ids = new Map<string, Set<string>>();
  const docs = new Map<string, Document>();
  const load = (file: string) => {
    let doc = docs.get(file);
    if (!doc) {
      doc = parseHTML(readFileSync(file, "utf8")).document as unknown as Document;
      docs.set(file, doc);
    }
    return doc;
  };
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...load(file).querySelectorAll("[id]")].map((e) => e.getAttribute("id")!));
      for (const a of load(file).querySelectorAll("a[name]")) set.add(a.getAttribute("name")!);
      ids.set(file, set);
    }
    return set;
  };
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of files) {
    const doc = load(file);
    const pagePath = "/" + relative(root, file).split(sep).join("/").replace(/index\.html$/, "");
    const pageUrl = new URL(pagePath, "http://site.invalid");
    for (const [tag, attr] of ATTRS) {
      for (const el of doc.querySelectorAll(tag)) {
        const href = el.getAttribute(attr) ?? (attr === "href" ? el.getAttribute("xlink:href") : null);
        if (href === null || href === "" || isExternal(href)) continue;
        links++;
        const url = new URL(href, pageUrl);
        const page = relative(root, file);
        const target = resolveTarget(root, url.pathname);
        if (!target) {
          broken.push({ page, href, reason: "no such file" });
          continue;
        }
        const frag = url.hash.slice(1);
        if (frag && target.endsWith(".html") && !idsOf(target).has(decodeURIComponent(frag))) {
          broken.push({ page, href, reason: `no element with id "${decodeURIComponent(frag)}"` });
        }
      }
    }
    if (docs.size > 200) docs.clear(); // keep memory flat on big sites (ids stay cached)
  }
  return { pages: files.length, links, broken };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const dir = process.argv[2] ?? "dist";
  const report = checkLinks(dir);
  for (const b of report.broken.slice(0, 200)) console.error(`broken: ${b.page} → ${b.href} (${b.reason})`);
  console.log(`checked ${report.links} internal links on ${report.pages} pages in ${dir}: ${report.broken.length} broken`);
  process.exit(report.broken.length ? 1 : 0);
}
