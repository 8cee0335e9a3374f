// The content layer: generated entries in content/reports/ validated against the same schema the
// ingest script writes with. Only the front matter goes into Astro's store; the report page
// reads the body from the file when it renders, so the store stays small at 10,000 reports.
import { defineCollection } from "astro:content";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { reportEntrySchema } from "./lib/schema";
import { ENTRIES_DIR } from "./lib/paths";
import { parseEntry } from "./lib/entry-file";

const reports = defineCollection({
  loader: {
    name: "report-entries",
    load: async ({ store, parseData, logger }) => {
      store.clear();
      if (!existsSync(ENTRIES_DIR)) {
        logger.warn(`${ENTRIES_DIR} does not exist: run \`npm run ingest\` first`);
        return;
      }
      const files = readdirSync(ENTRIES_DIR).filter((f) => f.endsWith(".md"));
      for (const file of files) {
        const path = join(ENTRIES_DIR, file);
        const { data } = parseEntry(readFileSync(path, "utf8"));
        const id = typeof data.id === "string" ? data.id : file.replace(/\.md$/, "");
        try {
          const parsed = await parseData({ id, data, filePath: path });
          store.set({ id, data: parsed, filePath: relative(process.cwd(), path) });
        } catch (e) {
          throw new Error(`content entry ${relative(process.cwd(), path)} does not match the schema: ${(e as Error).message}`);
        }
      }
      logger.info(`${files.length} report entries loaded`);
    },
  },
  schema: reportEntrySchema,
});

export const collections = { reports };
