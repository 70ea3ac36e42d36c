import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { getRequestListener } from "@hono/node-server";
import { streamingLimits } from "../config.js";
import type { AigovApp } from "./createApp.js";
import { type ExportBindings, ExportSlots } from "../http/exportSlots.js";
import { carriesSession } from "../http/middleware.js";
import { HttpProblem } from "../http/problem.js";
import { encodingClass, etagFor, matchesEtag, ResponseCache } from "../http/responseCache.js";
import { SECURITY_HEADERS } from "../http/securityHeaders.js";

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
/** The request's URL, or null when its request-target does not parse as one. */
function requestUrl(req: IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? "/", "http://front");
  } catch {
    return null;
  }
}

function front(app: AigovApp, exportSlots: ExportSlots) {
  // The server's export slots reach the routes as a binding beside Node's own (incoming, outgoing).
  const listener = getRequestListener((request, env) =>
    app.hono.fetch(request, { ...env, exportSlots } satisfies ExportBindings),
  );
  return async (req: IncomingMessage, res: ServerResponse) => {
    const url = requestUrl(req);
    if (!url) {
      // A request line whose target is no URL ("GET http://[ HTTP/1.1"): the client's error, said as one,
      // before anything builds a URL from it (which threw, logged a stack trace and answered 500).
      const problem = new HttpProblem(400, "the request line's target is not a URL");
      res.writeHead(400, { "content-type": "application/problem+json", ...SECURITY_HEADERS });
      res.end(JSON.stringify(problem.toDocument("/")));
      return;
    }
    // A signed-in reader's pages are their own (their name, their forms): never the shared copy.
    if ((req.method === "GET" || req.method === "HEAD") && !carriesSession(req.headers.cookie)) {
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
  /** Exports (CSV, calendar, CSL-JSON) streaming at once; more are answered 503 with Retry-After. */
  maxExports: number;
  /** Exports streaming at once to one client address; more are answered 429 with Retry-After. */
  maxExportsPerClient: number;
  /**
   * How long a response in progress may wait on a client that reads nothing (its socket takes no
   * bytes) before the connection is cut; the export slot it held is freed with it.
   */
  writeIdleTimeoutMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1_000,
  // A CSV export of 60,000 events takes about 5 s alone (npm run bench -- export): four at once keep a
  // two-core server busy without starving other requests, and two per client let a page and a
  // script download side by side.
  maxExports: 4,
  maxExportsPerClient: 2,
  writeIdleTimeoutMs: 30_000,
};

/**
 * Whether a response is stuck on its client: bytes wait for a socket that takes none (Node's socket
 * timeout counts no activity, but also fires while a handler is still working, which is no stall).
 */
function waitsOnClient(res: ServerResponse): boolean {
  return res.writableNeedDrain || (res.writableEnded && !res.writableFinished);
}

/**
 * Serves the app over real HTTP on host:port (port 0 picks a free one), within the limits given;
 * those not given come from the environment (config.ts, streamingLimits), else DEFAULT_LIMITS.
 */
export function startServer(
  app: AigovApp,
  options: { port: number; host: string; limits?: Partial<ServerLimits> },
): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const limits: ServerLimits = { ...DEFAULT_LIMITS, ...streamingLimits(), ...options.limits };
    const handle = front(app, new ExportSlots(limits));
    const server = createServer(
      {
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        // How often the timeouts above are checked (Node's default, 30 s, would let them run long).
        connectionsCheckingInterval: Math.max(100, Math.min(limits.headersTimeoutMs / 4, 1_000)),
      },
      (req, res) => {
        // Re-armed by every byte the socket takes: only a client that stops reading reaches it.
        res.setTimeout(limits.writeIdleTimeoutMs, () => {
          if (waitsOnClient(res)) res.destroy();
        });
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
