/** A stored answer to a read: status, headers and the (already compressed) body. */
export interface CachedResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** The encodings a client accepts, reduced to the one the server would use. */
export function encodingClass(acceptEncoding: string | undefined): "br" | "gzip" | "identity" {
  const accept = acceptEncoding ?? "";
  return /\bbr\b/.test(accept) ? "br" : /\bgzip\b/.test(accept) ? "gzip" : "identity";
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

/**
 * Today in UTC. Some answers depend on the date as well as the data (what takes effect next, the
 * obligations that apply today), so cached answers and ETags last at most until midnight UTC.
 */
function utcDay(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Whether an If-None-Match header names this ETag. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  return ifNoneMatch?.split(",").some((tag) => tag.trim() === etag) ?? false;
}

/**
 * An LRU cache of read answers, keyed by data version, encoding and URL: an import (a new version)
 * makes every older entry unreachable at once, and the LRU drops them.
 */
export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private bytes = 0;

  constructor(
    private readonly limits: { entries: number; bytes: number } = { entries: 1000, bytes: 64 * 1024 * 1024 },
  ) {}

  static key(version: number, encoding: string, pathAndQuery: string): string {
    return `${version} ${utcDay()} ${encoding} ${pathAndQuery}`;
  }

  get(key: string): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
    }
    return hit;
  }

  set(key: string, value: CachedResponse): void {
    if (value.body.length > this.limits.bytes / 16) return;
    const previous = this.entries.get(key);
    if (previous) this.bytes -= previous.body.length;
    this.entries.set(key, value);
    this.bytes += value.body.length;
    for (const [oldKey, old] of this.entries) {
      if (this.entries.size <= this.limits.entries && this.bytes <= this.limits.bytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.body.length;
    }
  }
}
