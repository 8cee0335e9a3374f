// One row per extracted indicator value as CSV (UTF-8 with BOM). Its metadata is /data/meta.json.
import { siteData } from "../../lib/site-data";
import { csvResponse } from "../../lib/values";

export async function GET() {
  const { rows } = await siteData();
  return csvResponse(rows);
}
