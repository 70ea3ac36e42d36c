import { sql, type Transaction } from "kysely";
import type { Database } from "./database.js";
import { isPostgres, SQLITE_BUSY_TIMEOUT_MS } from "./dialect.js";
import type { Tables } from "./schema.js";

/**
 * Runs work in one transaction, as db.transaction().execute does, but a failure is reported as itself.
 * SQLite rolls a transaction back on its own after some errors (a full disk, an I/O error), in the work
 * or at COMMIT (where a full disk is usually met: the pages wait in the cache until then); the ROLLBACK
 * Kysely then sends fails with "cannot rollback - no transaction is active", and db.transaction() would
 * throw that instead of the cause. Here the commit is ours, so the error that stopped the transaction is
 * the one thrown, and a failed rollback only frees the connection. Either way nothing of the work is
 * written.
 */
export async function inTransaction<T>(
  db: Database,
  work: (trx: Transaction<Tables>) => Promise<T>,
): Promise<T> {
  const trx = await db.startTransaction().execute();
  let result: T;
  try {
    result = await work(trx);
    await trx.commit().execute();
  } catch (error) {
    await trx
      .rollback()
      .execute()
      // Kysely frees the connection even when ROLLBACK fails; SQLite has already undone the work then.
      .catch(() => undefined);
    throw error;
  }
  return result;
}

/**
 * inTransaction for filling a SQLite database that holds no events yet (an import or a copy into a new
 * file), with a rollback journal instead of the WAL while the work runs. In WAL mode every page is
 * written twice, to the log and again when the log is copied into the file; with a rollback journal the
 * pages past the file's original end, which is all of them here, are written once and not journaled (a
 * rollback cuts them off). A million events import in 78 s instead of 144 s. The switch needs the file
 * to itself: if another connection has it open, SQLite refuses at once and the work runs in WAL mode
 * as always. The database returns to WAL when the work ends, committed or not.
 */
export async function inFillingTransaction<T>(
  db: Database,
  work: (trx: Transaction<Tables>) => Promise<T>,
): Promise<T> {
  if (isPostgres(db) || (await db.selectFrom("events").select("id").limit(1).executeTakeFirst()))
    return inTransaction(db, work);
  if (!(await switchJournal(db, "delete"))) return inTransaction(db, work);
  try {
    return await inTransaction(db, work);
  } finally {
    // Every connection sets WAL when it opens, so a switch back that fails here is made by the next one.
    await switchJournal(db, "wal");
  }
}

/** Sets SQLite's journal mode, without waiting for other connections: whether it is now that mode. */
async function switchJournal(db: Database, mode: "delete" | "wal"): Promise<boolean> {
  await sql`pragma busy_timeout = 0`.execute(db);
  try {
    const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode = ${sql.raw(mode)}`.execute(db);
    return rows[0]?.journal_mode === mode;
  } catch {
    return false;
  } finally {
    await sql`pragma busy_timeout = ${sql.raw(String(SQLITE_BUSY_TIMEOUT_MS))}`.execute(db);
  }
}
