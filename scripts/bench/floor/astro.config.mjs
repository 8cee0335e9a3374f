// The floor: Astro with no integrations and default settings, one static page per report.
import { defineConfig } from "astro/config";

export default defineConfig({
  outDir: process.env.FLOOR_OUT_DIR || "./dist",
  build: { format: "directory" },
});
