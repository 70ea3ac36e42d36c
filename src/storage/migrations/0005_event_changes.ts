import type { Kysely } from "kysely";
import { isPostgres } from "../dialect.js";

/**
 * A log of changed events, one row per event written, numbered in commit order (writers queue on the
 * data_version row, so numbers are taken and committed in order on both dialects). Whoever keeps
 * something derived from the events (a server's search index, its snapshot on disk) remembers the
 * last number it has seen and reads only the rows after it, instead of everything again.
 * Rows are never deleted: the log is also the audit trail of what changed when.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  await db.schema
    .createTable("event_changes")
    .addColumn("seq", postgres ? "bigserial" : "integer", (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("event_id", "text", (c) => c.notNull())
    .addColumn("changed_at", "text", (c) => c.notNull())
    .execute();
}
