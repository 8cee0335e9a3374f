// One row per extracted indicator value as CSV (UTF-8 with BOM). Its metadata is /data/meta.json.
import { siteData } from "../../lib/site-data";
import { csvBlob } from "../../lib/values";

export async function GET() {
  const { rows } = await siteData();
  return new Response(csvBlob(rows), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
}
