import type { Kysely } from "kysely";

/**
 * A counter that every write to events bumps, so that a long-running server can tell in one cheap
 * query whether its in-memory search index is stale (another process may have imported).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("data_version")
    .addColumn("id", "integer", (c) => c.primaryKey())
    .addColumn("version", "integer", (c) => c.notNull())
    .execute();
  await db.insertInto("data_version").values({ id: 1, version: 0 }).execute();
}
