// `npm run bench:extract`: extraction speed on one core.
//
// - Default: extract() alone (the indicator extractor) over the cleaned seed texts, repeatedly.
// - `-- --corpus DIR [--limit N]`: the whole per-report analysis exactly as an ingest worker runs
//   it (read, decode, clean, outline, metadata with the gazetteer, extraction, entry template,
//   validation, cache write), over every file of DIR once, in this thread, into a throw-away
//   cache. Prints wall and CPU time (process CPU: this thread plus V8's helper threads), the
//   module load and first-report (gazetteer, catalogue, JIT) costs separately.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const corpus = opt("--corpus");

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

if (corpus) {
  const t0 = performance.now();
  const { runTask } = await import("./pipeline/worker");
  const loadMs = performance.now() - t0;
  const dir = resolve(corpus);
  const limit = Number(opt("--limit") ?? Infinity);
  const files = readdirSync(dir)
    .sort()
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .slice(0, limit);
  const cacheRoot = mkdtempSync(join(tmpdir(), "bench-extract-"));
  try {
    let bytes = 0;
    let firstMs = 0;
    const wall0 = performance.now();
    const cpu0 = cpuMs();
    for (const [n, path] of files.entries()) {
      bytes += statSync(path).size;
      const t = performance.now();
      await runTask({ op: "analyse", path, key: `k${n}`, cacheRoot, version: "bench" });
      if (n === 0) firstMs = performance.now() - t;
    }
    const wall = (performance.now() - wall0) / 1000;
    const cpu = (cpuMs() - cpu0) / 1000;
    const mb = bytes / 1e6;
    console.log(
      `analysis as in an ingest worker: ${files.length} files, ${mb.toFixed(1)} MB in ${wall.toFixed(2)} s wall / ${cpu.toFixed(2)} s CPU = ` +
        `${(mb / wall).toFixed(2)} MB/s wall, ${(mb / cpu).toFixed(2)} MB/s CPU, ${((cpu * 1000) / files.length).toFixed(2)} ms CPU per file, one thread ` +
        `(module load ${loadMs.toFixed(0)} ms, first file ${firstMs.toFixed(0)} ms)`,
    );
  } finally {
    rmSync(cacheRoot, { recursive: true, force: true });
  }
} else {
  const { decode } = await import("./pipeline/decode");
  const { clean } = await import("./pipeline/clean");
  const { parseOutline } = await import("./pipeline/outline");
  const { extract } = await import("./extract/index");
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
}
