// The ingest's build report, published next to the site as dist/build-report.json.
import { existsSync, readFileSync } from "node:fs";
import { BUILD_REPORT } from "../lib/paths";

export function GET() {
  const body = existsSync(BUILD_REPORT) ? readFileSync(BUILD_REPORT, "utf8") : JSON.stringify({ error: "run npm run ingest first" });
  return new Response(body, { headers: { "Content-Type": "application/json" } });
}
