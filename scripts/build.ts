// `npm run build [-- --strict] [-- --no-cache]`: the whole build, one step after another —
// ingest (reports → entries + build report), `astro build` (pages), search index. Options go to
// ingest; the first step that fails stops the build with its exit status.
import { spawnSync } from "node:child_process";

const ingestArgs = process.argv.slice(2).filter((a) => ["--strict", "--no-cache", "--quiet"].includes(a));
const unknown = process.argv.slice(2).filter((a) => !ingestArgs.includes(a) && a !== "--");
if (unknown.length) {
  process.stderr.write(`unknown option(s): ${unknown.join(" ")} (known: --strict, --no-cache, --quiet)\n`);
  process.exit(2);
}

const steps: [string, string[]][] = [
  ["tsx", ["scripts/ingest.ts", ...ingestArgs]],
  ["astro", ["build"]],
  ["tsx", ["scripts/search-index.ts"]],
];

for (const [command, args] of steps) {
  const r = spawnSync("npx", ["--no-install", command, ...args], { stdio: "inherit" });
  if (r.status !== 0) {
    process.stderr.write(`build stopped: \`${command} ${args.join(" ")}\` exited with ${r.status ?? r.signal}\n`);
    process.exit(r.status ?? 1);
  }
}
