// The content layer: generated entries in content/reports/ validated against the same schema the
// ingest script writes with. Astro's data store is bundled into the build as one JavaScript
// module (astro:data-layer-content), so everything stored here is parsed by Rollup and held in
// memory by the build: at 10,000 reports the full entries (~40 KB of front matter each, mostly
// the extracted mentions) make a ~400 MB module. Measured at 300 synthetic reports: peak memory
// of `astro build` 1.94 GB with full entries, 0.79 GB lean (docs/scaling.md).
//
// CONTENT_STORE=lean keeps each stored entry LEAN — metadata, warnings and canonical indicators,
// what list, region, year and indicator pages need — and leaves the per-report detail (mentions,
// masked values, outline, offset map) as empty arrays in the store: the report page and its JSON
// must then read them from the entry file (parseEntry), as they already do for the body. Until
// those two pages do, the default stays "full". CONTENT_STORE=minimal also leaves out the
// indicator values, so the store is metadata only (~1 KB per report): then src/lib/entries.ts
// must read entries from the files (see docs/scaling.md for the patch and the measurements).
// Either way the whole entry is validated against the schema here, and a bad entry fails naming
// the file.
import { defineCollection } from "astro:content";
import { existsSync, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { reportEntrySchema } from "./lib/schema";
import { ENTRIES_DIR } from "./lib/paths";
import { handOffSummaries, readEntryData, summarise, type ReportSummary } from "./lib/entry-file";
import type { ReportEntry } from "./lib/schema";

/** Fields kept out of the data store (empty arrays there); read them from the entry file. */
export const DETAIL_FIELDS = ["mentions", "masked", "sections", "offsetRuns"] as const;
/** CONTENT_STORE=minimal also leaves out the indicator values: the store is metadata only. */
export const MINIMAL_EXTRA_FIELDS = ["indicators"] as const;
// Minimal by default: pages read what they need from the entry files (src/lib/entries.ts).
const MODE = process.env.CONTENT_STORE === "full" ? "full" : process.env.CONTENT_STORE === "lean" ? "lean" : "minimal";
const DROPPED: readonly string[] = MODE === "minimal" ? [...DETAIL_FIELDS, ...MINIMAL_EXTRA_FIELDS] : MODE === "lean" ? DETAIL_FIELDS : [];

const reports = defineCollection({
  loader: {
    name: "report-entries",
    load: async ({ store, logger }) => {
      store.clear();
      if (!existsSync(ENTRIES_DIR)) {
        logger.warn(`${ENTRIES_DIR} does not exist: run \`npm run ingest\` first`);
        return;
      }
      const files = readdirSync(ENTRIES_DIR).filter((f) => f.endsWith(".md"));
      const summaries = new Map<string, ReportSummary>();
      for (const file of files) {
        const path = join(ENTRIES_DIR, file);
        const data = readEntryData(path);
        const id = typeof data.id === "string" ? data.id : file.replace(/\.md$/, "");
        // Validated here with zod's synchronous parse, not the loader context's parseData: that is
        // the same schema through zod's asynchronous parse, which cost twice the CPU (a promise per
        // field; ~12 s against ~5.5 s for 10,000 entries). The schema has no image() helper nor
        // async refinement, the only things parseData adds.
        const result = reportEntrySchema.safeParse(data);
        if (!result.success) {
          const fields = result.error.errors.map((e) => `  **${e.path.join(".")}**: ${e.message}`).join("\n");
          throw new Error(`content entry ${relative(process.cwd(), path)} does not match the schema:\n${fields}`);
        }
        const parsed: Record<string, unknown> = result.data;
        // What the pages' summaries are made of when they read the file (entries.ts): its front matter as parsed.
        summaries.set(id, summarise(data as unknown as ReportEntry));
        for (const f of DROPPED) parsed[f] = [];
        store.set({ id, data: parsed, filePath: relative(process.cwd(), path) });
      }
      handOffSummaries(summaries);
      logger.info(`${files.length} report entries loaded${MODE === "full" ? "" : ` (${MODE} store: ${DROPPED.join(", ")} stay in the entry files)`}`);
    },
  },
  schema: reportEntrySchema,
});

export const collections = { reports };
