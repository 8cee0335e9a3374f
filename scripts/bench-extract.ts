// `npm run bench:extract`: extraction speed in MB of report text per second on one core.
// Runs extract() (the stage this project owns) over the cleaned seed texts repeatedly.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { decode } from "./pipeline/decode";
import { clean } from "./pipeline/clean";
import { parseOutline } from "./pipeline/outline";
import { extract } from "./extract/index";

const seeds = resolve(import.meta.dirname, "../../shared/corpus/seeds");
const inputs = readdirSync(seeds)
  .filter((f) => f.endsWith(".txt"))
  .map((f) => {
    const d = decode(readFileSync(join(seeds, f)));
    if (!d.ok) throw new Error(`${f}: ${d.reason}`);
    const text = clean(d.text).text;
    return { text, sections: parseOutline(text), bytes: Buffer.byteLength(text, "utf8") };
  });
const bytesPerRound = inputs.reduce((s, x) => s + x.bytes, 0);

const run = () => {
  for (const x of inputs) extract(x);
};
for (let i = 0; i < 20; i++) run(); // warm up the JIT
const rounds = Number(process.env.ROUNDS ?? 300);
const t0 = process.hrtime.bigint();
for (let i = 0; i < rounds; i++) run();
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
const mb = (bytesPerRound * rounds) / 1e6;
console.log(`extract: ${mb.toFixed(1)} MB (UTF-8) of cleaned report text in ${secs.toFixed(2)} s = ${(mb / secs).toFixed(1)} MB/s on one core (${inputs.length} seeds × ${rounds} rounds)`);
