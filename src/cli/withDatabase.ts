import { resolveDatabaseLocation } from "../config.js";
import { type Database, DatabaseError, openDatabase } from "../storage/database.js";
import { CliError } from "./cliError.js";

/** Opens the database the --db option (or the environment) names, runs work with it, and closes it. */
export async function withDatabase<T>(
  dbOption: string | undefined,
  work: (db: Database) => Promise<T>,
): Promise<T> {
  let db: Database;
  try {
    db = await openDatabase(resolveDatabaseLocation(dbOption));
  } catch (error) {
    if (error instanceof DatabaseError) throw new CliError(error.message);
    throw error;
  }
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}
