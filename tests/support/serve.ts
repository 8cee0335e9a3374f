// Serves a built site (dist/) on loopback for browser tests and evaluations.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";

export interface Served {
  url: string;
  close: () => Promise<void>;
  /** Bytes sent per request path since the server started (for download measurements). */
  bytes: Map<string, number>;
  /** Requests per path since the server started (a preload that the page's fetch() fails to reuse shows as 2). */
  requests: Map<string, number>;
}

/** `ignoreRange`: answer Range requests with the whole file (200), as some servers do. */
export async function serveDir(dir: string, options: { ignoreRange?: boolean } = {}): Promise<Served> {
  const handler = sirv(dir, { dev: false, etag: true, gzip: true, brotli: false, extensions: ["html"] });
  const bytes = new Map<string, number>();
  const requests = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    const path = req.url ?? "/";
    if (options.ignoreRange) delete req.headers.range;
    requests.set(path, (requests.get(path) ?? 0) + 1);
    const count = (chunk: unknown) => {
      if (chunk && typeof chunk !== "function") bytes.set(path, (bytes.get(path) ?? 0) + Buffer.byteLength(chunk as string | Buffer));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => (count(chunk), (write as (...a: unknown[]) => boolean)(chunk, ...rest))) as typeof res.write;
    res.end = ((chunk?: unknown, ...rest: unknown[]) => (count(chunk), (end as (...a: unknown[]) => unknown)(chunk, ...rest))) as typeof res.end;
    handler(req, res, () => {
      res.statusCode = 404;
      res.end("not found");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bytes,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
