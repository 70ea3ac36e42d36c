import { type Kysely, sql } from "kysely";
import { isPostgres } from "../dialect.js";

/**
 * Accounts, API tokens, sessions, sign-in failures, proposals and the audit log: what lets a team keep
 * the archive (propose, review, publish) and anyone see who changed what. Revisions gain who made them,
 * why, from which proposal, and whether the event was removed by them. Sessions and throttles live in
 * the database, not a process, so that every server behind a load balancer knows them.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const text = postgres ? sql`text collate "C"` : "text";

  await db.schema
    .createTable("users")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("email", text, (c) => c.notNull().unique())
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("role", text, (c) => c.notNull())
    .addColumn("password_hash", text, (c) => c.notNull())
    .addColumn("disabled_at", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("updated_at", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("api_tokens")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("secret_hash", text, (c) => c.notNull().unique())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("last_used_at", text)
    .addColumn("revoked_at", text)
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", text, (c) => c.primaryKey())
    .addColumn("user_id", text, (c) => c.notNull().references("users.id"))
    .addColumn("csrf_token", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("expires_at", text, (c) => c.notNull())
    .addColumn("address", text)
    .execute();
  await db.schema.createIndex("sessions_by_user").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("sign_in_failures")
    .addColumn("key", text, (c) => c.notNull())
    .addColumn("at", text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex("sign_in_failures_by_key")
    .on("sign_in_failures")
    .columns(["key", "at"])
    .execute();

  await db.schema
    .createTable("proposals")
    .addColumn("id", postgres ? "serial" : "integer", (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("kind", text, (c) => c.notNull())
    .addColumn("event_id", text, (c) => c.notNull())
    .addColumn("base_revision", "integer")
    .addColumn("payload", text)
    .addColumn("note", text, (c) => c.notNull())
    .addColumn("source_url", text)
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("author_id", text)
    .addColumn("author_label", text, (c) => c.notNull())
    .addColumn("address", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("decided_by", text)
    .addColumn("decided_at", text)
    .addColumn("decision_note", text)
    .addColumn("revision", "integer")
    .execute();
  await db.schema.createIndex("proposals_by_status").on("proposals").columns(["status", "id"]).execute();
  await db.schema.createIndex("proposals_by_event").on("proposals").columns(["event_id", "id"]).execute();
  await db.schema
    .createIndex("proposals_by_address")
    .on("proposals")
    .columns(["address", "created_at"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("seq", postgres ? "serial" : "integer", (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("at", text, (c) => c.notNull())
    .addColumn("actor_id", text)
    .addColumn("actor", text, (c) => c.notNull())
    .addColumn("action", text, (c) => c.notNull())
    .addColumn("subject", text)
    .addColumn("detail", text)
    .addColumn("address", text)
    .execute();

  await db.schema.alterTable("event_revisions").addColumn("user_id", text).execute();
  await db.schema.alterTable("event_revisions").addColumn("note", text).execute();
  await db.schema.alterTable("event_revisions").addColumn("proposal_id", "integer").execute();
  await db.schema
    .alterTable("event_revisions")
    .addColumn("removed", "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  // "What did the archive say at T" looks for the revisions made after T.
  await db.schema
    .createIndex("event_revisions_by_time")
    .on("event_revisions")
    .columns(["changed_at", "event_id"])
    .execute();
}
