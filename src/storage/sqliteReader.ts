import SQLite from "better-sqlite3";

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

  constructor(
    private readonly path: string,
    private readonly mmapBytes: number,
  ) {}

  /** The rows of a query; `sql` is a constant of the caller's (each is prepared once and kept). */
  all<Row>(sql: string, ...parameters: unknown[]): Row[] {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.connection().prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement.all(...parameters) as Row[];
  }

  close(): void {
    this.statements.clear();
    this.handle?.close();
    this.handle = null;
  }

  /** Opened on first use: commands that never make such reads never open it. */
  private connection(): SQLite.Database {
    if (!this.handle) {
      const handle = new SQLite(this.path, { readonly: true, fileMustExist: true });
      handle.pragma("busy_timeout = 5000");
      if (this.mmapBytes > 0) handle.pragma(`mmap_size = ${Math.floor(this.mmapBytes)}`);
      this.handle = handle;
    }
    return this.handle;
  }
}

const readers = new WeakMap<object, SqliteReader>();

/** Gives a database (a Kysely instance) its reader. */
export function attachReader(db: object, reader: SqliteReader): void {
  readers.set(db, reader);
}

/** The reader of a SQLite file database; undefined for PostgreSQL and in-memory SQLite. */
export function readerOf(db: object): SqliteReader | undefined {
  return readers.get(db);
}
