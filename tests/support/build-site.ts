// Vitest global setup: `npm run build` once on the repo's reports, into a private directory
// (tests/site-helpers.ts buildSite), shared with every test file through SITE_DIST and
// SITE_ENTRIES. SITE_DIST + SITE_ENTRIES set beforehand reuse an existing build.
import { buildSite } from "../site-helpers";

export default function setup() {
  if (process.env.SKIP_SITE_BUILD === "1") return;
  const built = buildSite();
  process.env.SITE_DIST = built.dist;
  process.env.SITE_ENTRIES = built.entriesDir;
}
