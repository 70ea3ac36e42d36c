import type { Transaction } from "kysely";
import type { Database } from "./database.js";
import type { Tables } from "./schema.js";

/**
 * Runs work in one transaction, as db.transaction().execute does, but a failure is reported as itself:
 * SQLite rolls a transaction back on its own after some errors (a full disk, an I/O error), and the
 * ROLLBACK Kysely then sends fails with "cannot rollback - no transaction is active", which would hide
 * the cause. Either way nothing of the work is written.
 */
export async function inTransaction<T>(
  db: Database,
  work: (trx: Transaction<Tables>) => Promise<T>,
): Promise<T> {
  let failure: { error: unknown } | undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      try {
        return await work(trx);
      } catch (error) {
        failure = { error };
        throw error;
      }
    });
  } catch (error) {
    throw failure ? failure.error : error;
  }
}
