import { type Kysely, PostgresAdapter } from "kysely";

/**
 * Whether a Kysely instance talks to PostgreSQL. Migrations branch on it where the two dialects differ
 * (SQLite's header pragma, PostgreSQL's byte-order collation); repos only to announce
 * changes (NOTIFY).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations hold a Kysely<any>
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** How long a SQLite connection waits for another process's write before it gives up (busy_timeout). */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;
