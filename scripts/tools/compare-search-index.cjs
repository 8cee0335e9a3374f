// Compares two built search indexes key by key (shard entries, with list files resolved) and the
// files beside them (table, rows, t2s, texts), so a change to the index builder can be shown to
// leave the index the same:
//   node scripts/tools/compare-search-index.cjs DIST_A DIST_B
// File names of lists may differ (names are given in the order keys are written); contents may not.
const fs = require("fs");
const path = require("path");
const [A, B] = process.argv.slice(2).map((d) => path.join(d, "search-index"));
if (!A || !B) {
  console.error("usage: node scripts/tools/compare-search-index.cjs DIST_A DIST_B");
  process.exit(2);
}
const load = (dir, f) => JSON.parse(fs.readFileSync(path.join(dir, f), "utf8"));
const resolved = (dir, ref) => JSON.stringify(typeof ref === "string" ? load(dir, ref) : ref);
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
const others = (dir) => ["table.json", "t2s.json", ...filesIn(dir, "r", ".json"), ...filesIn(dir, "text", ".txt")];
if (others(A).join() !== others(B).join()) differ(`row chunks or texts differ: ${others(A).length} vs ${others(B).length} files`);
for (const file of others(A))
  if (fs.existsSync(path.join(B, file)) && !fs.readFileSync(path.join(A, file)).equals(fs.readFileSync(path.join(B, file)))) differ(`${file} differs`);
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
