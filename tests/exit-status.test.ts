// The build's exit status: 0 when at least one report is published (rejections are warnings),
// non-zero when none is, or with --strict when any file is rejected.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
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
  it("--phase ingest runs the ingest alone and reports its time, as the benchmark reads it", () => {
    const r = ingestFolder({ "004_83e2992d1b705371.txt": null }, [], ["scripts/build.ts", "--phase", "ingest", "--quiet"]);
    expect(r.status).toBe(0);
    const steps = stepTimings(r.stdout);
    expect(Object.keys(steps)).toEqual(["ingest"]);
    expect(steps.ingest).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/published 1 /);
    expect(r.stdout).not.toMatch(/astro|search index/i);
  });
  it("build refuses an unknown option", () => {
    const r = spawnSync("npx", ["tsx", "scripts/build.ts", "--bogus"], { encoding: "utf8" });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
  });
});
