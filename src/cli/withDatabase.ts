import { existsSync, rmSync } from "node:fs";
import type { DatabaseLocation } from "../config.js";
import {
  type Database,
  DatabaseError,
  isSqliteBusy,
  openDatabase,
  redactUrl,
  sqliteProblem,
  type WriterWait,
} from "../storage/database.js";
import { CliError } from "./cliError.js";

/**
 * How long a command waits for another process's write to a SQLite database before giving up: long enough
 * for another import of a million events to end.
 */
export const WRITER_WAIT_SECONDS = 600;

const describe = (location: DatabaseLocation) =>
  location.kind === "sqlite" ? location.path : redactUrl(location.url);

/** Whether an error came from a PostgreSQL server or the connection to it (pg's errors carry these). */
function isPostgresFailure(error: unknown): boolean {
  const { severity, code } = (error ?? {}) as { severity?: unknown; code?: unknown };
  return typeof severity === "string" || code === "ECONNRESET" || code === "ECONNREFUSED";
}

/**
 * Opens the database at `location` (what --db or the environment names: resolveDatabaseLocation), runs
 * work with it, and closes it.
 * A SQLite file this call created is removed again if the work fails: a refused import or copy leaves
 * nothing behind, not even an empty database.
 */
export async function withDatabase<T>(
  location: DatabaseLocation,
  work: (db: Database) => Promise<T>,
  options: { create?: boolean } & WriterWait = {},
): Promise<T> {
  const creates =
    options.create === true &&
    location.kind === "sqlite" &&
    location.path !== ":memory:" &&
    !existsSync(location.path);
  let failed = false;
  try {
    return await openAndWork(location, work, options);
  } catch (error) {
    failed = true;
    throw error;
  } finally {
    if (failed && creates && location.kind === "sqlite")
      for (const suffix of ["", "-wal", "-shm", "-journal"])
        rmSync(`${location.path}${suffix}`, { force: true });
  }
}

async function openAndWork<T>(
  location: DatabaseLocation,
  work: (db: Database) => Promise<T>,
  options: { create?: boolean } & WriterWait,
): Promise<T> {
  let db: Database;
  try {
    // Only commands that write create a database; a mistyped --db for a read is an error, not a new file.
    db = await openDatabase(location, { ...options, create: options.create ?? false });
  } catch (error) {
    if (error instanceof DatabaseError) throw new CliError(error.message);
    throw error;
  }
  try {
    return await work(db);
  } catch (error) {
    // busy_timeout has waited already (database.ts); a database still locked is one line, not a trace.
    if (isSqliteBusy(error))
      throw new CliError(
        `the database ${describe(location)} is busy: another process is writing to it; try again when it is done`,
      );
    if (isPostgresFailure(error))
      throw new CliError(`the database ${describe(location)} failed: ${(error as Error).message}`);
    // A full disk, a read-only file: one line that says so (the transaction was rolled back).
    // (SQLite's codes only: an errno here may be an import file's, reported by its own command.)
    const code = (error as { code?: unknown } | null)?.code;
    const problem =
      typeof code === "string" && code.startsWith("SQLITE_")
        ? sqliteProblem(error, describe(location))
        : null;
    if (problem) throw new CliError(problem);
    throw error;
  } finally {
    // Closing checkpoints the WAL; on a full disk that may fail too, after the work's own outcome.
    await db.destroy().catch(() => {});
  }
}
