// Compares two built search indexes key by key (shard entries, with list files resolved), so a
// change to the index builder can be shown to leave the index the same:
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
for (const file of ["table.json", ...fs.readdirSync(path.join(A, "r")).filter((f) => f.endsWith(".json")).map((f) => `r/${f}`)])
  if (resolved(A, file) !== resolved(B, file)) differ(`${file} differs`);
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
console.log(`${keys} keys in ${shards.length} shards compared, ${differences} difference(s)`);
process.exit(differences ? 1 : 0);
