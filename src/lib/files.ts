// Walking a folder of built or source files.
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every file under `dir` whose name ends with `suffix`, depth first, in name order. */
export function filesUnder(dir: string, suffix = ""): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, suffix));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out;
}
