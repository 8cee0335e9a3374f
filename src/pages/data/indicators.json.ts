// One row per extracted indicator value, with its metadata (build date, extractor, licence,
// citation); one row per line, written in pieces (rowsJsonBlob) so it never has to be one string.
import { siteData } from "../../lib/site-data";
import { CSV_COLUMNS, rowsJsonBlob } from "../../lib/values";

export async function GET() {
  const { rows, rowsByIndicator, meta } = await siteData();
  // Written by indicator, so each indicator's own JSON (./indicators/[id].json.ts) takes its rows from here.
  return new Response(rowsJsonBlob({ meta, columns: CSV_COLUMNS }, rows, rowsByIndicator.values()), { headers: { "Content-Type": "application/json; charset=utf-8" } });
}
