import { LRUCache } from "lru-cache";

/** A stored answer to a read: status, headers and the (already compressed) body. */
export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The encodings a client accepts, reduced to the one the server would use. */
export function encodingClass(acceptEncoding: string | undefined): "br" | "gzip" | "identity" {
  // RFC 9110 § 12.5.3: each coding with an optional weight; q=0 refuses it, "*" stands for the codings
  // not named. The highest weight wins; between equal weights brotli (smaller) before gzip.
  const weights = new Map<string, number>();
  for (const part of (acceptEncoding ?? "").split(",")) {
    const [name = "", ...params] = part.split(";").map((x) => x.trim().toLowerCase());
    if (!name) continue;
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(name, Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0);
  }
  const weightOf = (coding: string) => weights.get(coding) ?? weights.get("*") ?? 0;
  const br = weightOf("br");
  const gzip = Math.max(weightOf("gzip"), weights.get("x-gzip") ?? 0);
  if (br > 0 && br >= gzip) return "br";
  if (gzip > 0) return "gzip";
  return "identity";
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

/** The ETag of a read: the data version and the URL (path and query, as WHATWG URL normalises them). */
export function etagFor(version: number, pathAndQuery: string): string {
  return `W/"${version}-${utcDay()}-${fnv1a(pathAndQuery)}"`;
}

let today = { day: "", until: 0 };

/**
 * Today in UTC. Some answers depend on the date as well as the data (what takes effect next, the
 * obligations that apply today), so cached answers and ETags last at most until midnight UTC. Every
 * read asks, so the day is worked out again only once it is over.
 */
function utcDay(): string {
  const now = Date.now();
  if (now >= today.until || now < today.until - 86_400_000) {
    const midnight = Math.floor(now / 86_400_000) * 86_400_000;
    today = { day: new Date(midnight).toISOString().slice(0, 10), until: midnight + 86_400_000 };
  }
  return today.day;
}

/** Whether an If-None-Match header names this ETag. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  return ifNoneMatch?.split(",").some((tag) => tag.trim() === etag) ?? false;
}

/**
 * An LRU cache of read answers, keyed by data version, encoding and URL: an import (a new version)
 * makes every older entry unreachable at once, and the LRU drops them.
 *
 * An answer is kept the second time it is asked for, not the first (as nginx's proxy_cache_min_uses 2):
 * most deep pages of a listing are read once (a crawler, an export script paging through), and keeping
 * each would push out the pages people come back to. Keeping costs too: an uncached page cost a third
 * more with every answer kept, the garbage collector working through the retained bodies.
 */
export class ResponseCache {
  private readonly entries: LRUCache<string, CachedResponse>;
  /** Keys asked for once, recently: the next ask of one is kept. */
  private readonly askedOnce: LRUCache<string, true>;

  constructor(limits: { entries: number; bytes: number } = { entries: 1000, bytes: 64 * 1024 * 1024 }) {
    this.entries = new LRUCache({
      max: limits.entries,
      maxSize: limits.bytes,
      // No one answer may take more than a sixteenth of the cache (an entry over that is not kept).
      maxEntrySize: limits.bytes / 16,
      sizeCalculation: (value) => Math.max(1, value.body.length),
    });
    this.askedOnce = new LRUCache({ max: limits.entries * 4 });
  }

  static key(version: number, encoding: string, pathAndQuery: string): string {
    return `${version} ${utcDay()} ${encoding} ${pathAndQuery}`;
  }

  get(key: string): CachedResponse | undefined {
    return this.entries.get(key);
  }

  /** Whether an answer to this key, just made, is to be kept: it was asked for recently already. */
  admits(key: string): boolean {
    if (this.askedOnce.delete(key)) return true;
    this.askedOnce.set(key, true);
    return false;
  }

  set(key: string, value: CachedResponse): void {
    this.entries.set(key, value);
  }

  /** Forgets every answer: something they show changed without a new data version (a link check). */
  clear(): void {
    this.entries.clear();
    this.askedOnce.clear();
  }
}
