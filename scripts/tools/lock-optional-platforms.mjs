#!/usr/bin/env node
// Adds lockfile entries for foreign-platform optional packages (rollup's and pagefind's native
// builds for macOS, Windows, …) that the registry reachable here does not serve, so `npm ci`
// accepts the lock. The entries carry os/cpu, so npm skips them on Linux without fetching;
// on a machine whose registry has them, `npm install` fills in the rest.
//   node scripts/tools/lock-optional-platforms.mjs   (after any `npm install`)
import { readFileSync, writeFileSync } from "node:fs";

const OS = { darwin: "darwin", linux: "linux", win32: "win32", windows: "win32", freebsd: "freebsd", android: "android", openbsd: "openbsd", openharmony: "openharmony", sunos: "sunos", aix: "aix" };
const CPU = ["arm64", "x64", "arm", "ia32", "loong64", "ppc64", "riscv64", "s390x", "mips64el"];

const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
let added = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const where = `${path ? path + "/" : ""}node_modules/${name}`;
    if (lock.packages[where] || lock.packages[`node_modules/${name}`]) continue;
    const parts = name.split("/").pop().split("-");
    const os = parts.map((p) => OS[p]).find(Boolean);
    const cpu = parts.find((p) => CPU.includes(p));
    const musl = parts.includes("musl");
    if (!os || !cpu || (os === "linux" && cpu === "x64" && !musl)) continue; // only foreign platforms
    const entry = { version: String(version).replace(/^[\^~]/, ""), cpu: [cpu], optional: true, os: [os] };
    if (musl) entry.libc = ["musl"];
    lock.packages[`node_modules/${name}`] = entry;
    added++;
  }
}
writeFileSync("package-lock.json", JSON.stringify(lock, null, 2) + "\n");
console.log(`added ${added} foreign-platform optional entries`);
