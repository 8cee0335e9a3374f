// `npm run bench [-- --sizes 100,1000,10000] [--repeat R] [--work DIR] [--mem-cap-gb G]`
//
// For each corpus size N: a synthetic corpus (scripts/corpus-synth.ts, seed 1), then in a temp
// copy of the project (never /work/main's dist/ or content/) the stages of `npm run build` —
// ingest+extract (cold), Astro build, search index — plus a rebuild after changing one report
// (warm cache), the site's size; and on the same corpus the FLOOR: a minimal Astro project
// (scripts/bench/floor/) with one page per report and the default Pagefind CLI index over it.
// Each stage is a child process; its wall time and the peak resident memory of its whole process
// tree (sampled from /proc every 100 ms) are recorded. Medians over --repeat runs.
// Results are merged into scripts/bench/results.json and written as docs/benchmarks.md.
//
// Memory guard: a stage whose process tree grows past --mem-cap-gb (default 12) is killed and
// reported as "> cap" — the machine is shared, and the issue measured Pagefind's default CLI at
// 22 GB for 10,000 pages.
import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync, lstatSync } from "node:fs";
import { availableParallelism, cpus, totalmem } from "node:os";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { synthCorpus } from "./corpus-synth";
import { pageWeights, violations } from "./page-weight";
import { stepTimings } from "./build";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** A stage running longer than this is killed and reported as such (--stage-timeout-min). */
let STAGE_TIMEOUT_MS = 60 * 60_000;
const PAGE = 4096;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export interface StageResult {
  ms: number;
  peakBytes: number;
  ok: boolean;
  killed?: boolean;
  note?: string;
  stdout?: string;
}

// ---------- process-tree measurement ----------

function procTable(): Map<number, { ppid: number; rss: number }> {
  const t = new Map<number, { ppid: number; rss: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // rest[0] = state, rest[1] = ppid, … rest[21] = rss (pages)
      t.set(Number(name), { ppid: Number(rest[1]), rss: Number(rest[21]) * PAGE });
    } catch {
      /* exited */
    }
  }
  return t;
}

function treeRss(root: number): number {
  const t = procTable();
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of t) {
    const list = children.get(ppid) ?? [];
    list.push(pid);
    children.set(ppid, list);
  }
  let sum = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    sum += t.get(pid)?.rss ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return sum;
}

/** The `build step …` line within a line of output (after whatever astro had half written), or "". */
function stepLine(line: string): string {
  const at = line.indexOf("build step ");
  return at >= 0 ? line.slice(at) + "\n" : "";
}

