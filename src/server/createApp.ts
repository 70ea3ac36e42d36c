import { Hono } from "hono";
import type { AppContext } from "../app/appContext.js";
import { type AppServices, buildServices } from "../app/appServices.js";
import { acceptsParameters } from "../http/acceptsParameters.js";
import { notFoundResponse, problemResponse, registerApiRoutes } from "../http/apiRoutes.js";
import { dataVersionReader } from "../http/dataVersion.js";
import { apiCors, cachedReads, compression } from "../http/middleware.js";
import { buildOpenApiDocument } from "../http/openapi.js";
import { ResponseCache } from "../http/responseCache.js";
import { securityHeaders } from "../http/securityHeaders.js";
import { mcpHttpHandler } from "../mcp/mcpHttp.js";
import { apiReferencePage } from "../web/apiReferencePage.js";
import { registerWebRoutes } from "../web/webRoutes.js";

/** The HTTP application with the response cache and data version its Node front shares. */
export interface AigovApp {
  hono: Hono;
  cache: ResponseCache;
  readVersion: () => Promise<number>;
  /** The use cases' services, built once: what the server's own workers (deliveries) run on. */
  services: AppServices;
  /** Tells the app the address it listens on, the base of absolute links unless one was configured. */
  listeningAt(url: string): void;
}

/**
 * The composition root of the server: resolves the context into services once (reference data, limits),
 * then mounts the API (http/), the web app (web/) and the MCP endpoint (mcp/), which never import each
 * other, under one set of middleware. Hono rather than Fastify: its handlers are Web-standard Request →
 * Response functions, so the same app runs in tests through `app.request()` without a socket, on Node
 * behind @hono/node-server, and on other runtimes later (stateless API servers at scale); its router and
 * middleware are small enough to keep the overhead over bare node:http within the throughput target,
 * which `npm run bench` measures.
 */
export function createApp(context: AppContext): AigovApp {
  let baseUrl = (context.baseUrl ?? "http://localhost:8080").replace(/\/+$/, "");
  const services = buildServices(context, () => baseUrl);
  const app = new Hono();
  const cache = new ResponseCache();
  // Answers are cached and tagged by the version of the index that answered, not the database's newest:
  // during a rebuild readers get the previous index, and its answers must not be stored as the new data's.
  const readVersion = dataVersionReader(() => context.search.servedVersion(), context.versionMaxAgeMs ?? 250);
  const openApi = buildOpenApiDocument();

  // Outermost first: security headers on every answer, CORS headers on the API, then the read cache
  // (which stores compressed bodies). The cache keys on the data version, the UTC day, the encoding and
  // the URL's path and query: no answer may depend on anything else of the request (absolute links use
  // the configured base URL, never the Host header).
  app.use("*", securityHeaders());
  app.use("/api/*", apiCors());
  // MCP reads the same public records as the API, with no credentials and no session: open to any origin
  // alike (a page that rebinds a name to this server reads nothing it could not read through CORS).
  app.use("/mcp", apiCors());
  if (context.responseCache !== false) app.use("*", cachedReads(readVersion, cache));
  app.use("*", compression());

  registerApiRoutes(app, services, JSON.stringify(openApi));
  // The API reference is a page drawn from the API's document: composed here, where both are known.
  // It takes `lang` as every page does: the site's nav links it in the reader's language.
  app.get("/api/docs", acceptsParameters({ lang: "once" }), (c) => c.html(apiReferencePage(openApi)));
  registerWebRoutes(app, services);
  // Streamable HTTP (POST JSON-RPC, JSON answers), stateless: the same tools as `aigov mcp`. Not in the
  // OpenAPI document, which describes the REST API; the README's MCP section describes it.
  const mcp = mcpHttpHandler(services, (error, tool) =>
    process.stderr.write(
      `error: MCP${tool ? ` ${tool}` : ""}: ${(error as Error)?.stack ?? String(error)}\n`,
    ),
  );
  app.all("/mcp", (c) => mcp(c.req.raw));

  app.notFound((c) => notFoundResponse(c.req.raw));
  app.onError((error, c) => problemResponse(error, c.req.raw));
  return {
    hono: app,
    cache,
    readVersion,
    services,
    listeningAt: (url) => {
      if (context.baseUrl === undefined) baseUrl = url;
    },
  };
}
