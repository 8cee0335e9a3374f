// The rows of one indicator as CSV (the download under each indicator page's table).
import type { GetStaticPaths } from "astro";
import { siteData } from "../../../lib/site-data";
import { csvResponse } from "../../../lib/values";

export const getStaticPaths = (async () => {
  const { index } = await siteData();
  return [...index.keys()].map((id) => ({ params: { id } }));
}) satisfies GetStaticPaths;

export async function GET({ params }: { params: { id: string } }) {
  const { rowsByIndicator } = await siteData();
  return csvResponse(rowsByIndicator.get(params.id) ?? []);
}
