/**
 * The version of the data the server answers from: the change-log entry its search index has reached
 * (SearchService.servedVersion), which keys the response cache and the ETags. Reading it may cost a
 * query, so with `maxAgeMs` > 0 a value is reused for that long: another process's write shows within
 * that time, and a request costs no query at all. With 0 every call reads it (tests, where writes and
 * reads interleave). (The data_version table is the writers' lock row now, not what servers follow.)
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
