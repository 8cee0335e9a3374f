// `npm run build [-- --strict] [-- --no-cache] [-- --quiet]`: the whole build —
//   phase "ingest": reports → entries + build report;
//   phase "site":   `astro build` (pages) and the search index side by side — each uses about one
//                   core, and the index reads the entries, not the pages — then the index is moved
//                   into the site and the search page's files compressed.
// Options go to ingest; the first step that fails stops the build with its exit status.
// `--phase ingest|site` runs one phase only (the benchmark times them apart). Each step prints
// one line `build step <name>: <seconds> s` so scripts can read where the time went.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { BUILD_DIR, SITE_OUT_DIR } from "../src/lib/paths";

export type Phase = "ingest" | "site";
export interface Step {
  name: string;
  command: string;
  args: string[];
  /** Steps with the same group run at the same time; the next step waits for all of them. */
  parallel?: string;
  /** Runs in this process just before the step (after everything before it has finished). */
  before?: () => void;
}

const require = createRequire(import.meta.url);

const INGEST_OPTIONS = ["--strict", "--no-cache", "--quiet"];

export function buildSteps(phase: Phase, ingestArgs: string[] = []): Step[] {
  if (phase === "ingest") return [{ name: "ingest", command: "tsx", args: ["scripts/ingest.ts", ...ingestArgs] }];
  return [
    { name: "astro", command: "astro", args: ["build"], parallel: "site" },
    { name: "search", command: "tsx", args: ["scripts/search-index.ts", "--out", SEARCH_STAGE, "--no-page"], parallel: "site" },
    { name: "search-page", command: "tsx", args: ["scripts/search-index.ts", "--page-only"], before: moveStagedIndex },
  ];
}

/** Where the index is built while Astro (which empties its output folder) writes the site. */
const SEARCH_STAGE = join(BUILD_DIR, "search-stage");

function moveStagedIndex(): void {
  const target = join(SITE_OUT_DIR, "search-index");
  rmSync(target, { recursive: true, force: true });
  renameSync(join(SEARCH_STAGE, "search-index"), target);
  rmSync(SEARCH_STAGE, { recursive: true, force: true });
}

/** Parses the `build step` lines a build printed: step name → seconds. */
export function stepTimings(output: string): Record<string, number> {
  const out: Record<string, number> = {};
  // Not anchored at the line start: a step beside astro can finish while astro has half a line out.
  for (const m of output.matchAll(/build step ([\w-]+): ([\d.]+) s$/gm)) out[m[1]!] = Number(m[2]);
  return out;
}

// Steps run in process groups of their own, so a failed step can stop its siblings with whatever
// they started (a search index build once kept going for minutes after `astro build` had failed
// beside it). Ctrl-C and kill reach them through stopAll().
const running = new Set<number>();
function stopAll(): void {
  for (const pid of running) {
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
}
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => {
    stopAll();
    process.exit(130);
  });

/**
 * How node runs a step's command, without npx: `npx --no-install tsx` took ~1 s to start against
 * 0.25 s for `node --import tsx`, which is most of a rebuild after one changed report.
 */
function nodeArgs(command: string): string[] {
  if (command === "tsx") return ["--import", "tsx"];
  // astro's bin file (package.json "bin"), which its "exports" do not list. (A 64 MB young
  // generation was tried: no gain in total CPU at 1,000 or 10,000 reports; docs/scaling.md.)
  if (command === "astro") return [join(dirname(require.resolve("astro/package.json")), "astro.js")];
  throw new Error(`unknown build command ${command}`);
}

function run(step: Step): Promise<void> {
  step.before?.();
  const started = performance.now();
  return new Promise((done) => {
    const child = spawn(process.execPath, [...nodeArgs(step.command), ...step.args], { stdio: "inherit", detached: true });
    running.add(child.pid!);
    child.on("exit", (code, signal) => {
      running.delete(child.pid!);
      process.stdout.write(`build step ${step.name}: ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      if (code !== 0) {
        process.stderr.write(`build stopped: \`${step.command} ${step.args.join(" ")}\` exited with ${code ?? signal}\n`);
        stopAll();
        process.exit(code ?? 1);
      }
      done();
    });
  });
}

async function main(argv: string[]): Promise<void> {
  const phaseAt = argv.indexOf("--phase");
  const phaseArg = phaseAt >= 0 ? argv[phaseAt + 1] : undefined;
  if (phaseAt >= 0 && phaseArg !== "ingest" && phaseArg !== "site") {
    process.stderr.write(`--phase takes "ingest" or "site", not ${JSON.stringify(phaseArg ?? "")}\n`);
    process.exit(2);
  }
  const rest = phaseAt >= 0 ? argv.filter((_, i) => i !== phaseAt && i !== phaseAt + 1) : argv;
  const ingestArgs = rest.filter((a) => INGEST_OPTIONS.includes(a));
  const unknown = rest.filter((a) => !ingestArgs.includes(a) && a !== "--");
  if (unknown.length) {
    process.stderr.write(`unknown option(s): ${unknown.join(" ")} (known: ${INGEST_OPTIONS.join(", ")}, --phase ingest|site)\n`);
    process.exit(2);
  }
  const phases: Phase[] = phaseArg ? [phaseArg as Phase] : ["ingest", "site"];
  for (const phase of phases) {
    const steps = buildSteps(phase, ingestArgs);
    for (let i = 0; i < steps.length; ) {
      const group = steps[i]!.parallel;
      const batch = group ? steps.filter((s) => s.parallel === group) : [steps[i]!];
      await Promise.all(batch.map(run));
      i += batch.length;
    }
  }
}

const isMain = process.argv[1] && /scripts[\\/]build\.ts$/.test(process.argv[1]);
if (isMain) void main(process.argv.slice(2));
