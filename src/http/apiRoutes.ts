import type { Hono } from "hono";
import { z } from "zod";
import type { AppServices } from "../app/appServices.js";
import { reportLimits } from "../config.js";
import type { WithBrowser } from "../report/chromium.js";
import { sharedChromiumPool } from "../report/chromiumPool.js";
import { defineEndpoint, type Endpoint, jsonAnswer } from "./endpoint.js";
import { HttpProblem, problemOf } from "./problem.js";
import { honoPath, registerEndpoints } from "./registerEndpoints.js";
import { accountRoutes } from "./routes/accountRoutes.js";
import { compareRoutes } from "./routes/compareRoutes.js";
import { eventRoutes } from "./routes/eventRoutes.js";
import { exportRoutes } from "./routes/exportRoutes.js";
import { historyRoutes } from "./routes/historyRoutes.js";
import { linkRoutes } from "./routes/linkRoutes.js";
import { obligationRoutes } from "./routes/obligationRoutes.js";
import { proposalRoutes } from "./routes/proposalRoutes.js";
import { referenceRoutes } from "./routes/referenceRoutes.js";
import { releaseRoutes } from "./routes/releaseRoutes.js";
import { reportRoutes } from "./routes/reportRoutes.js";
import { searchRoutes } from "./routes/searchRoutes.js";
import { statsRoutes } from "./routes/statsRoutes.js";
import { subscriptionRoutes } from "./routes/subscriptionRoutes.js";

// An OpenAPI document is an object whose shape its own specification gives; it is not restated here.
const openApi = jsonAnswer("OpenAPI 3.1", z.record(z.string(), z.unknown()));

/** The document of the API itself. */
const documentRoutes: Endpoint[] = [
  defineEndpoint({
    method: "get",
    path: "/api/openapi.json",
    summary: "This document",
    responses: { 200: openApi },
    handler: ({ c, deps }) =>
      c.body(deps.openApiJson, 200, {
        "content-type": "application/json; charset=utf-8",
        "cache-control": "public, max-age=3600",
      }),
  }),
];

/**
 * Every endpoint of the API, in the order the document lists them: the one table from which the
 * routes are registered (registerApiRoutes) and the OpenAPI document is written (openapi.ts).
 */
export const API_ENDPOINTS: readonly Endpoint[] = [
  ...eventRoutes,
  ...searchRoutes,
  ...historyRoutes,
  ...proposalRoutes,
  ...accountRoutes,
  ...subscriptionRoutes,
  ...referenceRoutes,
  ...statsRoutes,
  ...reportRoutes,
  ...exportRoutes,
  ...obligationRoutes,
  ...compareRoutes,
  ...releaseRoutes,
  ...linkRoutes,
  ...documentRoutes,
];

/** What the API's wiring may be given instead of the process's defaults (tests give their own browsers). */
export interface ApiOptions {
  browsers?: WithBrowser;
}

/**
 * Every route of the API under /api/, with `openApiJson` (the document of them all) at
 * /api/openapi.json, and a 405 problem for the methods the API does not take.
 */
export function registerApiRoutes(
  app: Hono,
  services: AppServices,
  openApiJson: string,
  options: ApiOptions = {},
): void {
  // Made now but started on the first PDF or DOCX: most servers never print one.
  const browsers = options.browsers ?? sharedChromiumPool(reportLimits().pool).run;
  registerEndpoints(app, API_ENDPOINTS, { services, browsers, openApiJson });
  app.on(["POST", "PUT", "PATCH", "DELETE"], "/api/*", (c) => {
    const path = new URL(c.req.url).pathname;
    const allowed = methodsAt(path);
    const problem = new HttpProblem(
      405,
      `${c.req.method} is not supported here: ${path} takes ${allowed.join(", ")} (reads are GET; writes are POST to /api/proposals and /api/proposals/{id}/publish or /reject, with an API token; POST /api/check writes nothing)`,
    );
    return c.json(problem.toDocument(path), 405, {
      "content-type": "application/problem+json",
      allow: allowed.join(", "),
    });
  });
}

/** Each path template of the API as a pattern, with the methods its endpoints take. */
const METHODS_BY_PATH = (() => {
  const byPath = new Map<string, Set<string>>();
  for (const endpoint of API_ENDPOINTS) {
    const methods = byPath.get(endpoint.path) ?? new Set<string>();
    methods.add(endpoint.method.toUpperCase());
    byPath.set(endpoint.path, methods);
  }
  return [...byPath].map(([template, methods]) => ({
    pattern: new RegExp(`^${honoPath(template).replace(/[.]/g, "\\.").replace(/:\w+/g, "[^/]+")}$`),
    methods,
  }));
})();

/**
 * The methods a path takes, for the Allow header of a 405 (RFC 9110 § 15.5.6): GET answers HEAD too,
 * and every path answers OPTIONS (CORS preflights); a path no endpoint has is read-only, as the API was.
 */
function methodsAt(path: string): string[] {
  const methods = new Set(METHODS_BY_PATH.find((entry) => entry.pattern.test(path))?.methods ?? ["GET"]);
  if (methods.has("GET")) methods.add("HEAD");
  methods.add("OPTIONS");
  return ["GET", "HEAD", "POST", "OPTIONS"].filter((method) => methods.has(method));
}

/**
 * The answer to an error anywhere in the app: a problem document with its status (and Retry-After
 * for a busy service); anything that is not a known problem is a 500 whose cause goes to the log only.
 */
export function problemResponse(error: Error, request: Request): Response {
  const path = new URL(request.url).pathname;
  const known = problemOf(error);
  if (!known) process.stderr.write(`error: ${request.method} ${request.url}: ${error.stack ?? error}\n`);
  const problem = known ?? new HttpProblem(500, "the server failed to answer; the error is logged");
  return new Response(JSON.stringify(problem.toDocument(path)), {
    status: problem.status,
    headers: {
      "content-type": "application/problem+json",
      ...(problem.retryAfterSeconds === undefined
        ? {}
        : { "retry-after": String(problem.retryAfterSeconds) }),
      ...(problem.status === 401 && path.startsWith("/api/") ? bearerChallenge(request) : {}),
    },
  });
}

/**
 * The challenge of an API 401 (RFC 9110 § 11.6.1 asks one of every 401; RFC 6750 § 3 gives Bearer's):
 * `error="invalid_token"` when a token was sent and refused, nothing more when none was.
 */
function bearerChallenge(request: Request): Record<string, string> {
  const sent = request.headers.has("authorization");
  return {
    "www-authenticate": sent ? 'Bearer realm="aigov", error="invalid_token"' : 'Bearer realm="aigov"',
  };
}

/** The 404 problem for a path nothing answers. */
export function notFoundResponse(request: Request): Response {
  const path = new URL(request.url).pathname;
  const problem = new HttpProblem(404, `nothing at ${path}; see /api/docs`);
  return new Response(JSON.stringify(problem.toDocument(path)), {
    status: 404,
    headers: { "content-type": "application/problem+json" },
  });
}
