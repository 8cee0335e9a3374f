// One report's entry as JSON: metadata, outline and every extracted number with its quote — the
// entry file's front matter as stored (compact), without parsing and re-serialising it.
import type { GetStaticPaths } from "astro";
import { allReports, readReportJson } from "../../../lib/entries";

export const getStaticPaths = (async () => {
  const reports = await allReports();
  return reports.map((report) => ({ params: { id: report.id } }));
}) satisfies GetStaticPaths;

export function GET({ params }: { params: { id: string } }) {
  return new Response(readReportJson(params.id), { headers: { "Content-Type": "application/json" } });
}
