// Metadata that travels with every download and chart: when the site was built, by which
// extractor, the licence note and how to cite.
import { existsSync, readFileSync } from "node:fs";
import type { ReportListing } from "./schema";
import { BUILD_REPORT } from "./paths";

export const SITE_NAME = "县域卫健报告库";

export const LICENCE_NOTE =
  "报告原文版权归各发布机构所有，本站仅作研究与公共信息用途的摘录和链接；抽取的数值与整理数据以 CC BY 4.0 提供，使用时请注明来源并核对原文。";

export interface SiteMeta {
  site: string;
  buildDate: string;
  extractorVersion: string;
  reports: number;
  licence: string;
  citation: string;
  source: string;
}

function extractorVersionOf(entries: readonly ReportListing[]): string {
  if (existsSync(BUILD_REPORT)) {
    try {
      const v = (JSON.parse(readFileSync(BUILD_REPORT, "utf8")) as { extractorVersion?: unknown }).extractorVersion;
      if (typeof v === "string") return v;
    } catch {
      /* fall through to the entries */
    }
  }
  const versions = [...new Set(entries.map((e) => e.extractorVersion))].sort();
  return versions.join(", ") || "unknown";
}

/** The build date: SOURCE_DATE_EPOCH when set (reproducible builds), else today. */
export function buildDate(): string {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return (Number.isFinite(epoch) && epoch > 0 ? new Date(epoch * 1000) : new Date()).toISOString().slice(0, 10);
}

export function siteMeta(entries: readonly ReportListing[]): SiteMeta {
  const date = buildDate();
  const version = extractorVersionOf(entries);
  return {
    site: SITE_NAME,
    buildDate: date,
    extractorVersion: version,
    reports: entries.length,
    licence: LICENCE_NOTE,
    citation: `${SITE_NAME}（构建于 ${date}，抽取程序版本 ${version}），据各地卫生健康部门公开工作报告整理。`,
    source: "各县（市、区）卫生健康部门公开发布的工作总结；数值由程序从原文抽取，每个数值均附原文句子及位置。",
  };
}

/** The one-line source/citation under each chart. */
export function sourceLine(meta: SiteMeta): string {
  return `来源：各地卫生健康部门工作报告，经${SITE_NAME}抽取整理（构建 ${meta.buildDate}，抽取程序 ${meta.extractorVersion}）。引用请注明：${meta.site}。`;
}
