// @ts-check
import { defineConfig } from "astro/config";
import { contentSecurityPolicy } from "./src/lib/csp-integration.ts";

// SITE_OUT_DIR / SITE_CACHE_DIR let a second build (tests, benchmarks) run without touching dist/.
export default defineConfig({
  site: "https://example.org",
  trailingSlash: "always",
  outDir: process.env.SITE_OUT_DIR || "./dist",
  cacheDir: process.env.SITE_CACHE_DIR || "./node_modules/.astro",
  build: { format: "directory" },
  integrations: [contentSecurityPolicy()],
  vite: {
    // Every script is a file, never inlined into the page, so the Content-Security-Policy can
    // forbid inline script outright.
    build: { assetsInlineLimit: 0 },
  },
});
