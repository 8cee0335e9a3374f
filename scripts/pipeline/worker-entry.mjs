// Worker thread entry of the ingest pool: loads the TypeScript worker through tsx, so that the
// pool works the same under `tsx`, vitest and plain node.
import { register } from "tsx/esm/api";

register();
const { runTask } = await import("./worker.ts");
export default runTask;
