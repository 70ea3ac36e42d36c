import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const COMPRESSIBLE =
  /^(?:application\/(?:json|problem\+json|atom\+xml|xml|vnd\.citationstyles\.csl\+json)|text\/)/;
const SYNC_LIMIT = 64 * 1024;

/**
 * Compresses text responses with brotli or gzip, as the client accepts. Small bodies are compressed
 * inline (faster than a thread hop); large ones on libuv's thread pool.
 */
export function compression(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const res = c.res;
    const accept = c.req.header("accept-encoding") ?? "";
    const type = res.headers.get("content-type") ?? "";
    if (!res.body || res.headers.has("content-encoding") || !COMPRESSIBLE.test(type)) return;
    const encoding = /\bbr\b/.test(accept) ? "br" : /\bgzip\b/.test(accept) ? "gzip" : null;
    if (!encoding) return;
    const body = Buffer.from(await res.arrayBuffer());
    if (body.length < 1024) {
      c.res = new Response(body, res);
      return;
    }
    const options = { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } };
    const compressed =
      body.length <= SYNC_LIMIT
        ? encoding === "br"
          ? brotliCompressSync(body, options)
          : gzipSync(body)
        : encoding === "br"
          ? await brotliAsync(body, options)
          : await gzipAsync(body);
    const headers = new Headers(res.headers);
    headers.set("content-encoding", encoding);
    headers.set("content-length", String(compressed.length));
    headers.append("vary", "Accept-Encoding");
    c.res = new Response(compressed, { status: res.status, headers });
  };
}

/** FNV-1a, enough to tell URLs apart inside an ETag. */
function fnv1a(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/**
 * Conditional GETs: every read's ETag is the data version and the URL, so a client that has the current
 * answer gets 304 without the server doing the work again; reads may be cached briefly.
 */
export function conditionalGet(readVersion: () => Promise<number>): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    const url = new URL(c.req.url);
    const etag = `W/"${await readVersion()}-${fnv1a(url.pathname + url.search)}"`;
    const match = c.req.header("if-none-match");
    if (match?.split(",").some((tag) => tag.trim() === etag)) {
      return c.body(null, 304, { etag, "cache-control": "public, max-age=60" });
    }
    await next();
    if (c.res.status === 200) {
      c.res.headers.set("etag", etag);
      if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "public, max-age=60");
    }
  };
}
