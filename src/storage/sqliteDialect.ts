import { accessSync, closeSync, constants, mkdirSync, openSync, readSync, statSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { SqliteAdapter, SqliteDialect, type SqliteDatabase } from "kysely";
import { AIGOV_APPLICATION_ID } from "./applicationId.js";
import { DatabaseBusyError, DatabaseError, sqliteProblem } from "./databaseErrors.js";
import { SQLITE_BUSY_TIMEOUT_MS } from "./dialect.js";
import { MIGRATION_NAMES, SCHEMA_VERSION } from "./migrations/index.js";
import { isBeingCreated } from "./newDatabase.js";
import { SqliteReader } from "./sqliteReader.js";

// Opening a SQLite file as aigov's: recognised before anything is written, in WAL mode, with the
// connection's prepared statements kept.

const SQLITE_HEADER = Buffer.from("SQLite format 3\0", "latin1");

/** Whether a file exists with content (an empty file is what `mktemp` or `touch` leaves: no database yet). */
function hasContent(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}

function startsLikeSqlite(path: string): boolean {
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(path, "r");
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  return header.equals(SQLITE_HEADER);
}

function noneApplied(handle: SQLite.Database, tables: string[]): boolean {
  return (
    !tables.includes("kysely_migration") ||
    handle.prepare("select count(*) from kysely_migration").pluck().get() === 0
  );
}

/**
 * Decides, reading only, whether a SQLite file is aigov's and of a schema this version knows: its
 * application id, else (databases made before the id) aigov's tables. Another program's database is
 * refused before anything writes to it (no WAL switch, no migration tables).
 */
function recognise(handle: SQLite.Database, path: string, create: boolean): void {
  const applicationId = handle.pragma("application_id", { simple: true }) as number;
  const tables = handle
    .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .pluck()
    .all() as string[];
  const foreign = () =>
    new DatabaseError(
      `${path} is not an aigov database (${
        applicationId !== 0 && applicationId !== AIGOV_APPLICATION_ID
          ? `application id ${applicationId}`
          : `it holds tables ${tables.slice(0, 5).join(", ")}${tables.length > 5 ? ", …" : ""}`
      }); refusing to touch it`,
    );
  if (applicationId !== 0 && applicationId !== AIGOV_APPLICATION_ID) throw foreign();
  if (tables.length === 0 || (isBeingCreated(tables) && noneApplied(handle, tables))) {
    if (!create) throw new DatabaseError(`${path} holds no aigov data yet: aigov import creates it`);
    return;
  }
  const legacy = ["data_version", "events", "kysely_migration"].every((name) => tables.includes(name));
  if (applicationId !== AIGOV_APPLICATION_ID && !legacy) throw foreign();
  if (!tables.includes("kysely_migration")) return;
  const applied = handle.prepare("select name from kysely_migration").pluck().all() as string[];
  if (applied.some((name) => !MIGRATION_NAMES.includes(name))) {
    const schema = Math.max(...applied.map((name) => Number.parseInt(name, 10) || 0));
    throw new DatabaseError(
      `${path} was created by a newer aigov (schema ${schema}); upgrade aigov to open it (this one knows schema ${SCHEMA_VERSION})`,
    );
  }
}

/** Whether a database's folder is on a read-only file system (a WAL database cannot be opened there). */
function onReadOnlyFileSystem(path: string): boolean {
  try {
    accessSync(dirname(path), constants.W_OK);
    return false;
  } catch (error) {
    return (error as { code?: unknown }).code === "EROFS";
  }
}

export function sqliteDialect(
  path: string,
  create: boolean,
): { dialect: SqliteDialect; reader: SqliteReader | null } {
  const isFile = path !== ":memory:";
  const exists = isFile && hasContent(path);
  if (isFile && !exists && !create)
    throw new DatabaseError(`no database at ${path}: aigov import (or serve) creates one`);
  let handle: SQLite.Database | undefined;
  try {
    if (exists && !startsLikeSqlite(path))
      throw new DatabaseError(`${path} is not an aigov database (not an SQLite file); refusing to touch it`);
    if (isFile && !exists) mkdirSync(dirname(path), { recursive: true });
    handle = new SQLite(path);
    // A connection setting, not a write: wait for another writer instead of failing at once.
    handle.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    recognise(handle, path, create);
    // WAL lets readers (the server) go on while an import writes; foreign keys keep side tables honest.
    handle.pragma("journal_mode = WAL");
    handle.pragma("foreign_keys = ON");
  } catch (error) {
    handle?.close();
    if (error instanceof DatabaseError) throw error;
    const code = (error as { code?: string }).code;
    if (code === "SQLITE_NOTADB")
      throw new DatabaseError(`${path} is not an aigov database (not an SQLite file); refusing to touch it`);
    if (code?.startsWith("SQLITE_BUSY")) throw new DatabaseBusyError(path);
    if (code?.startsWith("SQLITE_CANTOPEN") && isFile && onReadOnlyFileSystem(path))
      throw new DatabaseError(
        exists
          ? `the database ${path} is on a read-only file system: aigov writes beside it (its -wal and -shm files) even to read; copy it to a writable folder`
          : `cannot create the database ${path}: its folder is on a read-only file system`,
      );
    const problem = sqliteProblem(error, path);
    if (problem) throw new DatabaseError(problem);
    throw new DatabaseError(`cannot open database ${path}: ${(error as Error).message}`);
  }
  // An in-memory database is one connection's own: no second connection can read it.
  const reader = isFile ? new SqliteReader(path) : null;
  return {
    dialect: new TransactionalSqliteDialect({ database: withKeptStatements(handle, reader) }),
    reader,
  };
}

/**
 * SQLite with its migrations in one transaction, as on PostgreSQL (Kysely runs them one statement at a
 * time on SQLite): a migration is all or nothing, and when two processes open a new file at once, the
 * second's transaction, begun before the first committed, fails as busy and is tried again (see
 * openDatabase) instead of creating the tables a second time.
 */
class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new (class extends SqliteAdapter {
      override get supportsTransactionalDdl(): boolean {
        return true;
      }
    })();
  }
}

/** Statements kept per connection: beyond this many distinct queries, the oldest is dropped. */
const KEPT_STATEMENTS = 256;

/**
 * The connection as Kysely sees it, with prepared statements kept by their SQL. Kysely prepares every
 * query anew, and for the short reads a server makes (one page of events by id) preparing costs about
 * as much as running. A statement still being iterated (a stream) is busy: another is prepared then.
 */
function withKeptStatements(handle: SQLite.Database, reader: SqliteReader | null): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      reader?.close();
      handle.close();
    },
    prepare(sql) {
      const statement = kept.get(sql);
      if (statement && !statement.busy) {
        kept.delete(sql);
        kept.set(sql, statement);
        return statement;
      }
      const prepared = handle.prepare(sql);
      if (!statement) {
        kept.set(sql, prepared);
        if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value as string);
      }
      return prepared;
    },
  };
}
