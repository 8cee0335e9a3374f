// The rows of one indicator, for the compare page and for download.
import type { GetStaticPaths } from "astro";
import { siteData } from "../../../lib/site-data";
import type { Indicator } from "../../../lib/catalogue";
import { rowsJson } from "../../../lib/values";

export const getStaticPaths = (async () => {
  const { index } = await siteData();
  return [...index.values()].map((indicator) => ({ params: { id: indicator.id }, props: { indicator } }));
}) satisfies GetStaticPaths;

export async function GET({ props }: { props: { indicator: Indicator } }) {
  const { rowsByIndicator, meta } = await siteData();
  const mine = rowsByIndicator.get(props.indicator.id) ?? [];
  return new Response(rowsJson({ meta, indicator: props.indicator }, mine), { headers: { "Content-Type": "application/json; charset=utf-8" } });
}
