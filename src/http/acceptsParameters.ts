import type { MiddlewareHandler } from "hono";
import { type AcceptedParameters, refuseUnexpectedParameters } from "../app/queryParameters.js";

/** Refuses a request whose query names a parameter the route does not read (for routes with no schema of their own). */
export function acceptsParameters(accepted: AcceptedParameters): MiddlewareHandler {
  return async (c, next) => {
    refuseUnexpectedParameters(new URL(c.req.url).searchParams, accepted);
    await next();
  };
}
