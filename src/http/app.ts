import { Hono } from "hono";
import { reportLimits } from "../config.js";
import { apiReferencePage } from "../web/apiReferencePage.js";
import { registerWebRoutes } from "../web/webRoutes.js";
import type { AppContext } from "./appContext.js";
import { dataVersionReader } from "./dataVersion.js";
import { apiCors, cachedReads, compression } from "./middleware.js";
import { buildOpenApiDocument } from "./openapi.js";
import { HttpProblem } from "./problem.js";
import { ResponseCache } from "./responseCache.js";
import { securityHeaders } from "./securityHeaders.js";
import { registerEventRoutes } from "./routes/eventRoutes.js";
import { registerExportRoutes } from "./routes/exportRoutes.js";
import { registerObligationRoutes } from "./routes/obligationRoutes.js";
import { bundledObligations } from "../obligations/obligationsData.js";
import { correctionsByEvent } from "../domain/correctionsByEvent.js";
import { registerReferenceRoutes } from "./routes/referenceRoutes.js";
import { registerReportRoutes } from "./routes/reportRoutes.js";
import { registerStatsRoutes } from "./routes/statsRoutes.js";
import { acceptsParameters, NO_PARAMETERS } from "./queryParameters.js";

/** The HTTP application with the response cache and data version its Node front shares. */
export interface AigovApp {
  hono: Hono;
  cache: ResponseCache;
  readVersion: () => Promise<number>;
  /** Tells the app the address it listens on, the base of absolute links unless one was configured. */
  listeningAt(url: string): void;
}

/**
 * The HTTP application. Hono rather than Fastify: its handlers are Web-standard Request → Response
 * functions, so the same app runs in tests through `app.request()` without a socket, on Node behind
 * @hono/node-server, and on other runtimes later (stateless API servers at scale); its router and
 * middleware are small enough to keep the overhead over bare node:http within the throughput target,
 * which `npm run bench` measures.
 */
export function createApp(given: AppContext): AigovApp {
  // Limits from the environment are read once, here: a malformed one stops the start, not each request.
  const context: AppContext = { ...given, reportMaxYears: given.reportMaxYears ?? reportLimits().maxYears };
  const app = new Hono();
  const cache = new ResponseCache();
  // Answers are cached and tagged by the version of the index that answered, not the database's newest:
  // during a rebuild readers get the previous index, and its answers must not be stored as the new data's.
  const readVersion = dataVersionReader(() => context.search.servedVersion(), context.versionMaxAgeMs ?? 250);
  const openApi = buildOpenApiDocument();
  const openApiJson = JSON.stringify(openApi);
  const obligations = context.obligations ?? bundledObligations();
  // Grouped once: every event the API and the pages present looks its corrections up here.
  const corrections = correctionsByEvent(obligations.corrections);
  let baseUrl = (context.baseUrl ?? "http://localhost:8080").replace(/\/+$/, "");

  // Outermost first: security headers on every answer, CORS headers on the API, then the read cache
  // (which stores compressed bodies). The cache keys on the data version, the UTC day, the encoding and
  // the URL's path and query: no answer may depend on anything else of the request (absolute links use
  // the configured base URL, never the Host header).
  app.use("*", securityHeaders());
  app.use("/api/*", apiCors());
  if (context.responseCache !== false) app.use("*", cachedReads(readVersion, cache));
  app.use("*", compression());

  registerEventRoutes(app, context, corrections);
  registerReferenceRoutes(app, context, corrections);
  registerExportRoutes(app, context, obligations, corrections, () => baseUrl);
  registerObligationRoutes(app, obligations);
  registerStatsRoutes(app, context);
  registerReportRoutes(app, context, corrections, { maxYears: context.reportMaxYears });

  app.get("/api/openapi.json", acceptsParameters(NO_PARAMETERS), (c) =>
    c.body(openApiJson, 200, {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "public, max-age=3600",
    }),
  );
  app.get("/api/docs", acceptsParameters(NO_PARAMETERS), (c) => c.html(apiReferencePage(openApi)));

  // The web app (pages under /, assets under /assets/): web/ is composed here, as the API reference is.
  registerWebRoutes(app, context, obligations, corrections, () => baseUrl);

  app.on(["POST", "PUT", "PATCH", "DELETE"], "/api/*", (c) => {
    const problem = new HttpProblem(
      405,
      `${c.req.method} is not supported: the API is read-only (POST /api/check is the one exception)`,
    );
    return c.json(problem.toDocument(new URL(c.req.url).pathname), 405, {
      "content-type": "application/problem+json",
      allow: "GET, HEAD, OPTIONS",
    });
  });
  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const problem = new HttpProblem(404, `nothing at ${path}; see /api/docs`);
    return c.json(problem.toDocument(path), 404, { "content-type": "application/problem+json" });
  });
  app.onError((error, c) => {
    const path = new URL(c.req.url).pathname;
    const problem =
      error instanceof HttpProblem
        ? error
        : new HttpProblem(500, "the server failed to answer; the error is logged");
    if (!(error instanceof HttpProblem))
      process.stderr.write(`error: ${c.req.method} ${c.req.url}: ${error.stack ?? error}\n`);
    return c.json(problem.toDocument(path), problem.status as 400, {
      "content-type": "application/problem+json",
    });
  });
  return {
    hono: app,
    cache,
    readVersion,
    listeningAt: (url) => {
      if (context.baseUrl === undefined) baseUrl = url;
    },
  };
}
