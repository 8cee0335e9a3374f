// The schema is the contract between ingest and the site: Astro's content layer refuses an entry
// that breaks it, naming the file and the field.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyseText } from "../scripts/pipeline/report";
import { toEntry } from "../scripts/pipeline/entry";
import { serialiseEntry } from "../src/lib/entry-file";
import { seedText } from "./support/seeds";

describe("a content entry that breaks the schema", () => {
  it("fails the site build with the file and the field named", () => {
    const text = seedText("004_83e2992d1b705371.txt");
    const r = analyseText(text, { sha256: "a".repeat(64), encoding: "utf-8", format: "txt", warnings: [] });
    const entry = toEntry(r, "511126-2023-H1", "004.txt");
    const broken = { ...entry, region: { ...entry.region!, gbCode: "51112" } };
    const work = mkdtempSync(join(tmpdir(), "schema-"));
    mkdirSync(join(work, "entries"));
    writeFileSync(join(work, "entries", "511126-2023-H1.md"), serialiseEntry(broken, text));
    const out = spawnSync("npx", ["astro", "sync"], {
      encoding: "utf8",
      env: { ...process.env, ENTRIES_DIR: join(work, "entries"), SITE_CACHE_DIR: join(work, "cache"), SITE_OUT_DIR: join(work, "dist") },
    });
    expect(out.status).not.toBe(0);
    const message = out.stdout + out.stderr;
    expect(message).toContain("511126-2023-H1.md");
    expect(message).toMatch(/gbCode/);
  }, 120_000);
});
