// Which files ingest reads, and in what order: every file under the folder, sub-folders and
// symbolic links included (a link to a file is that file, a link to a folder is walked), in name
// order; the listing takes file or folder from the directory entry and stats only what the
// entry cannot tell (links).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingest } from "../scripts/ingest";
import { SEEDS_DIR } from "./support/seeds";

describe("ingest lists a folder tree", () => {
  let work: string;
  let report: Awaited<ReturnType<typeof ingest>>;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "ingest-listing-"));
    const src = join(work, "reports");
    const outside = join(work, "outside");
    mkdirSync(join(src, "b-folder", "inner"), { recursive: true });
    mkdirSync(outside);
    copyFileSync(join(SEEDS_DIR, "000_a7dff10c8246c1a0.txt"), join(src, "c.txt"));
    copyFileSync(join(SEEDS_DIR, "001_6df6edabab3eeb7c.txt"), join(src, "b-folder", "inner", "z.txt"));
    copyFileSync(join(SEEDS_DIR, "002_e1634718f3e3e389.txt"), join(src, "b-folder", "a.txt"));
    copyFileSync(join(SEEDS_DIR, "003_aa5b70b4c66df99c.txt"), join(outside, "linked.txt"));
    copyFileSync(join(SEEDS_DIR, "004_83e2992d1b705371.txt"), join(outside, "in-linked-folder.txt"));
    symlinkSync(join(outside, "linked.txt"), join(src, "a-link.txt"));
    symlinkSync(outside, join(src, "d-link"));
    report = await ingest({ reportsDir: src, entriesDir: join(work, "entries"), buildReportPath: join(work, "build-report.json"), cacheDir: false, threads: 1 });
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it("reads files in sub-folders and behind links, in name order", () => {
    expect(report.files.map((f) => f.file)).toEqual([
      "a-link.txt",
      join("b-folder", "a.txt"),
      join("b-folder", "inner", "z.txt"),
      "c.txt",
      join("d-link", "in-linked-folder.txt"),
      join("d-link", "linked.txt"),
    ]);
    // The linked file is the same report as a-link.txt.
    expect(report.files.find((f) => f.file === join("d-link", "linked.txt"))?.outcome).toBe("duplicate");
    expect(report.counts).toMatchObject({ read: 6, published: 5, duplicate: 1, rejected: 0 });
  });
});
