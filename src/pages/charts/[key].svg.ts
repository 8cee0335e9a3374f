// Each indicator page's national chart as a standalone SVG file: the same drawing as on the page
// (drawn once for both, renderShared), with its title and the source/citation line inside the file.
// Region and province pages' charts offer CSV downloads instead (src/lib/charts/all.ts).
import type { GetStaticPaths } from "astro";
import { siteData } from "../../lib/site-data";
import { allChartSpecs } from "../../lib/charts/all";
import { renderShared, type ChartSpec } from "../../lib/charts/specs";
import { standaloneSvg } from "../../lib/charts/render";
import { sourceLine } from "../../lib/meta";
import { BASE } from "../../lib/base";

export const getStaticPaths = (async () => {
  const data = await siteData();
  return allChartSpecs(data).map((spec) => ({ params: { key: spec.key }, props: { spec } }));
}) satisfies GetStaticPaths;

export async function GET({ props, site }: { props: { spec: ChartSpec }; site: URL | undefined }) {
  const { meta } = await siteData();
  const origin = site ? site.origin + BASE.replace(/\/$/, "") : "";
  const svg = standaloneSvg(renderShared(props.spec), props.spec.title, [sourceLine(meta), meta.licence], origin);
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml; charset=utf-8" } });
}
