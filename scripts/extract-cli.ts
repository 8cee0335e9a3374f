// `npm run --silent extract -- FILE...`: the extractor's JSON contract (../shared/gold/README.md).
// Only the JSON goes to stdout; problems with a file go to stderr and the file still gets an
// object, with `error` set, so one bad file never hides the others.
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { analyse } from "./pipeline/report";

const files = process.argv.slice(2).filter((a) => a !== "--");
if (files.length === 0) {
  process.stderr.write("usage: npm run --silent extract -- FILE...\n");
  process.exit(2);
}

const out = [];
for (const file of files) out.push(await extractFile(file));

async function extractFile(file: string) {
  const empty = { file: basename(file), region: { name: null }, year: null, period: null, published: null, title: null, mentions: [], indicators: [] };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    process.stderr.write(`${file}: cannot read: ${(e as Error).message}\n`);
    return { ...empty, error: `cannot read: ${(e as Error).message}` };
  }
  const r = await analyse(bytes, file);
  if (!r.ok) {
    process.stderr.write(`${file}: rejected: ${r.reason}\n`);
    return { ...empty, error: r.reason };
  }
  for (const w of r.warnings) process.stderr.write(`${file}: warning: ${w}\n`);
  const { meta } = r;
  return {
    file: basename(file),
    region: meta.region ?? { name: null, prefecture: null, province: null, gbCode: null, level: meta.level },
    year: meta.year,
    period: meta.period,
    published: meta.published,
    title: meta.title,
    hasPlan: meta.hasPlan,
    planYear: meta.planYear,
    planPeriod: meta.planPeriod,
    sections: r.sections,
    mentions: r.mentions,
    indicators: r.indicators,
    masked: r.masked,
  };
}
process.stdout.write(JSON.stringify(out, null, 1) + "\n");
