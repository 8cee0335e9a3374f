// The rows of one indicator as CSV (the download under each indicator page's table).
import type { GetStaticPaths } from "astro";
import { siteData } from "../../../lib/site-data";
import { toCsv } from "../../../lib/values";

export const getStaticPaths = (async () => {
  const { index } = await siteData();
  return [...index.keys()].map((id) => ({ params: { id } }));
}) satisfies GetStaticPaths;

export async function GET({ params }: { params: { id: string } }) {
  const { rowsByIndicator } = await siteData();
  return new Response(toCsv(rowsByIndicator.get(params.id as string) ?? []), { headers: { "Content-Type": "text/csv; charset=utf-8" } });
}
