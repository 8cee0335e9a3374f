// One report's entry as JSON: metadata, outline and every extracted number with its quote.
import type { GetStaticPaths } from "astro";
import { allReports, readReport } from "../../../lib/entries";

export const getStaticPaths = (async () => {
  const reports = await allReports();
  return reports.map((report) => ({ params: { id: report.id } }));
}) satisfies GetStaticPaths;

export function GET({ params }: { params: { id: string } }) {
  return new Response(JSON.stringify(readReport(params.id), null, 1), { headers: { "Content-Type": "application/json" } });
}
