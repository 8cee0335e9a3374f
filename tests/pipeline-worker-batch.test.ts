// Ingest sends files to the workers a few at a time (scripts/pipeline/worker.ts, op "batch"):
// each file's outcome must be its own, as when each was a task of its own.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runTask, type AnalyseTask } from "../scripts/pipeline/worker";
import { analyse } from "../scripts/pipeline/report";
import { summarise } from "../scripts/pipeline/cache";
import { SEEDS_DIR, seedFiles } from "./support/seeds";

const dir = mkdtempSync(join(tmpdir(), "worker-batch-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("a batch of files in one worker task", () => {
  it("gives each file the summary it gets alone, and an error only in the place of a file that fails", async () => {
    writeFileSync(join(dir, "empty.txt"), "");
    const paths = [join(SEEDS_DIR, seedFiles()[0]!), join(dir, "missing.txt"), join(dir, "empty.txt"), join(SEEDS_DIR, seedFiles()[1]!)];
    const task = (path: string, n: number): AnalyseTask => ({ op: "analyse", path, key: `k${n}`, cacheRoot: join(dir, "cache"), version: "test" });
    const r = await runTask({ op: "batch", tasks: paths.map(task) });
    expect(r.op).toBe("batch");
    if (r.op !== "batch") return;
    expect(r.results.map((x) => x.op)).toEqual(["analyse", "error", "analyse", "analyse"]);
    expect(r.results[1]).toMatchObject({ op: "error", message: expect.stringMatching(/missing\.txt/) });
    for (const j of [0, 2, 3]) {
      const res = r.results[j]!;
      if (res.op !== "analyse") throw new Error("expected an analysis");
      const { template, ...summary } = res.summary;
      expect(summary).toEqual(summarise(await analyse(readFileSync(paths[j]!), paths[j]!)));
      expect(template === undefined).toBe(j === 2); // the empty file is rejected: no entry template
    }
  });
});
