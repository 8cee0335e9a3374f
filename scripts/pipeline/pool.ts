// A worker pool for ingest (piscina): analysis and entry writing on every core. With one
// thread the same tasks run in the calling thread, so the code path is the same either way.
//
// Workers load the worker as one plain JavaScript file, bundled by esbuild from worker.ts and
// kept in node_modules/.cache/ under a hash of its sources: loading the TypeScript through tsx in
// every worker cost ~0.7 s of CPU and up to 1.5 s of wall time per worker (tsx's loader thread,
// transpiling each module), as much as analysing 300 reports. Without esbuild, or when the bundle
// cannot be written, workers fall back to worker-entry.mjs (tsx).
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { sourceClosure, sourcesHash } from "./cache";
import type { Task, TaskResult } from "./worker";

export interface TaskPool {
  readonly threads: number;
  /** `transfer`: buffers the task holds that move to the worker instead of being copied (unusable here afterwards). */
  run(task: Task, transfer?: ArrayBuffer[]): Promise<TaskResult>;
  close(): Promise<void>;
}

export function defaultThreads(): number {
  const env = Number(process.env.INGEST_THREADS);
  return Number.isInteger(env) && env > 0 ? env : availableParallelism();
}

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BUNDLE_DIR = join(ROOT, "node_modules", ".cache", "ingest-worker");
/** Bump when the bundling options below change. */
const BUNDLE_FORMAT = "2";

/** The bundled worker (built when its sources changed), or null when it cannot be had. */
export async function bundledWorker(): Promise<string | null> {
  try {
    const name = `worker-${sourcesHash(sourceClosure(["scripts/pipeline/worker.ts"]), BUNDLE_FORMAT).slice(0, 16)}.mjs`;
    const out = join(BUNDLE_DIR, name);
    if (!existsSync(out)) {
      const esbuild = await import("esbuild");
      mkdirSync(BUNDLE_DIR, { recursive: true });
      const tmp = `${out}.${process.pid}.tmp`;
      await esbuild.build({
        entryPoints: [join(ROOT, "scripts/pipeline/worker.ts")],
        outfile: tmp,
        bundle: true,
        platform: "node",
        format: "esm",
        target: "node20",
        // Packages stay imports, resolved from node_modules/.cache/ up to the project's node_modules.
        packages: "external",
        logLevel: "silent",
      });
      renameSync(tmp, out);
      // Bundles of older sources are not used again, once no run that started before can still be loading them.
      for (const f of readdirSync(BUNDLE_DIR)) {
        const path = join(BUNDLE_DIR, f);
        if (f !== name && /^worker-.*\.mjs(\.\d+\.tmp)?$/.test(f) && Date.now() - statSync(path).mtimeMs > 3600_000) rmSync(path, { force: true });
      }
    }
    return pathToFileURL(out).href;
  } catch {
    return null;
  }
}

/**
 * The parent's node flags without its TypeScript loader (`tsx` adds `--require …/preflight.cjs
 * --import …/loader.mjs`): workers inherit them, and tsx would then pass every CommonJS module a
 * bundled worker requires through esbuild (~0.3 s of CPU per worker).
 */
export function flagsWithoutTsx(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const m = /^(--import|--require|-r|--loader|--experimental-loader)(?:=(.*))?$/.exec(a);
    if (!m) {
      out.push(a);
      continue;
    }
    const value = m[2] ?? argv[++i] ?? "";
    if (!/(^|[/\\])tsx([/\\]|$)/.test(value)) out.push(...(m[2] === undefined ? [a, value] : [a]));
  }
  return out;
}

export async function createPool(threads = defaultThreads()): Promise<TaskPool> {
  if (threads <= 1) {
    // Loaded here, not at the top: the main thread of a pooled run never analyses.
    const { runTask } = await import("./worker");
    return { threads: 1, run: (t) => runTask(t), close: async () => {} };
  }
  const bundle = await bundledWorker();
  // (Loaded here: a rebuild that analyses a handful of files never starts a pool.)
  const { Piscina } = await import("piscina");
  const piscina = new Piscina({
    filename: bundle ?? new URL("./worker-entry.mjs", import.meta.url).href,
    ...(bundle ? { execArgv: flagsWithoutTsx(process.execArgv) } : {}),
    minThreads: threads,
    maxThreads: threads,
    // Entries are small; keep a few tasks per thread queued so no core waits for the main thread.
    concurrentTasksPerWorker: 2,
    idleTimeout: 1000,
  });
  return {
    threads,
    run: (t, transfer) => piscina.run(t, transfer?.length ? { transferList: transfer } : {}) as Promise<TaskResult>,
    close: () => piscina.destroy(),
  };
}
