import { type Kysely, sql } from "kysely";
import { isPostgres } from "../dialect.js";

/** Events with their filter columns, revisions, source documents and jurisdictions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  // PostgreSQL compares text by the database's locale unless told otherwise; byte order ("C") keeps
  // ids, days and codes sorted and matched exactly as SQLite does, whatever locale the server has.
  const text = isPostgres(db) ? sql`text collate "C"` : "text";
  await db.schema
    .createTable("events")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("seq", "integer")
    .addColumn("document", text)
    .addColumn("date_start", text, (c) => c.notNull())
    .addColumn("date_end", text)
    .addColumn("date_precision", text, (c) => c.notNull())
    .addColumn("first_day", text, (c) => c.notNull())
    .addColumn("last_day", text, (c) => c.notNull())
    .addColumn("level", text)
    .addColumn("type", text)
    .addColumn("bindingness", text)
    .addColumn("title_zh", text)
    .addColumn("title_en", text)
    .addColumn("body", text, (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();
  await db.schema.createIndex("events_by_day").on("events").columns(["first_day", "id"]).execute();
  await db.schema.createIndex("events_by_document").on("events").columns(["document", "seq"]).execute();

  await db.schema
    .createTable("event_jurisdictions")
    .addColumn("event_id", text, (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("code", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("event_jurisdictions_pk", ["event_id", "code"])
    .execute();
  await db.schema
    .createIndex("event_jurisdictions_by_code")
    .on("event_jurisdictions")
    .column("code")
    .execute();

  await db.schema
    .createTable("event_tags")
    .addColumn("event_id", text, (c) => c.notNull().references("events.id").onDelete("cascade"))
    .addColumn("tag", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("event_tags_pk", ["event_id", "tag"])
    .execute();
  await db.schema.createIndex("event_tags_by_tag").on("event_tags").column("tag").execute();

  await db.schema
    .createTable("event_revisions")
    .addColumn("event_id", text, (c) => c.notNull())
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("body", text, (c) => c.notNull())
    .addColumn("changed_at", text, (c) => c.notNull())
    .addColumn("origin", text, (c) => c.notNull())
    .addPrimaryKeyConstraint("event_revisions_pk", ["event_id", "revision"])
    .execute();

  await db.schema
    .createTable("documents")
    .addColumn("key", text, (c) => c.primaryKey())
    .addColumn("title", text, (c) => c.notNull())
    .addColumn("lang", text, (c) => c.notNull())
    .addColumn("year", "integer")
    .addColumn("narrative", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("jurisdictions")
    .addColumn("code", text, (c) => c.primaryKey())
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("name_zh", text)
    .addColumn("name_en", text)
    .addColumn("parent", text)
    .execute();
}
