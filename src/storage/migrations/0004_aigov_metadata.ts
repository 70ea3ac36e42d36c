import { randomUUID } from "node:crypto";
import { type Kysely, sql } from "kysely";
import { AIGOV_APPLICATION_ID } from "../applicationId.js";
import { isPostgres } from "../dialect.js";

/**
 * Marks the file as aigov's: SQLite's application id in the header (readable before any table is
 * touched, and shown by `file(1)`), and a metadata table with a database id that is unique to this
 * database, so that what is derived from it (the search snapshot) is never taken for another's.
 * PostgreSQL has no header: there the metadata table alone tells aigov's schema from another program's.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("aigov_metadata")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
  await db
    .insertInto("aigov_metadata")
    .values([{ key: "database_id", value: randomUUID() }])
    .execute();
  if (!isPostgres(db)) await sql.raw(`PRAGMA application_id = ${AIGOV_APPLICATION_ID}`).execute(db);
}
