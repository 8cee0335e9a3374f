// Vitest global setup: builds the site once from the repo's reports (`npm run build`, the same
// command users run) so every site test reads one dist/. SKIP_SITE_BUILD=1 reuses an existing dist/.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

export default function setup() {
  if (process.env.SKIP_SITE_BUILD === "1") {
    if (!existsSync("dist/index.html")) console.warn("SKIP_SITE_BUILD=1 but there is no dist/: site tests will fail");
    return;
  }
  execFileSync("npm", ["run", "--silent", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, REPORTS_DIR: "" },
  });
}
