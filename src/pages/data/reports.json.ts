// Every report's metadata (no body, no per-number detail: see /data/reports/<id>.json).
import { BASE } from "../../lib/base";
import { siteData } from "../../lib/site-data";

export async function GET() {
  const { reports, meta } = await siteData();
  const base = BASE;
  const list = reports.map((r) => ({
    id: r.id,
    title: r.title,
    region: r.region,
    level: r.level,
    year: r.year,
    period: r.period,
    hasPlan: r.hasPlan,
    planYear: r.planYear,
    planPeriod: r.planPeriod,
    published: r.published,
    sourceFile: r.sourceFile,
    sourceSha256: r.sourceSha256,
    extractorVersion: r.extractorVersion,
    mentions: r.mentionCount,
    indicators: r.indicators.length,
    masked: r.maskedCount,
    page: `${base}reports/${r.id}/`,
    data: `${base}data/reports/${r.id}.json`,
  }));
  return new Response(JSON.stringify({ meta, reports: list }, null, 1), { headers: { "Content-Type": "application/json; charset=utf-8" } });
}
