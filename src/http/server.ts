import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import type { Hono } from "hono";

/** A running server: where it listens, and how to stop it. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the app over real HTTP on host:port (port 0 picks a free one). */
export function startServer(app: Hono, options: { port: number; host: string }): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: app.fetch, port: options.port, hostname: options.host },
      (info: AddressInfo) => {
        const host = info.family === "IPv6" ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}`,
          close: () => new Promise((done) => server.close(() => done())),
        });
      },
    );
    server.once("error", reject);
  });
}
