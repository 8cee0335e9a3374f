// One report's entry as JSON: metadata, outline and every extracted number with its quote.
import type { GetStaticPaths } from "astro";
import { allReports } from "../../../lib/entries";

export const getStaticPaths = (async () => {
  const reports = await allReports();
  return reports.map((report) => ({ params: { id: report.id }, props: { report } }));
}) satisfies GetStaticPaths;

export function GET({ props }: { props: { report: unknown } }) {
  return new Response(JSON.stringify(props.report, null, 1), { headers: { "Content-Type": "application/json" } });
}
