import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import type { DatabaseLocation } from "../config.js";
import { migrationProvider } from "./migrations/index.js";
import type { Tables } from "./schema.js";

export type Database = Kysely<Tables>;

/** A database location that cannot be opened: the message says which and why. */
export class DatabaseError extends Error {
  override name = "DatabaseError";
}

function sqliteDialect(path: string): SqliteDialect {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  let handle: SQLite.Database;
  try {
    handle = new SQLite(path);
  } catch (error) {
    throw new DatabaseError(`cannot open database ${path}: ${(error as Error).message}`);
  }
  // WAL lets readers (the server) go on while an import writes; foreign keys keep side tables honest.
  handle.pragma("journal_mode = WAL");
  handle.pragma("foreign_keys = ON");
  handle.pragma("busy_timeout = 5000");
  return new SqliteDialect({ database: handle });
}

/**
 * Opens the database at a location, creating it (and its folder) with the current schema on first
 * use. Everything outside this file and storage/repos is dialect-neutral.
 */
export async function openDatabase(location: DatabaseLocation): Promise<Database> {
  if (location.kind === "postgres") {
    throw new DatabaseError(
      "PostgreSQL storage is not available in this version yet; use a SQLite file (--db PATH)",
    );
  }
  const db = new Kysely<Tables>({ dialect: sqliteDialect(location.path) });
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await db.destroy();
    const failed = results?.find((result) => result.status === "Error")?.migrationName;
    throw new DatabaseError(
      `cannot prepare database ${location.path}${failed ? ` (migration ${failed})` : ""}: ${(error as Error).message}`,
    );
  }
  return db;
}
