import { promisify } from "node:util";
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";
import { SESSION_COOKIE } from "../app/authentication.js";
import { knownBytes } from "./knownBytes.js";
import { encodingClass, etagFor, matchesEtag, ResponseCache } from "./responseCache.js";
import { isStreamed, markStreamed } from "./streamedResponse.js";

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
    // The same choice the response cache keys on, so a cached body matches the encoding asked for.
    // Looked at first: a client that takes no encoding costs nothing here.
    const encoding = encodingClass(c.req.header("accept-encoding"));
    if (encoding === "identity") return;
    const res = c.res;
    const type = res.headers.get("content-type") ?? "";
    if (res.headers.has("content-encoding") || !COMPRESSIBLE.test(type)) return;
    // A release's file goes out as the bytes its SHA-256 (its ETag) was taken of (RFC 9111 § 5.2.2.6).
    if (/\bno-transform\b/.test(res.headers.get("cache-control") ?? "")) return;
    const known = knownBytes(res);
    let body: Buffer;
    if (known) {
      body = Buffer.from(known.buffer, known.byteOffset, known.byteLength);
      if (body.length < 1024) return;
    } else {
      if (!res.body) return;
      if (isStreamed(res)) {
        // Compressed as it flows, never gathered: gzip, which web streams offer (brotli they do not).
        if (!/\bgzip\b/.test(c.req.header("accept-encoding") ?? "")) return;
        const headers = new Headers(res.headers);
        headers.set("content-encoding", "gzip");
        headers.delete("content-length");
        headers.append("vary", "Accept-Encoding");
        c.res = markStreamed(
          new Response(res.body.pipeThrough(new CompressionStream("gzip")), { status: res.status, headers }),
        );
        return;
      }
      body = Buffer.from(await res.arrayBuffer());
      if (body.length < 1024) {
        // Its body has been read: the answer goes out as a new response with the same bytes.
        c.res = new Response(body, res);
        return;
      }
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

const SESSION_IN_COOKIES = new RegExp(`(?:^|;)\\s*${SESSION_COOKIE}=[^;\\s]`);

/**
 * Whether a request carries a session cookie: its answers are that reader's own (their name, their
 * forms), so the shared cache neither serves nor keeps them. The Node front asks the same.
 */
export function carriesSession(cookieHeader: string | null | undefined): boolean {
  return cookieHeader !== null && cookieHeader !== undefined && SESSION_IN_COOKIES.test(cookieHeader);
}

/**
 * Reads answered from memory. Every read's ETag is the data version and the URL: a client holding the
 * current answer gets 304, and a read asked for again is kept in the response cache (on its second
 * ask, see ResponseCache) and served from it (the Node front in server.ts answers hits before the
 * framework even sees the request).
 */
export function cachedReads(readVersion: () => Promise<number>, cache: ResponseCache): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") return next();
    // A signed-in reader's pages are private (and no ETag of a public answer may be matched for them).
    if (carriesSession(c.req.header("cookie"))) return next();
    const url = new URL(c.req.url);
    const pathAndQuery = url.pathname + url.search;
    const version = await readVersion();
    const etag = etagFor(version, pathAndQuery);
    if (matchesEtag(c.req.header("if-none-match"), etag))
      return c.body(null, 304, { etag, "cache-control": "public, max-age=60" });
    const key = ResponseCache.key(version, encodingClass(c.req.header("accept-encoding")), pathAndQuery);
    const hit = cache.get(key);
    if (hit) return new Response(new Uint8Array(hit.body), { status: hit.status, headers: hit.headers });
    await next();
    // A private answer (a page whose language came from the reader's cookie) is neither shared nor tagged;
    // an answer that tags itself (a release's file, by its SHA-256) keeps its own ETag and is not held
    // in memory (its bytes are in the database, and may be many megabytes).
    if (c.res.status !== 200 || /private|no-store/.test(c.res.headers.get("cache-control") ?? "")) return;
    if (c.res.headers.has("etag")) return;
    const known = knownBytes(c.res);
    if (!known && isStreamed(c.res)) {
      // A streamed export is tagged (a client holding it gets 304) but never stored whole in memory.
      c.res.headers.set("etag", etag);
      if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "public, max-age=60");
      return;
    }
    c.res.headers.set("etag", etag);
    if (!c.res.headers.has("cache-control")) c.res.headers.set("cache-control", "public, max-age=60");
    if (!cache.admits(key)) return;
    // A body the app made itself is kept as it is (nothing writes to it once sent), not copied.
    const body = known
      ? Buffer.from(known.buffer, known.byteOffset, known.byteLength)
      : Buffer.from(await c.res.clone().arrayBuffer());
    cache.set(key, { status: 200, headers: Object.fromEntries(c.res.headers.entries()), body });
  };
}

/**
 * CORS for the API: any origin may read it. Preflights are answered by Hono's cors(); other answers get
 * their header once the handler has run. (cors() sets it before, on a response it makes up front, and
 * Hono then merges that response into the handler's by copying the handler's body through a stream.)
 */
export function apiCors(): MiddlewareHandler {
  const preflight = cors({ origin: "*", allowMethods: ["GET", "HEAD", "POST", "OPTIONS"] });
  return async (c, next) => {
    if (c.req.method === "OPTIONS") return preflight(c, next);
    await next();
    c.res.headers.set("access-control-allow-origin", "*");
  };
}
