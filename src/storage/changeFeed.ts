import pg from "pg";
import type { DatabaseLocation } from "../config.js";
import { CHANGES_CHANNEL } from "./repos/eventRepo.js";

export interface ChangeFeed {
  close(): Promise<void>;
}

/** How often SQLite's change log is looked at: it has no notifications. */
const SQLITE_POLL_MS = 300;
/** PostgreSQL: a safety net beside the notifications (a NOTIFY sent while reconnecting is lost). */
const POSTGRES_POLL_MS = 5000;
const RECONNECT_MS = 1000;

/**
 * Calls `onChange` soon after any process commits a write to the database, so that a server applies
 * it before the next request asks. On PostgreSQL a connection of its own LISTENs to the channel every
 * write NOTIFYs (reconnecting when it is lost, and calling `onChange` then, as notifications may have
 * been missed); SQLite has no notifications, so `onChange` is called on a short timer and finds out
 * itself (one indexed read of the change log's newest number). `onChange` must not throw.
 */
export async function followChanges(location: DatabaseLocation, onChange: () => void): Promise<ChangeFeed> {
  if (location.kind === "sqlite") {
    const timer = setInterval(onChange, SQLITE_POLL_MS);
    timer.unref();
    return { close: async () => clearInterval(timer) };
  }
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: location.url });
    next.on("notification", (message) => {
      if (message.channel === CHANGES_CHANNEL) onChange();
    });
    // A lost connection is not fatal: listen again after a pause, and look for what was missed.
    next.on("error", () => undefined);
    next.on("end", () => {
      if (closed) return;
      client = null;
      retry = setTimeout(() => void connect().catch(() => undefined), RECONNECT_MS);
      retry.unref();
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGES_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (closed) {
      await next.end();
      return;
    }
    client = next;
    onChange();
  };
  await connect();
  const timer = setInterval(onChange, POSTGRES_POLL_MS);
  timer.unref();
  return {
    close: async () => {
      closed = true;
      clearInterval(timer);
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}
