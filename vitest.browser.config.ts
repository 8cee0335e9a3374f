import { defineConfig } from "vitest/config";

// Browser tests (`npm run test:browser`): real Chromium against the built dist/.
export default defineConfig({
  test: {
    globalSetup: ["tests/support/build-site.ts"],
    include: ["tests/browser/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 900_000,
    fileParallelism: false,
  },
});
