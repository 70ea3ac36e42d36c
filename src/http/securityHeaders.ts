import type { MiddlewareHandler } from "hono";

/**
 * The headers every answer carries, pages and API alike. The policy allows scripts, styles and
 * connections from aigov itself only (no inline script or style, so injected markup cannot run), no
 * framing (clickjacking), and no plugin or base-URL tricks; JSON-LD data blocks are not scripts.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy":
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

/** Sets SECURITY_HEADERS on every response, errors and cache hits included (outermost middleware). */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  };
}
