/**
 * The database's data version as the server sees it. Reading it costs a query, so with `maxAgeMs` > 0
 * a value is reused for that long: another process's import shows within that time, and a request
 * costs no query at all. With 0 every call reads the database (tests, where writes and reads interleave).
 */
export function dataVersionReader(read: () => Promise<number>, maxAgeMs: number): () => Promise<number> {
  let value = -1;
  let readAt = 0;
  let pending: Promise<number> | null = null;
  return async () => {
    if (maxAgeMs > 0 && value !== -1 && Date.now() - readAt < maxAgeMs) return value;
    pending ??= read().then((version) => {
      value = version;
      readAt = Date.now();
      pending = null;
      return version;
    });
    return pending;
  };
}
