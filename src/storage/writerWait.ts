import { isSqliteBusy } from "./databaseErrors.js";

/**
 * How a writer waits for another process's write to end: at most `waitMs` in all (each try already
 * waits SQLite's busy timeout), calling `onWait` once when it starts waiting beyond that.
 */
export interface WriterWait {
  waitMs?: number;
  onWait?: () => void;
}

/**
 * Runs `attempt` again while it fails because another process holds the write lock, until `wait.waitMs`
 * has passed. Only for work that has changed and consumed nothing when it fails so (a transaction not
 * yet holding the lock, an open that did not get the file); `retryable` says whether that still holds.
 */
export async function whileLocked<T>(
  attempt: () => Promise<T>,
  wait: WriterWait & { retryable?: () => boolean } = {},
): Promise<T> {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      const retry = isSqliteBusy(error) && (wait.retryable?.() ?? true);
      if (!retry || Date.now() - started >= (wait.waitMs ?? 0)) throw error;
      if (!told) wait.onWait?.();
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}