/** Runs a shell command as a measured stage. */
function stage(label: string, command: string, opts: { cwd: string; env?: Record<string, string>; capBytes: number }): Promise<StageResult> {
  const timeoutMs = STAGE_TIMEOUT_MS;
  return new Promise((done) => {
    const t0 = performance.now();
    const child = spawn("sh", ["-c", command], {
      cwd: opts.cwd,
      env: { ...process.env, ...opts.env, PATH: `${join(opts.cwd, "node_modules/.bin")}:${process.env.PATH}` },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let stdout = "";
    let stderr = "";
    let steps = "";
    let partial = "";
    child.stdout.on("data", (d) => {
      stdout = (stdout + d).slice(-20_000);
      // The build's step timings must survive long page listings in between; a step's line can
      // follow half a line of astro's, and a chunk can end mid-line.
      const lines = (partial + d).split("\n");
      partial = lines.pop()!;
      for (const line of lines) steps += stepLine(line);
    });
    child.stderr.on("data", (d) => (stderr = (stderr + d).slice(-20_000)));
    let peak = 0;
    let killed = false;
    let note: string | undefined;
    const timer = setInterval(() => {
      if (!killed && performance.now() - t0 > timeoutMs) {
        killed = true;
        note = `killed at the time cap (${(timeoutMs / 60000).toFixed(0)} min)`;
        process.stderr.write(`  ${label}: ${note}\n`);
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          /* gone */
        }
      }
      const rss = treeRss(child.pid!);
      if (rss > peak) peak = rss;
      if (rss > opts.capBytes && !killed) {
        killed = true;
        note = `killed at the memory cap (${(opts.capBytes / 2 ** 30).toFixed(0)} GiB)`;
        process.stderr.write(`  ${label}: ${(rss / 2 ** 30).toFixed(1)} GiB > cap — killing it\n`);
        try {
          process.kill(-child.pid!, "SIGKILL");
        } catch {
          /* gone */
        }
      }
    }, 100);
    child.on("exit", (code) => {
      clearInterval(timer);
      const ms = performance.now() - t0;
      const ok = code === 0 && !killed;
      if (!ok && !killed) process.stderr.write(`  ${label} failed (exit ${code}):\n${stderr.slice(-3000)}\n`);
      steps += stepLine(partial);
      done({ ms, peakBytes: peak, ok, killed, note, stdout: steps + stdout });
    });
  });
}

// ---------- work directories ----------

/** node_modules as a folder of links to the project's packages, so caches written under it stay local. */
function linkNodeModules(dir: string): void {
  const nm = join(dir, "node_modules");
  mkdirSync(nm, { recursive: true });
  const src = join(ROOT, "node_modules");
  for (const name of readdirSync(src)) {
    if (name === ".astro" || name === ".vite" || name === ".cache") continue;
    const target = join(nm, name);
    if (!existsSync(target)) symlinkSync(join(src, name), target);
  }
}

function copyProject(dest: string): void {
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const skip = new Set(["node_modules", "dist", ".astro", ".git", ".tmp-search", "test-results"]);
  for (const name of readdirSync(ROOT)) {
    if (skip.has(name)) continue;
    if (name === "content") {
      mkdirSync(join(dest, "content"));
      for (const c of readdirSync(join(ROOT, "content"))) {
        if (c === "reports" || c === ".cache" || c === ".build" || c === "sources") continue;
        cpSync(join(ROOT, "content", c), join(dest, "content", c), { recursive: true });
      }
      continue;
    }
    cpSync(join(ROOT, name), join(dest, name), { recursive: true, dereference: false });
  }
  linkNodeModules(dest);
}

function copyFloor(dest: string): void {
  rmSync(dest, { recursive: true, force: true });
  cpSync(join(ROOT, "scripts/bench/floor"), dest, { recursive: true });
  linkNodeModules(dest);
}

function duBytes(dir: string): { bytes: number; files: number; html: number } {
  let bytes = 0;
  let files = 0;
  let html = 0;
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = lstatSync(p);
      if (st.isDirectory()) walk(p);
      else {
        bytes += st.size;
        files++;
        if (name.endsWith(".html")) html++;
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  return { bytes, files, html };
}

// ---------- one run ----------

export interface RunResult {
  n: number;
  ours: { ingest: StageResult; site: StageResult; astro: StageResult; search: StageResult; rebuild: StageResult; siteBytes: number; siteFiles: number; htmlPages: number; ingestMBps?: number; dataStoreBytes: number; weight?: { report: { total: number; url: string }; indicator: { total: number; url: string }; violations: number; examples: string[] } };
  floor: { astro: StageResult; pagefind: StageResult; siteBytes: number; siteFiles: number; htmlPages: number };
}

async function runOnce(n: number, corpus: string, work: string, capBytes: number): Promise<RunResult> {
  const proj = join(work, "proj");
  const floor = join(work, "floor");
  copyProject(proj);
  copyFloor(floor);
  const env = { REPORTS_DIR: corpus, SITE_CACHE_DIR: join(proj, ".astro-cache"), ASTRO_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  const log = (l: string) => process.stderr.write(`[N=${n}] ${l}\n`);

  // The stages are the build script's own phases (scripts/build.ts), started as `npm run build`
  // starts it: node with tsx's loader (tsx's own CLI starts a second node process, ~0.2 s).
  const ingestCommand = "node --import tsx scripts/build.ts --phase ingest --quiet";
  log("ours: ingest (cold)");
  const ingest = await stage("ingest", ingestCommand, { cwd: proj, env, capBytes });
  const rate = /\(([\d.]+) MB\/s per thread\)/.exec(ingest.stdout ?? "");
  log(`  ${(ingest.ms / 1000).toFixed(1)} s, ${(ingest.peakBytes / 2 ** 20).toFixed(0)} MiB  ${(ingest.stdout ?? "").split("\n").find((l) => l.startsWith("ingest:")) ?? ""}`);

  log("ours: site (astro build, search index)");
  const sitePhase = await stage("site", "node --import tsx scripts/build.ts --phase site", { cwd: proj, env, capBytes });
  const steps = stepTimings(sitePhase.stdout ?? "");
  // Steps run inside one measured phase: each gets its own time and the phase's peak memory.
  // A killed phase leaves its first step's time as a lower bound (the phase's time).
  const step = (name: string, fallbackMs: number): StageResult => ({ ...sitePhase, ms: name in steps ? steps[name]! * 1000 : fallbackMs, ok: sitePhase.ok && name in steps });
  const astro = step("astro", sitePhase.ms);
  const search = step("search", 0);
  log(`  ${(sitePhase.ms / 1000).toFixed(1)} s, ${(sitePhase.peakBytes / 2 ** 20).toFixed(0)} MiB (astro ${steps.astro ?? "?"} s, search ${steps.search ?? "?"} s)`);
  const dataStore = [join(proj, ".astro-cache/data-store.json"), join(proj, ".astro/data-store.json"), join(proj, "node_modules/.astro/data-store.json")].find(existsSync);
  const site = duBytes(join(proj, "dist"));
  const weights = search.ok && astro.ok ? pageWeights(join(proj, "dist")) : [];
  const heaviest = (kind: string) => weights.filter((w) => w.kind === kind).reduce((m, w) => (w.total > m.total ? w : m), { total: 0, url: "" } as { total: number; url: string });
  const weight = { report: heaviest("report"), indicator: heaviest("indicator"), violations: violations(weights) };
  log(`  heaviest report page ${(weight.report.total / 1000).toFixed(1)} KB, indicator page ${(weight.indicator.total / 1000).toFixed(1)} KB (${weight.indicator.url}), ${weight.violations.length} weight violation(s)`);

  // Three rebuilds, each after changing one more report (the ones before stay changed, so each
  // run sees exactly one new change); the median is the figure: one run alone swings with the
  // disk still writing out the site phase's gigabytes.
  log("ours: rebuild after changing one report (ingest, warm cache; median of 3)");
  const files = readdirSync(corpus).sort();
  const victims = [1, 2, 3].map((q) => join(corpus, files[Math.floor((files.length * q) / 4)]!));
  const originals = victims.map((v) => readFileSync(v));
  const rebuilds: StageResult[] = [];
  try {
    for (const [i, victim] of victims.entries()) {
      writeFileSync(victim, Buffer.concat([originals[i]!, Buffer.from("\n（本文数据为阶段性统计数据。）\n")]));
      const r = await stage("rebuild", ingestCommand, { cwd: proj, env, capBytes });
      log(`  ${(r.ms / 1000).toFixed(1)} s  ${(r.stdout ?? "").split("\n").find((l) => l.startsWith("ingest:")) ?? ""}`);
      rebuilds.push(r);
      if (!r.ok) break;
    }
  } finally {
    victims.forEach((v, i) => writeFileSync(v, originals[i]!));
  }
  const rebuild = [...rebuilds].sort((a, b) => a.ms - b.ms)[rebuilds.length >> 1]!;
  rmSync(join(proj, "dist"), { recursive: true, force: true });
  rmSync(join(proj, "content/reports"), { recursive: true, force: true });

  const fenv = { FLOOR_CORPUS: corpus, ASTRO_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };
  log("floor: astro build");
  const fastro = await stage("floor astro", "astro build", { cwd: floor, env: fenv, capBytes });
  log(`  ${(fastro.ms / 1000).toFixed(1)} s, ${(fastro.peakBytes / 2 ** 20).toFixed(0)} MiB`);
  log("floor: pagefind (default CLI)");
  const pagefind = await stage("floor pagefind", "pagefind --site dist", { cwd: floor, env: fenv, capBytes });
  log(`  ${(pagefind.ms / 1000).toFixed(1)} s, ${(pagefind.peakBytes / 2 ** 20).toFixed(0)} MiB${pagefind.killed ? " (killed at the memory cap)" : ""}`);
  const fsite = duBytes(join(floor, "dist"));
  rmSync(join(floor, "dist"), { recursive: true, force: true });

  return {
    n,
    ours: {
      ingest, site: sitePhase, astro, search, rebuild,
      siteBytes: site.bytes, siteFiles: site.files, htmlPages: site.html,
      ingestMBps: rate ? Number(rate[1]) : undefined,
      dataStoreBytes: dataStore ? statSync(dataStore).size : 0,
      weight: { report: weight.report, indicator: weight.indicator, violations: weight.violations.length, examples: weight.violations.slice(0, 5) },
    },
    floor: { astro: fastro, pagefind, siteBytes: fsite.bytes, siteFiles: fsite.files, htmlPages: fsite.html },
  };
}

// ---------- medians, table, document ----------

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface Summary {
  n: number;
  runs: number;
  date: string;
  machine: string;
  ours: { ingest: [number, number]; astro: [number, number]; search: [number, number]; total: [number, number]; rebuildMs: number; siteBytes: number; htmlPages: number; ingestMBps: number | null; dataStoreBytes: number; failed: string[]; weight?: RunResult["ours"]["weight"]; killed?: string[] };
  floor: { astro: [number, number]; pagefind: [number, number]; total: [number, number]; siteBytes: number; htmlPages: number; pagefindKilled: boolean; failed: string[]; killed?: string[] };
}

function summarise(n: number, runs: RunResult[], machine: string): Summary {
  const m = (f: (r: RunResult) => StageResult): [number, number] => [median(runs.map((r) => f(r).ms)), median(runs.map((r) => f(r).peakBytes))];
  const failed = (f: (r: RunResult) => Record<string, unknown>) =>
    [...new Set(runs.flatMap((r) => Object.entries(f(r)).filter(([, v]) => typeof v === "object" && v && (v as StageResult).ok === false).map(([k]) => k)))];
  const oi = m((r) => r.ours.ingest);
  const oa = m((r) => r.ours.astro);
  const os = m((r) => r.ours.search);
  const fa = m((r) => r.floor.astro);
  const fp = m((r) => r.floor.pagefind);
  const rates = runs.map((r) => r.ours.ingestMBps).filter((x): x is number => x !== undefined);
  return {
    n, runs: runs.length, date: new Date().toISOString().slice(0, 16).replace("T", " ") + " UTC", machine,
    ours: {
      ingest: oi, astro: oa, search: os,
      total: [median(runs.map((r) => r.ours.ingest.ms + r.ours.site.ms)), Math.max(oi[1], oa[1], os[1])],
      rebuildMs: median(runs.map((r) => r.ours.rebuild.ms)),
      siteBytes: median(runs.map((r) => r.ours.siteBytes)), htmlPages: median(runs.map((r) => r.ours.htmlPages)),
      ingestMBps: rates.length ? median(rates) : null,
      dataStoreBytes: median(runs.map((r) => r.ours.dataStoreBytes)),
      failed: failed((r) => r.ours as unknown as Record<string, unknown>),
      weight: runs[runs.length - 1]!.ours.weight,
      killed: [...new Set(runs.flatMap((r) => (["ingest", "astro", "search", "rebuild"] as const).filter((k) => r.ours[k].killed).map((k) => `${k}: ${r.ours[k].note}`)))],
    },
    floor: {
      astro: fa, pagefind: fp,
      total: [median(runs.map((r) => r.floor.astro.ms + r.floor.pagefind.ms)), Math.max(fa[1], fp[1])],
      siteBytes: median(runs.map((r) => r.floor.siteBytes)), htmlPages: median(runs.map((r) => r.floor.htmlPages)),
      pagefindKilled: runs.some((r) => r.floor.pagefind.killed),
      killed: [...new Set(runs.flatMap((r) => (["astro", "pagefind"] as const).filter((k) => r.floor[k].killed).map((k) => `${k}: ${r.floor[k].note}`)))],
      failed: failed((r) => r.floor as unknown as Record<string, unknown>),
    },
  };
}

const sec = (ms: number) => (ms >= 100_000 ? `${(ms / 1000).toFixed(0)} s` : `${(ms / 1000).toFixed(1)} s`);
const gib = (b: number) => (b >= 2 ** 30 ? `${(b / 2 ** 30).toFixed(2)} GiB` : `${(b / 2 ** 20).toFixed(0)} MiB`);
const mb = (b: number) => `${(b / 1e6).toFixed(b >= 1e9 ? 0 : 1)} MB`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "–");

export function table(rows: Summary[]): string {
  const out = [
    "| N | stage | ours: time | ours: peak RSS | floor stage | floor: time | floor: peak RSS | time ours/floor | memory ours/floor |",
    "|---:|---|---:|---:|---|---:|---:|---:|---:|",
  ];
  for (const r of rows) {
    const killed = r.floor.pagefindKilled ? " (killed)" : "";
    const k = (stage: string, which: "ours" | "floor") => ((which === "ours" ? r.ours.killed : r.floor.killed) ?? []).some((x) => x.startsWith(stage + ":")) ? " ≥ (killed)" : "";
    out.push(
      `| ${r.n} | ingest+extract (cold) | ${sec(r.ours.ingest[0])} | ${gib(r.ours.ingest[1])} | — | | | | |`,
      `| ${r.n} | Astro build${k("astro", "ours")} | ${sec(r.ours.astro[0])} | ${gib(r.ours.astro[1])} | Astro build | ${sec(r.floor.astro[0])} | ${gib(r.floor.astro[1])} | ${ratio(r.ours.astro[0], r.floor.astro[0])} | ${ratio(r.ours.astro[1], r.floor.astro[1])} |`,
      `| ${r.n} | search index${k("search", "ours")} | ${sec(r.ours.search[0])} | ${gib(r.ours.search[1])} | Pagefind CLI${killed ? " ≥ (killed)" : ""} | ${sec(r.floor.pagefind[0])} | ${gib(r.floor.pagefind[1])} | ${ratio(r.ours.search[0], r.floor.pagefind[0])} | ${ratio(r.ours.search[1], r.floor.pagefind[1])} |`,
      `| ${r.n} | **total**${(r.ours.killed ?? []).length || (r.floor.killed ?? []).length ? " (lower bounds: a stage was killed)" : ""} | **${sec(r.ours.total[0])}** | **${gib(r.ours.total[1])}** | **total** | **${sec(r.floor.total[0])}** | **${gib(r.floor.total[1])}** | **${ratio(r.ours.total[0], r.floor.total[0])}** | **${ratio(r.ours.total[1], r.floor.total[1])}** |`,
      `| ${r.n} | site on disk${k("astro", "ours") ? " (partial)" : ""} | ${mb(r.ours.siteBytes)} (${r.ours.htmlPages} pages) | | site on disk | ${mb(r.floor.siteBytes)} (${r.floor.htmlPages} pages) | | ${ratio(r.ours.siteBytes, r.floor.siteBytes)} | |`,
    );
    if (r.ours.weight && r.ours.weight.report.total > 0) {
      const w = r.ours.weight;
      out.push(`| ${r.n} | heaviest pages (gzip) | report ${(w.report.total / 1000).toFixed(1)} KB, indicator ${(w.indicator.total / 1000).toFixed(1)} KB; ${w.violations} weight violation(s) | | | | | | |`);
    }
  }
  return out.join("\n");
}

export function bars(rows: Summary[]): string {
  const out = ["| N | whole pipeline ≤ 1.5× floor time | peak memory ≤ 8 GB | extraction ≥ 10 MB/s per core | rebuild after one change ≤ 10% of cold ingest |", "|---:|---|---|---|---|"];
  const yes = (ok: boolean) => (ok ? "✅" : "❌");
  for (const r of rows) {
    const t = r.ours.total[0] / r.floor.total[0];
    const rate = r.ours.ingestMBps;
    const reb = r.ours.rebuildMs / r.ours.ingest[0];
    const ko = (r.ours.killed ?? []).length ? ` (${(r.ours.killed ?? []).join("; ")})` : "";
    const kf = (r.floor.killed ?? []).length ? `; floor ${(r.floor.killed ?? []).join("; ")}` : "";
    out.push(
      `| ${r.n} | ${yes(t <= 1.5 && !ko)} ${ko ? "≥ " : ""}${t.toFixed(2)}×${ko || kf ? ` — ours${ko || " complete"}${kf}` : ""} | ${yes(r.ours.total[1] <= 8e9)} ${ko ? "≥ " : ""}${gib(r.ours.total[1])} | ${rate === null ? "–" : `${yes(rate >= 10)} ${rate.toFixed(2)} MB/s`} | ${yes(reb <= 0.1)} ${(reb * 100).toFixed(1)}% (${sec(r.ours.rebuildMs)} vs ${sec(r.ours.ingest[0])}) |`,
    );
  }
  return out.join("\n");
}

function machine(): string {
  const mem = (totalmem() / 2 ** 30).toFixed(1);
  return `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? "?"}), ${mem} GiB RAM, Node ${process.version}, ${process.platform}`;
}

/** Sections of the old document that this script does not write (e.g. "Extraction speed"), kept as they are. */
export function keptSections(previous: string, generated: string): string {
  const headings = new Set([...generated.matchAll(/^## (.+)$/gm)].map((m) => m[1]!.trim()));
  const sections = previous.split(/^(?=## )/m).slice(1);
  const kept = sections.filter((section) => !headings.has(section.slice(3, section.indexOf("\n")).trim()));
  return kept.length ? "\n" + kept.map((k) => k.trimEnd()).join("\n\n") + "\n" : "";
}

function writeDoc(rows: Summary[], notes: string[]): string {
  const machines = [...new Set(rows.map((r) => r.machine))];
  const doc = `# Benchmarks

Generated by \`npm run bench\` (scripts/bench.ts); the raw medians are in \`scripts/bench/results.json\`.
Re-run with \`npm run bench -- --sizes 100,1000\` (default, ~10 min) or \`--sizes 10000\` (~30 min, run it alone).

**Machine:** ${machines.join("; ")}. The machine was shared with other work while measuring, so times carry
some noise.

**Corpus:** synthetic reports from \`npm run corpus:synth\` (seed 1): real report sentences, gazetteer regions,
2019–2024, H1/FY, ~18 KB of UTF-8 each.

**Method.** Each stage runs as a child process in a temp copy of the project (its own \`dist/\`,
\`content/\` and Astro cache; \`node_modules\` linked). Time is wall-clock; memory is the peak resident
set of the stage's whole process tree (all processes and threads), sampled from \`/proc\` every 100 ms.
Values are **medians of ${[...new Set(rows.map((r) => r.runs))].join("/")} runs** per size (runs per size: ${rows.map((r) => `${r.n}: ${r.runs}`).join(", ")}).
"Ours" is \`npm run build\` run as its two phases (\`scripts/build.ts --phase ingest|site\`):
ingest+extract from a cold cache (worker pool on every core), then the site phase — \`astro build\`
and the search index side by side (one core each), then the staged index moved into the site. The
Astro and search rows give each step's own time (the build prints it) and the site phase's peak
memory (both together); the total is ingest + site phase, so it is less than the sum of the rows. The
**floor** is a minimal Astro project (\`scripts/bench/floor/\`: one page per report, the text as
paragraphs, no content layer) plus \`pagefind --site dist\` with default settings, on the same corpus.
A stage whose tree passes the memory cap is killed and marked.

## Results

${table(rows)}

## Bars (issue 6)

${bars(rows)}

Cold search query download (≤ 150 KB) is measured in the browser by \`npm run eval:search\` (docs/search.md), not here.

## Notes

${notes.map((n) => `- ${n}`).join("\n")}
`;
  const path = join(ROOT, "docs/benchmarks.md");
  mkdirSync(join(ROOT, "docs"), { recursive: true });
  writeFileSync(path, doc + keptSections(existsSync(path) ? readFileSync(path, "utf8") : "", doc));
  return path;
}

// ---------- main ----------

const isMain = process.argv[1] && resolve(process.argv[1]) === resolve(fileURLToPath(import.meta.url));
if (isMain) {
  const sizes = (arg("sizes") ?? "100,1000").split(",").map(Number).filter((x) => x > 0);
  const work = resolve(arg("work") ?? "/tmp/bench-work");
  const capBytes = Number(arg("mem-cap-gb") ?? "12") * 2 ** 30;
  STAGE_TIMEOUT_MS = Number(arg("stage-timeout-min") ?? "60") * 60_000;
  const repeatArg = arg("repeat");
  const resultsPath = join(ROOT, "scripts/bench/results.json");
  const stored: Record<string, Summary> = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, "utf8")) : {};
  const notesPath = join(ROOT, "scripts/bench/notes.json");
  const notes: string[] = existsSync(notesPath) ? JSON.parse(readFileSync(notesPath, "utf8")) : [];
  mkdirSync(work, { recursive: true });
  for (const n of process.argv.includes("--doc-only") ? [] : sizes) {
    const repeat = repeatArg ? Number(repeatArg) : n <= 100 ? 3 : n <= 1000 ? 2 : 1;
    const corpus = join(work, `corpus-${n}`);
    if (!existsSync(corpus) || readdirSync(corpus).length !== n) {
      process.stderr.write(`[N=${n}] generating the corpus in ${corpus}\n`);
      rmSync(corpus, { recursive: true, force: true });
      synthCorpus({ count: n, out: corpus, seed: 1 });
    }
    const runs: RunResult[] = [];
    for (let i = 0; i < repeat; i++) {
      process.stderr.write(`[N=${n}] run ${i + 1}/${repeat}\n`);
      runs.push(await runOnce(n, corpus, join(work, `run-${n}`), capBytes));
    }
    stored[String(n)] = summarise(n, runs, machine());
    writeFileSync(resultsPath, JSON.stringify(stored, null, 2) + "\n");
    rmSync(join(work, `run-${n}`), { recursive: true, force: true });
  }
  const rows = Object.values(stored).sort((a, b) => a.n - b.n);
  process.stdout.write(`\n${machine()}\n\n${table(rows)}\n\n${bars(rows)}\n`);
  const path = writeDoc(rows, notes);
  process.stdout.write(`\nwritten: ${relative(process.cwd(), path)}, ${relative(process.cwd(), resultsPath)}\n`);
}
