import { accessSync, closeSync, constants, mkdirSync, openSync, readSync, statSync } from "node:fs";
import { dirname } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, PostgresDialect, SqliteAdapter, SqliteDialect, type SqliteDatabase } from "kysely";
import pg from "pg";
import Cursor from "pg-cursor";
import type { DatabaseLocation } from "../config.js";
import { AIGOV_APPLICATION_ID } from "./applicationId.js";
import { SQLITE_BUSY_TIMEOUT_MS } from "./dialect.js";
import { attachReader, SqliteReader } from "./sqliteReader.js";
import { MIGRATION_NAMES, migrationProvider, SCHEMA_VERSION } from "./migrations/index.js";
import type { Tables } from "./schema.js";

export type Database = Kysely<Tables>;

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
 * How a writer waits for another process's write to end: at most `waitMs` in all (each try already
 * waits SQLite's busy timeout), calling `onWait` once when it starts waiting beyond that.
 */
export interface WriterWait {
  waitMs?: number;
  onWait?: () => void;
}

/**
 * Runs `attempt` again while it fails because another process holds the write lock, until `wait.waitMs`
 * has passed. Only for work that has changed and consumed nothing when it fails so (a transaction not
 * yet holding the lock, an open that did not get the file); `retryable` says whether that still holds.
 */
export async function whileLocked<T>(
  attempt: () => Promise<T>,
  wait: WriterWait & { retryable?: () => boolean } = {},
): Promise<T> {
  const started = Date.now();
  let told = false;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      const retry = isSqliteBusy(error) && (wait.retryable?.() ?? true);
      if (!retry || Date.now() - started >= (wait.waitMs ?? 0)) throw error;
      if (!told) wait.onWait?.();
      told = true;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

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

/**
 * Decides, reading only, whether a SQLite file is aigov's and of a schema this version knows: its
 * application id, else (databases made before the id) aigov's tables. Another program's database is
 * refused before anything writes to it (no WAL switch, no migration tables).
 */
/**
 * Whether a database holds only the migrator's own tables: another aigov is creating it (the migrator
 * makes them before its first migration commits) or was stopped doing so. It is then new, not foreign.
 */
function isBeingCreated(tables: string[]): boolean {
  return tables.every((name) => name === "kysely_migration" || name === "kysely_migration_lock");
}

function noneApplied(handle: SQLite.Database, tables: string[]): boolean {
  return (
    !tables.includes("kysely_migration") ||
    handle.prepare("select count(*) from kysely_migration").pluck().get() === 0
  );
}

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

/** Whether a database's folder is on a read-only file system (a WAL database cannot be opened there). */
function onReadOnlyFileSystem(path: string): boolean {
  try {
    accessSync(dirname(path), constants.W_OK);
    return false;
  } catch (error) {
    return (error as { code?: unknown }).code === "EROFS";
  }
}

function sqliteDialect(
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

/** A PostgreSQL URL as it may be shown: without its password. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "the PostgreSQL URL (unparsable)";
  }
}

/** One line for a failure to reach or use a PostgreSQL server, from pg's error codes. */
function postgresProblem(error: unknown, shown: string): DatabaseError {
  const { code, message } = error as { code?: string; message?: string };
  const why =
    code === "ECONNREFUSED" || code === "ENOTFOUND" || code === "ETIMEDOUT" || code === "EHOSTUNREACH"
      ? `the server cannot be reached (${code})`
      : code === "3D000"
        ? "the database does not exist on that server (create it with createdb)"
        : code === "28P01" || code === "28000"
          ? `the server refused the login (${message ?? code})`
          : (message ?? String(error));
  return new DatabaseError(`cannot open PostgreSQL database ${shown}: ${why}`);
}

/**
 * The PostgreSQL counterpart of recognise(): the tables of the connection's current schema must be
 * none (a new database, created only with `create`) or aigov's, marked by its aigov_metadata table,
 * with no migration newer than this version knows.
 */
async function recognisePostgres(pool: pg.Pool, shown: string, create: boolean): Promise<void> {
  let tables: string[];
  let applied: string[] = [];
  try {
    const result = await pool.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = current_schema() order by table_name",
    );
    tables = result.rows.map((row) => row.name);
    if (tables.includes("kysely_migration"))
      applied = (await pool.query<{ name: string }>("select name from kysely_migration")).rows.map(
        (row) => row.name,
      );
  } catch (error) {
    throw postgresProblem(error, shown);
  }
  if (tables.length === 0 || (isBeingCreated(tables) && applied.length === 0)) {
    if (!create) throw new DatabaseError(`${shown} holds no aigov data yet: aigov import creates it`);
    return;
  }
  if (!tables.includes("aigov_metadata"))
    throw new DatabaseError(
      `${shown} is not an aigov database (it holds tables ${tables.slice(0, 5).join(", ")}${
        tables.length > 5 ? ", …" : ""
      } and no aigov_metadata); refusing to touch it`,
    );
  if (applied.some((name) => !MIGRATION_NAMES.includes(name))) {
    const schema = Math.max(...applied.map((name) => Number.parseInt(name, 10) || 0));
    throw new DatabaseError(
      `${shown} was created by a newer aigov (schema ${schema}); upgrade aigov to open it (this one knows schema ${SCHEMA_VERSION})`,
    );
  }
}

async function postgresDialect(url: string, create: boolean): Promise<PostgresDialect> {
  const shown = redactUrl(url);
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  try {
    await recognisePostgres(pool, shown, create);
  } catch (error) {
    await pool.end();
    throw error;
  }
  // pg-cursor lets Kysely's .stream() read in batches instead of loading every row.
  return new PostgresDialect({ pool, cursor: Cursor });
}

/**
 * Opens an aigov database at a location. With `create` (the default; commands that write) a missing
 * one is created (with its folder) with the current schema; without it (commands that only read) a
 * missing file is an error and nothing is created. Anything that is not an aigov database, or is one of
 * a newer schema, is refused untouched. Everything outside this file and storage/repos is dialect-neutral.
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
