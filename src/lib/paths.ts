// Where the pipeline writes and the site reads. Relative to the project root (the cwd of every
// npm script). ENTRIES_DIR and BUILD_DIR may be moved by environment variables so a second
// build (the hostile-input test, the benchmark) can run beside the main one without touching it;
// SITE_OUT_DIR and SITE_CACHE_DIR do the same for Astro (astro.config.mjs).
import { resolve } from "node:path";

export const ROOT = process.cwd();
export const ENTRIES_DIR = resolve(ROOT, process.env.ENTRIES_DIR || "content/reports");
export const BUILD_DIR = resolve(ROOT, process.env.BUILD_DIR || "content/.build");
export const BUILD_REPORT = resolve(BUILD_DIR, "build-report.json");
export const CATALOGUE = resolve(ROOT, "content/catalogue.json");
export const OVERRIDES = resolve(ROOT, process.env.OVERRIDES || "content/overrides.json");
export const DEFAULT_REPORTS_DIR = resolve(ROOT, "content/sources");
export const SITE_OUT_DIR = resolve(ROOT, process.env.SITE_OUT_DIR || "dist");
