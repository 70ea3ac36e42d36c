import SQLite from "better-sqlite3";
import { SQLITE_BUSY_TIMEOUT_MS } from "./dialect.js";

/**
 * A second connection to a SQLite database, read-only, for the reads a server makes on every request
 * (a page of events). Kysely compiles each query anew and queues it behind the one connection it
 * holds; for a page of events that cost as much again as the read (`npm run bench -- throughput`).
 * Being a connection of its own, it sees committed data only: never a write of the main connection
 * half done. Its statements are prepared once.
 */
export class SqliteReader {
  private handle: SQLite.Database | null = null;
  private readonly statements = new Map<string, SQLite.Statement>();

  constructor(private readonly path: string) {}

  /** The rows of a query; `sql` is a constant of the caller's (each is prepared once and kept). */
  all<Row>(sql: string, ...parameters: unknown[]): Row[] {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection().prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement.all(...parameters) as Row[];
  }

  /**
   * The first column of every row of a long query (a whole table), on a connection of its own: an
   * open iterator keeps its connection busy, and the short reads above must go on meanwhile. The
   * connection is one read transaction, so the rows are one state of the data; it is closed once they
   * are read or left.
   */
  *column<Value>(sql: string, ...parameters: unknown[]): Generator<Value> {
    const handle = this.open();
    try {
      yield* handle
        .prepare(sql)
        .pluck()
        .iterate(...parameters) as IterableIterator<Value>;
    } finally {
      handle.close();
    }
  }

  /**
   * Runs a query that reads pages for their own sake, to bring them into the system's page cache, on a
   * connection without the file mapped: they are then not counted in this process's memory.
   */
  warmPageCache(sql: string): void {
    const handle = new SQLite(this.path, { readonly: true, fileMustExist: true });
    try {
      handle.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      handle.prepare(sql).all();
    } finally {
      handle.close();
    }
  }

  close(): void {
    this.statements.clear();
    this.handle?.close();
    this.handle = null;
  }

  /** Opened on first use: commands that never make such reads never open it. */
  private connection(): SQLite.Database {
    this.handle ??= this.open();
    return this.handle;
  }

  /**
   * A read-only connection with the file mapped into memory: reading mapped pages skips a system call
   * and a copy per page (a tenth more uncached API pages per second; a full read of a million events
   * in a third of the time). SQLite's documentation warns that a disk error on a mapped page ends the
   * process instead of failing the query: a price paid for reads only, never for writes.
   */
  private open(): SQLite.Database {
    const handle = new SQLite(this.path, { readonly: true, fileMustExist: true });
    handle.pragma(`busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
    handle.pragma(`mmap_size = ${MMAP_BYTES}`);
    return handle;
  }
}

/**
 * How much of the file is mapped: the most better-sqlite3's SQLite allows (its build caps it at 2 GB;
 * past that, pages are read as usual). Mapped pages a process has read count in its resident memory,
 * as the page cache they are, which the system reclaims when it needs the memory.
 */
const MMAP_BYTES = 2 ** 31 - 65536;

const readers = new WeakMap<object, SqliteReader>();

/** Gives a database (a Kysely instance) its reader. */
export function attachReader(db: object, reader: SqliteReader): void {
  readers.set(db, reader);
}

/** The reader of a SQLite file database; undefined for PostgreSQL and in-memory SQLite. */
export function readerOf(db: object): SqliteReader | undefined {
  return readers.get(db);
}
