// Compares two built search indexes key by key (shard entries, with list files resolved) and the
// files beside them (table, rows, t2s, texts), so a change to the index builder can be shown to
// leave the index the same:
//   node scripts/tools/compare-search-index.cjs DIST_A DIST_B
// Where lists are stored may differ (file names or pack offsets, and the format before index
// version 4); their contents may not. table.json carries the version, so it is compared without it.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const [A, B] = process.argv.slice(2).map((d) => path.join(d, "search-index"));
if (!A || !B) {
  console.error("usage: node scripts/tools/compare-search-index.cjs DIST_A DIST_B");
  process.exit(2);
}
const load = (dir, f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
// A list outside its shard: a gzip member of a pack ("<pack>:<offset>:<length>", base 36; index
// version 4) or, in indexes before it, a file of its own (f/<name>.json).
const packs = new Map();
const list = (dir, ref) => {
  const m = /^([0-9a-z]+):([0-9a-z]+):([0-9a-z]+)$/.exec(ref);
  if (!m) return load(dir, ref);
  const file = path.join(dir, "f", `${m[1]}.bin`);
  if (!packs.has(file)) packs.set(file, fs.readFileSync(file));
  const at = parseInt(m[2], 36);
  return JSON.parse(zlib.gunzipSync(packs.get(file).subarray(at, at + parseInt(m[3], 36))).toString("utf8"));
};
const resolved = (dir, ref) => JSON.stringify(typeof ref === "string" ? list(dir, ref) : ref);
const shardsOf = (dir) => fs.readdirSync(dir).filter((f) => /^s[0-9a-z]+\.json$/.test(f)).sort();
let keys = 0;
let differences = 0;
const differ = (what) => {
  if (differences++ < 10) console.log(what);
};
const shards = shardsOf(A);
if (shards.join() !== shardsOf(B).join()) differ(`shard files differ: ${shards.length} vs ${shardsOf(B).length}`);
// The files beside the shards: table, row chunks, t2s map and report texts, byte for byte.
const filesIn = (dir, sub, ext) => fs.readdirSync(path.join(dir, sub)).filter((f) => f.endsWith(ext)).map((f) => `${sub}/${f}`).sort();
const others = (dir) => ["table.json", ...(fs.existsSync(path.join(dir, "meta.json")) ? ["meta.json"] : []), "t2s.json", ...filesIn(dir, "r", ".json"), ...filesIn(dir, "text", ".txt")];
if (others(A).join() !== others(B).join()) differ(`row chunks or texts differ: ${others(A).length} vs ${others(B).length} files`);
const withoutVersion = (dir) => JSON.stringify({ ...load(dir, "table.json"), version: undefined });
for (const file of others(A)) {
  if (!fs.existsSync(path.join(B, file))) continue;
  const same = file === "table.json" ? withoutVersion(A) === withoutVersion(B) : fs.readFileSync(path.join(A, file)).equals(fs.readFileSync(path.join(B, file)));
  if (!same) differ(`${file} differs`);
}
for (const f of shards) {
  if (!fs.existsSync(path.join(B, f))) continue;
  const a = load(A, f);
  const b = load(B, f);
  const ka = Object.keys(a).sort();
  if (ka.join("\u0000") !== Object.keys(b).sort().join("\u0000")) {
    differ(`keys differ in ${f}`);
    continue;
  }
  for (const k of ka) {
    keys++;
    const [na, ca, pa] = a[k];
    const [nb, cb, pb] = b[k];
    if (na !== nb || resolved(A, ca) !== resolved(B, cb) || resolved(A, pa) !== resolved(B, pb)) differ(`entry ${k} differs in ${f}`);
  }
}
console.log(`${keys} keys in ${shards.length} shards and ${others(A).length} other files compared, ${differences} difference(s)`);
process.exit(differences ? 1 : 0);
