// Where the pipeline writes and the site reads. Relative to the project root (the cwd of every
// npm script).
import { resolve } from "node:path";

export const ROOT = process.cwd();
export const ENTRIES_DIR = resolve(ROOT, "content/reports");
export const BUILD_DIR = resolve(ROOT, "content/.build");
export const BUILD_REPORT = resolve(BUILD_DIR, "build-report.json");
export const CATALOGUE = resolve(ROOT, "content/catalogue.json");
export const DEFAULT_REPORTS_DIR = resolve(ROOT, "content/sources");
