// Astro integration: after the build, every HTML page gets its Content-Security-Policy (csp.ts).
import type { AstroIntegration } from "astro";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { keepsPolicy, withPolicy } from "./csp";
import { filesUnder } from "./files";

export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: "content-security-policy",
    hooks: {
      "astro:build:done": ({ dir, logger }) => {
        const files = filesUnder(fileURLToPath(dir), ".html");
        // Every page already carries the policy for no inline scripts (Base.astro): only a page whose
        // policy changes is written again (at 10,000 reports rewriting every page took ~27 s). A page
        // without scripts is checked on its bytes read as latin1 (keepsPolicy), not decoded as UTF-8.
        let rewritten = 0;
        for (const file of files) {
          const bytes = readFileSync(file);
          if (keepsPolicy(bytes.toString("latin1"))) continue;
          const html = bytes.toString("utf8");
          const out = withPolicy(html);
          if (out !== html) {
            writeFileSync(file, out);
            rewritten++;
          }
        }
        logger.info(`Content-Security-Policy checked on ${files.length} pages, ${rewritten} rewritten`);
      },
    },
  };
}
