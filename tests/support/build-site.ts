// Vitest global setup: every temporary directory of the run goes under one private root, removed
// when the run ends (tests, builds and browsers call os.tmpdir(), which follows TMPDIR; a run
// used to leave ~800 MB of built sites and corpora in /tmp). Then `npm run build` once on the
// repo's reports into that root (tests/site-helpers.ts buildSite), shared with every test file
// through SITE_DIST and SITE_ENTRIES. SITE_DIST + SITE_ENTRIES set beforehand reuse an existing
// build; KEEP_TEST_TMP=1 keeps the root for inspection.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSite } from "../site-helpers";

export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), "county-health-tests-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  if (process.env.SKIP_SITE_BUILD !== "1") {
    const built = buildSite();
    process.env.SITE_DIST = built.dist;
    process.env.SITE_ENTRIES = built.entriesDir;
  }
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    if (process.env.KEEP_TEST_TMP === "1") console.log(`test temporary files kept in ${root}`);
    else rmSync(root, { recursive: true, force: true });
  };
}
