// The errors of opening and writing a database, as one line a person can act on.

/** A database location that cannot be opened: the message says which and why. */
export class DatabaseError extends Error {
  override name = "DatabaseError";
}

/** The database is locked by another process's write (SQLite): waiting longer may let it through. */
export class DatabaseBusyError extends DatabaseError {
  override name = "DatabaseBusyError";
  constructor(shown: string) {
    super(`the database ${shown} is busy: another process is writing to it; try again`);
  }
}

/** Whether an error is SQLite's "database is locked" (SQLITE_BUSY and its extended codes). */
export function isSqliteBusy(error: unknown): boolean {
  if (error instanceof DatabaseBusyError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

/**
 * One line for what the file system or SQLite refused (a full disk, a read-only file or file system, a
 * file that cannot be opened, an I/O error), naming the database; null for any other error.
 */
export function sqliteProblem(error: unknown, path: string): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return null;
  if (code.startsWith("SQLITE_FULL") || code === "ENOSPC")
    return `the disk holding the database ${path} is full: nothing was written; free some space and try again`;
  if (code.startsWith("SQLITE_READONLY") || code === "EROFS")
    return `the database ${path} is read-only (the file, its folder or its file system cannot be written): nothing was written`;
  if (
    code === "EACCES" ||
    code === "EPERM" ||
    code.startsWith("SQLITE_PERM") ||
    code.startsWith("SQLITE_AUTH")
  )
    return `the database ${path} cannot be accessed: permission denied`;
  if (code.startsWith("SQLITE_CANTOPEN"))
    return `cannot open database ${path}: the file or its folder cannot be opened (missing, not readable, or on a read-only file system)`;
  if (code.startsWith("SQLITE_IOERR"))
    return `the database ${path} could not be read or written (${code}): a disk or file system error`;
  if (code.startsWith("SQLITE_CORRUPT"))
    return `the database ${path} is damaged (${code}); restore it from a backup`;
  return null;
}
