// Astro integration: after the build, every HTML page gets its Content-Security-Policy (csp.ts).
import type { AstroIntegration } from "astro";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { withPolicy } from "./csp";
import { filesUnder } from "./files";

export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: "content-security-policy",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const files = filesUnder(fileURLToPath(dir), ".html");
        for (const file of files) writeFileSync(file, withPolicy(readFileSync(file, "utf8")));
        logger.info(`Content-Security-Policy added to ${files.length} pages`);
      },
    },
  };
}
