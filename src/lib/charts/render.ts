// The standalone SVG download of a chart (/charts/<key>.svg).
import { escapeHtml as esc } from "../labels";

/**
 * A standalone SVG file for download: the chart with its title above and the source/citation
 * line below, so the file still says what it shows and where it comes from.
 */
export function standaloneSvg(chartSvg: string, title: string, lines: string[], absoluteBase = ""): string {
  const w = Number(/viewBox="0 0 ([\d.]+) /.exec(chartSvg)?.[1] ?? 640);
  const h = Number(/viewBox="0 0 [\d.]+ ([\d.]+)"/.exec(chartSvg)?.[1] ?? 400);
  const top = 34;
  const bottom = 18 * lines.length + 12;
  // Links inside the chart point back to the report sentences; make them absolute for a file.
  const inner = absoluteBase ? chartSvg.replace(/href="\//g, `href="${absoluteBase}/`) : chartSvg;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h + top + bottom}" width="${w}" height="${h + top + bottom}" font-family="system-ui, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif">`,
    `<title>${esc(title)}</title>`,
    `<desc>${esc(lines.join(" "))}</desc>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="8" y="22" font-size="15" font-weight="700">${esc(title)}</text>`,
    `<g transform="translate(0,${top})">${inner.replace(/^<svg /, `<svg x="0" y="0" `)}</g>`,
    ...lines.map((l, i) => `<text x="8" y="${h + top + 18 + i * 18}" font-size="11" fill="#5b6673">${esc(l)}</text>`),
    `</svg>`,
  ].join("\n");
}
