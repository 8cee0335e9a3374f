// The build's exit status: 0 when at least one report is published (rejections are warnings),
// non-zero when none is, or with --strict when any file is rejected.
import { describe, expect, it, vi } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SEEDS_DIR } from "./support/seeds";
import { stepTimings } from "../scripts/build";

function ingestFolder(files: Record<string, string | null>, args: string[] = [], script = ["scripts/ingest.ts", "--quiet"]) {
  const work = mkdtempSync(join(tmpdir(), "exit-"));
  const dir = join(work, "reports");
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) {
    if (content === null) copyFileSync(join(SEEDS_DIR, name), join(dir, name));
    else writeFileSync(join(dir, name), content);
  }
  return spawnSync("npx", ["tsx", ...script, ...args], {
    encoding: "utf8",
    env: { ...process.env, REPORTS_DIR: dir, ENTRIES_DIR: join(work, "entries"), BUILD_DIR: join(work, "build") },
  });
}

describe("ingest exit status", () => {
  const mixed = { "004_83e2992d1b705371.txt": null, "empty.txt": "" };

  it("is 0 when a report is published beside a rejected file", () => {
    const r = ingestFolder(mixed);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/published 1 \| duplicates 0 \| rejected 1/);
  });
  it("is non-zero with --strict when a file is rejected", () => {
    const r = ingestFolder(mixed, ["--strict"]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--strict: 1 file\(s\) rejected/);
  });
  it("is non-zero when nothing can be published, naming the problem", () => {
    const r = ingestFolder({ "empty.txt": "", "notes.txt": "just some English notes, no report here" });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/no report could be published/);
  });
  it("npm run build -- --strict stops at ingest when a file is rejected", () => {
    const r = ingestFolder(mixed, [], ["scripts/build.ts", "--strict"]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/--strict: 1 file\(s\) rejected[\s\S]*build stopped/);
  });
  it("step times are read even when a step's line follows half a line of astro's page listing", () => {
    // As printed by a 10,000-report build: the index finished while astro's page line was open.
    const out = "17:46:13   ├─ /regions/361126/index.htmlbuild step search: 223.7 s\n (+4ms)\n17:47:16 [build] 16828 page(s) built in 283.02s\nbuild step astro: 286.1 s\n";
    expect(stepTimings(out)).toEqual({ search: 223.7, astro: 286.1 });
  });
  it("--phase ingest runs the ingest alone and reports its time, as the benchmark reads it", () => {
    const r = ingestFolder({ "004_83e2992d1b705371.txt": null }, [], ["scripts/build.ts", "--phase", "ingest", "--quiet"]);
    expect(r.status).toBe(0);
    const steps = stepTimings(r.stdout);
    expect(Object.keys(steps)).toEqual(["ingest"]);
    expect(steps.ingest).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/published 1 /);
    expect(r.stdout).not.toMatch(/astro|search index/i);
  });
  it("a failed step stops the step running beside it, leaving nothing of the build running", async () => {
    // Real entries for `astro build`; the search index, beside it, fails at once because its
    // staging directory cannot be made (BUILD_DIR is a file). Astro must not run on alone.
    const work = mkdtempSync(join(tmpdir(), "exit-site-"));
    const entries = join(work, "entries");
    spawnSync("npx", ["tsx", "scripts/ingest.ts", "--quiet"], { env: { ...process.env, REPORTS_DIR: SEEDS_DIR, ENTRIES_DIR: entries, BUILD_DIR: join(work, "build") } });
    writeFileSync(join(work, "not-a-dir"), "");
    // Output to a file, not a pipe: a pipe would keep the caller waiting for every process that holds it.
    const errPath = join(work, "stderr.txt");
    const build = spawn("npx", ["tsx", "scripts/build.ts", "--phase", "site"], {
      stdio: ["ignore", "ignore", openSync(errPath, "w")],
      env: { ...process.env, ENTRIES_DIR: entries, BUILD_DIR: join(work, "not-a-dir"), SITE_OUT_DIR: join(work, "dist"), SITE_CACHE_DIR: join(work, "cache") },
    });
    const status = await new Promise<number | null>((done) => build.on("exit", (code) => done(code)));
    expect(status).not.toBe(0);
    expect(readFileSync(errPath, "utf8")).toMatch(/build stopped: `tsx scripts\/search-index\.ts/);
    // No process started for this build (its environment names `work`) is still alive.
    const alive = () =>
      readdirSync("/proc")
        .filter((d) => /^\d+$/.test(d))
        .filter((pid) => {
          try {
            return readFileSync(`/proc/${pid}/environ`, "latin1").includes(`SITE_OUT_DIR=${join(work, "dist")}`);
          } catch {
            return false;
          }
        });
    // SIGTERM takes a moment to land; without the stop, astro would go on building for many seconds.
    await vi.waitFor(() => expect(alive()).toEqual([]), { timeout: 3_000 });
  }, 60_000);
  it("build refuses an unknown option", () => {
    const r = spawnSync("npx", ["tsx", "scripts/build.ts", "--bogus"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });
});
