// One row per extracted indicator value, with its metadata (build date, extractor, licence, citation).
import { siteData } from "../../lib/site-data";
import { CSV_COLUMNS } from "../../lib/values";

export async function GET() {
  const { rows, meta } = await siteData();
  return new Response(JSON.stringify({ meta, columns: CSV_COLUMNS, rows }, null, 1), { headers: { "Content-Type": "application/json; charset=utf-8" } });
}
