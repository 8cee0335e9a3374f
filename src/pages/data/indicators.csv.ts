// One row per extracted indicator value as CSV (UTF-8 with BOM). Its metadata is /data/meta.json.
import { siteData } from "../../lib/site-data";
import { csvResponse } from "../../lib/values";

export async function GET() {
  const { rows, rowsByIndicator } = await siteData();
  // Written by indicator, so each indicator's own CSV (./indicators/[id].csv.ts) takes its lines from here.
  return csvResponse(rows, rowsByIndicator.values());
}
