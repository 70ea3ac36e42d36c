import { type Kysely, sql } from "kysely";
import { isPostgres } from "../dialect.js";

/**
 * The cited URLs as the link checker last found them (`aigov links check`, `serve --check-links-every`),
 * which events and instruments cite each, and the lease that keeps several servers on one database from
 * checking at the same time.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const text = isPostgres(db) ? sql`text collate "C"` : "text";

  await db.schema
    .createTable("links")
    .addColumn("url", text, (c) => c.primaryKey())
    .addColumn("outcome", text, (c) => c.notNull())
    .addColumn("status", "integer")
    .addColumn("final_url", text)
    .addColumn("error", text)
    .addColumn("checked_at", text, (c) => c.notNull())
    .addColumn("last_ok_at", text)
    .addColumn("first_broken_at", text)
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("first_cited_on", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("links_by_outcome").on("links").columns(["outcome", "url"]).execute();

  // Who cites a URL, as the last run found: kind "event" or "instrument", and the id.
  await db.schema
    .createTable("link_citations")
    .addColumn("url", text, (c) => c.notNull())
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("subject", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("link_citations_pk", ["url", "kind", "subject"])
    .execute();

  await db.schema
    .createTable("link_check_lease")
    .addColumn("name", text, (c) => c.primaryKey())
    .addColumn("holder", text, (c) => c.notNull())
    .addColumn("expires_at", text, (c) => c.notNull())
    .addColumn("last_finished_at", text)
    .execute();
}
