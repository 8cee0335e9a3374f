// `npm run ingest` (first half of `npm run build`): every file in REPORTS_DIR becomes a content
// entry in content/reports/ or a line in the build report saying why not. One bad file never
// stops the others.
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { extname, join, relative, resolve } from "node:path";
import { analyse, type AnalysedReport } from "./pipeline/report";
import { assignIds, baseId, toEntry } from "./pipeline/entry";
import { serialiseEntry } from "../src/lib/entry-file";
import { BUILD_DIR, BUILD_REPORT, DEFAULT_REPORTS_DIR, ENTRIES_DIR } from "../src/lib/paths";
import type { BuildFileOutcome, BuildReport } from "../src/lib/schema";
import { EXTRACTOR_VERSION } from "./extract/index";

function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      const st = statSync(path);
      if (st.isDirectory()) walk(path);
      else if (st.isFile()) out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** Text with all white space removed: two files that differ only in spacing are one report. */
function contentKey(r: AnalysedReport): string {
  return r.cleaned.text.replace(/\s+/g, "");
}

export interface IngestOptions {
  reportsDir: string;
  entriesDir?: string;
  buildReportPath?: string;
  log?: (line: string) => void;
}

export async function ingest(opts: IngestOptions): Promise<BuildReport> {
  const reportsDir = resolve(opts.reportsDir);
  const entriesDir = opts.entriesDir ?? ENTRIES_DIR;
  const log = opts.log ?? (() => {});
  const files = listFiles(reportsDir);
  const outcomes: BuildFileOutcome[] = [];
  const published: { r: AnalysedReport; rel: string; outcome: BuildFileOutcome }[] = [];
  const byKey = new Map<string, string>();

  for (const path of files) {
    const rel = relative(reportsDir, path);
    let analysis;
    try {
      analysis = await analyse(readFileSync(path), path);
    } catch (e) {
      // A crash in one report is that report's rejection, not the build's.
      analysis = { ok: false as const, sha256: "", reason: `internal error while reading: ${(e as Error).message}` };
    }
    if (!analysis.ok) {
      outcomes.push({ file: rel, outcome: "rejected", reason: analysis.reason, warnings: [] });
      log(`rejected  ${rel}: ${analysis.reason}`);
      continue;
    }
    const key = contentKey(analysis);
    const first = byKey.get(key);
    if (first !== undefined) {
      outcomes.push({ file: rel, outcome: "duplicate", duplicateOf: first, warnings: [] });
      log(`duplicate ${rel}: same text as ${first}`);
      continue;
    }
    byKey.set(key, rel);
    const outcome: BuildFileOutcome = { file: rel, outcome: "published", warnings: analysis.warnings };
    outcomes.push(outcome);
    published.push({ r: analysis, rel, outcome });
  }

  const ids = assignIds(published.map((p) => baseId(p.r)));
  rmSync(entriesDir, { recursive: true, force: true });
  mkdirSync(entriesDir, { recursive: true });
  published.forEach(({ r, rel, outcome }, i) => {
    const id = ids[i]!;
    outcome.id = id;
    const entry = toEntry(r, id, rel);
    writeFileSync(join(entriesDir, `${id}.md`), serialiseEntry(entry, r.cleaned.text));
  });
  // Duplicates name the id of the report they repeat.
  const idByFile = new Map(published.map((p) => [p.rel, p.outcome.id!]));
  for (const o of outcomes) if (o.outcome === "duplicate") o.duplicateOf = `${o.duplicateOf} (${idByFile.get(o.duplicateOf!)})`;

  const count = (k: BuildFileOutcome["outcome"]) => outcomes.filter((o) => o.outcome === k).length;
  const report: BuildReport = {
    generatedAt: new Date().toISOString(),
    reportsDir: opts.reportsDir,
    extractorVersion: EXTRACTOR_VERSION,
    counts: {
      read: files.length,
      published: count("published"),
      duplicate: count("duplicate"),
      rejected: count("rejected"),
      warnings: outcomes.reduce((n, o) => n + o.warnings.length, 0),
    },
    files: outcomes,
  };
  const reportPath = opts.buildReportPath ?? BUILD_REPORT;
  mkdirSync(resolve(reportPath, ".."), { recursive: true });
  writeFileSync(reportPath, JSON.stringify(report, null, 2));
  return report;
}

export function summaryTable(report: BuildReport): string {
  const rows = report.files.map((f) => {
    const what = f.outcome === "published" ? f.id : f.outcome === "duplicate" ? `= ${f.duplicateOf}` : f.reason;
    const warn = f.warnings.length ? `  (${f.warnings.join("; ")})` : "";
    return `${f.outcome.padEnd(9)}  ${f.file}  →  ${what}${warn}`;
  });
  const c = report.counts;
  return [
    ...rows,
    "",
    `files read ${c.read} | published ${c.published} | duplicates ${c.duplicate} | rejected ${c.rejected} | warnings ${c.warnings}`,
  ].join("\n");
}

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const strict = process.argv.includes("--strict");
  const reportsDir = process.env.REPORTS_DIR || DEFAULT_REPORTS_DIR;
  let report: BuildReport;
  try {
    statSync(reportsDir);
    report = await ingest({ reportsDir, log: (l) => process.stderr.write(l + "\n") });
  } catch (e) {
    process.stderr.write(`cannot read the reports folder ${reportsDir}: ${(e as Error).message}\n`);
    process.exit(2);
  }
  process.stdout.write(summaryTable(report) + "\n");
  process.stdout.write(`build report: ${relative(process.cwd(), BUILD_REPORT)} (copied to dist/build-report.json by the site build)\n`);
  if (report.counts.published === 0) {
    process.stderr.write("no report could be published\n");
    process.exit(1);
  }
  if (strict && report.counts.rejected > 0) {
    process.stderr.write(`--strict: ${report.counts.rejected} file(s) rejected\n`);
    process.exit(1);
  }
}
void BUILD_DIR;
