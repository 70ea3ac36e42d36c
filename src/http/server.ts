import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import type { AigovApp } from "./app.js";
import { encodingClass, etagFor, matchesEtag, ResponseCache } from "./responseCache.js";
import { SECURITY_HEADERS } from "./securityHeaders.js";

/** A running server: where it listens, and how to stop it. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/**
 * The Node front: a cached read (the common case for a read-only observatory) is answered straight
 * from the response cache, without building Web Request and Response objects; everything else goes
 * to the Hono app. The bench compares this with a bare node:http server.
 */
function front(app: AigovApp) {
  const listener = getRequestListener(app.hono.fetch);
  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === "GET" || req.method === "HEAD") {
      const url = new URL(req.url ?? "/", "http://front");
      const pathAndQuery = url.pathname + url.search;
      const version = await app.readVersion();
      const etag = etagFor(version, pathAndQuery);
      const ifNoneMatch = req.headers["if-none-match"];
      if (!matchesEtag(ifNoneMatch, etag)) {
        const hit = app.cache.get(
          ResponseCache.key(version, encodingClass(req.headers["accept-encoding"]), pathAndQuery),
        );
        if (hit) {
          // Stored answers were recorded inside the app's middleware: add the outermost headers here.
          res.writeHead(hit.status, { ...hit.headers, ...SECURITY_HEADERS });
          res.end(req.method === "HEAD" ? undefined : hit.body);
          return;
        }
      }
    }
    await listener(req, res);
  };
}

/** How much one client may hold: the server is on a public port, with anonymous clients. */
export interface ServerLimits {
  /** Time to send the request headers (slowloris). */
  headersTimeoutMs: number;
  /** Time to send the whole request. */
  requestTimeoutMs: number;
  /** How long an idle keep-alive connection stays open. */
  keepAliveTimeoutMs: number;
  /** Connections open at once; more are refused until some close. */
  maxConnections: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
};

/** Serves the app over real HTTP on host:port (port 0 picks a free one), within the limits given. */
export function startServer(
  app: AigovApp,
  options: { port: number; host: string; limits?: Partial<ServerLimits> },
): Promise<RunningServer> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  return new Promise((resolve, reject) => {
    const handle = front(app);
    const server = createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        // How often the timeouts above are checked (Node's default, 30 s, would let them run long).
        connectionsCheckingInterval: Math.max(100, Math.min(limits.headersTimeoutMs / 4, 1_000)),
      },
      (req, res) => {
        handle(req, res).catch((error: Error) => {
          process.stderr.write(`error: ${req.method} ${req.url}: ${error.stack ?? error}\n`);
          if (!res.headersSent) res.writeHead(500, { "content-type": "application/problem+json" });
          res.end();
        });
      },
    );
    server.maxConnections = limits.maxConnections;
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      const info = server.address() as AddressInfo;
      const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
      const url = `http://${host}:${info.port}`;
      app.listeningAt(url);
      resolve({
        url,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
