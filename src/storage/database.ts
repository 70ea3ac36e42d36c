import { Kysely, Migrator } from "kysely";
import type { DatabaseLocation } from "../config.js";
import { DatabaseBusyError, DatabaseError, isSqliteBusy, sqliteProblem } from "./databaseErrors.js";
import { migrationProvider } from "./migrations/index.js";
import { postgresDialect, redactUrl } from "./postgresDialect.js";
import type { Tables } from "./schema.js";
import { sqliteDialect } from "./sqliteDialect.js";
import { attachReader } from "./sqliteReader.js";
import { whileLocked, type WriterWait } from "./writerWait.js";

export type Database = Kysely<Tables>;

// What callers of storage need beside openDatabase, kept importable from here.
export { DatabaseBusyError, DatabaseError, isSqliteBusy, sqliteProblem } from "./databaseErrors.js";
export { redactUrl } from "./postgresDialect.js";
export { whileLocked, type WriterWait } from "./writerWait.js";

/**
 * Opens an aigov database at a location. With `create` (the default; commands that write) a missing
 * one is created (with its folder) with the current schema; without it (commands that only read) a
 * missing file is an error and nothing is created. Anything that is not an aigov database, or is one of
 * a newer schema, is refused untouched. The dialects' own code is in sqliteDialect.ts and
 * postgresDialect.ts (and the SQL in storage/repos); the rest is dialect-neutral.
 */
export async function openDatabase(
  location: DatabaseLocation,
  options: { create?: boolean } & WriterWait = {},
): Promise<Database> {
  const create = options.create ?? true;
  if (location.kind === "postgres")
    return migrated(new Kysely<Tables>({ dialect: await postgresDialect(location.url, create) }), location);
  // A file another process is filling (see inFillingTransaction) or migrating cannot be opened until it is
  // done: wait for it as a writer waits.
  return whileLocked(async () => {
    const { dialect, reader } = sqliteDialect(location.path, create);
    const db = new Kysely<Tables>({ dialect });
    if (reader) attachReader(db, reader);
    return migrated(db, location);
  }, options);
}

/** The database brought to the current schema, or closed and an error that says why not. */
async function migrated(db: Database, location: DatabaseLocation): Promise<Database> {
  const shown = location.kind === "postgres" ? redactUrl(location.url) : location.path;
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (!error) return db;
  await db.destroy().catch(() => {});
  if (isSqliteBusy(error)) throw new DatabaseBusyError(shown);
  const problem = location.kind === "sqlite" ? sqliteProblem(error, location.path) : null;
  if (problem) throw new DatabaseError(problem);
  const failed = results?.find((result) => result.status === "Error")?.migrationName;
  throw new DatabaseError(
    `cannot prepare database ${shown}${failed ? ` (migration ${failed})` : ""}: ${(error as Error).message}`,
  );
}
