// The indicator values of one region as CSV (the download under a region page's charts).
import type { GetStaticPaths } from "astro";
import { siteData } from "../../../lib/site-data";
import { csvResponse } from "../../../lib/values";

export const getStaticPaths = (async () => {
  const { rowsByRegion } = await siteData();
  return [...rowsByRegion.keys()].map((gbCode) => ({ params: { gbCode } }));
}) satisfies GetStaticPaths;

export async function GET({ params }: { params: { gbCode: string } }) {
  const { rowsByRegion } = await siteData();
  return csvResponse(rowsByRegion.get(params.gbCode) ?? []);
}
