import type { Context, Handler, Hono, MiddlewareHandler } from "hono";
import { z } from "zod";
import { invalidRequest } from "../app/appError.js";
import { parseSearchParams } from "../app/eventsQuery.js";
import type { ApiDependencies, Endpoint } from "./endpoint.js";

/** The query of an endpoint that declares none: any parameter is refused. */
export const NO_QUERY = z.object({}).strict();

/** Hono's form of an OpenAPI path template: `/api/events/{id}` → `/api/events/:id`. */
export function honoPath(template: string): string {
  return template.replace(/\{(\w+)\}/g, ":$1");
}

/**
 * Mounts each declared endpoint on Hono: its query is read with its declared schema (parseSearchParams,
 * so an unknown parameter or a single one given twice is a 400 naming it, as on every route), its path
 * parameters with theirs, then its middleware and its handler run.
 */
export function registerEndpoints(app: Hono, endpoints: readonly Endpoint[], deps: ApiDependencies): void {
  for (const endpoint of endpoints) {
    const read = (c: Context) => ({
      query: parseSearchParams(endpoint.query ?? NO_QUERY, new URL(c.req.url).searchParams),
      params: parsePathParameters(endpoint.params, c.req.param()),
    });
    const method = endpoint.method.toUpperCase();
    const path = honoPath(endpoint.path);
    if (!endpoint.middleware?.length) {
      app.on(method, path, (c) => endpoint.handler({ c, ...read(c), deps }));
      continue;
    }
    // With middleware (the check's body limit), the parameters are read first, as before any other
    // test: a request is refused for its query before its body is looked at.
    const input = new WeakMap<Context, ReturnType<typeof read>>();
    const readFirst: MiddlewareHandler = async (c, next) => {
      input.set(c, read(c));
      await next();
    };
    const respond: Handler = (c) =>
      endpoint.handler({ c, ...(input.get(c) as ReturnType<typeof read>), deps });
    app.on(method, path, readFirst, ...endpoint.middleware, respond);
  }
}

function parsePathParameters(schema: z.ZodObject | undefined, raw: Record<string, string>) {
  if (!schema) return {};
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    parameter: String(issue.path[0] ?? ""),
    message: issue.message,
  }));
  throw invalidRequest(errors.map((e) => `${e.parameter}: ${e.message}`).join("; "), errors);
}
