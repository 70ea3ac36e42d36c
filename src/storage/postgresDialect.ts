import { PostgresDialect } from "kysely";
import pg from "pg";
import Cursor from "pg-cursor";
import { DatabaseError } from "./databaseErrors.js";
import { MIGRATION_NAMES, SCHEMA_VERSION } from "./migrations/index.js";
import { isBeingCreated } from "./newDatabase.js";

// Opening a PostgreSQL database as aigov's: its tables recognised before anything is written.

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

export async function postgresDialect(url: string, create: boolean): Promise<PostgresDialect> {
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
