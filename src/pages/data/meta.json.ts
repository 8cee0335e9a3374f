// The metadata of every download: build date, extractor version, licence, citation, columns.
import { BASE } from "../../lib/base";
import { siteData } from "../../lib/site-data";
import { CSV_COLUMNS } from "../../lib/values";

export async function GET() {
  const { meta, rows, reports } = await siteData();
  const base = BASE;
  return new Response(
    JSON.stringify(
      {
        meta,
        files: {
          [`${base}data/reports.json`]: `${reports.length} reports' metadata`,
          [`${base}data/indicators.json`]: `${rows.length} indicator values (rows) with meta`,
          [`${base}data/indicators.csv`]: `the same rows as CSV, columns: ${CSV_COLUMNS.join(", ")}`,
          [`${base}data/indicators/<id>.json`]: "the rows of one indicator (used by /compare/)",
          [`${base}data/indicators/<id>.csv`]: "the rows of one indicator as CSV",
          [`${base}data/reports/<id>.json`]: "one report's full entry: metadata, outline, every number",
          [`${base}data/regions/<gbCode>.csv`]: "the rows of one region as CSV",
          [`${base}charts/<key>.svg`]: "an indicator page's national chart as SVG, with title and source",
        },
        documentation: `${base}about/`,
      },
      null,
      1,
    ),
    { headers: { "Content-Type": "application/json; charset=utf-8" } },
  );
}
