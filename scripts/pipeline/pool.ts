// A worker pool for ingest (piscina): analysis and entry writing on every core. With one
// thread the same tasks run in the calling thread, so the code path is the same either way.
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { runTask, type Task, type TaskResult } from "./worker";

export interface TaskPool {
  readonly threads: number;
  run(task: Task): Promise<TaskResult>;
  close(): Promise<void>;
}

export function defaultThreads(): number {
  const env = Number(process.env.INGEST_THREADS);
  return Number.isInteger(env) && env > 0 ? env : availableParallelism();
}

export function createPool(threads = defaultThreads()): TaskPool {
  if (threads <= 1) return { threads: 1, run: (t) => runTask(t), close: async () => {} };
  const piscina = new Piscina({
    filename: new URL("./worker-entry.mjs", import.meta.url).href,
    minThreads: threads,
    maxThreads: threads,
    // Entries are small; keep a few tasks per thread queued so no core waits for the main thread.
    concurrentTasksPerWorker: 2,
    idleTimeout: 1000,
  });
  return {
    threads,
    run: (t) => piscina.run(t) as Promise<TaskResult>,
    close: () => piscina.destroy(),
  };
}
