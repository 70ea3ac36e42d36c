import { type Kysely, sql } from "kysely";
import { isPostgres } from "../dialect.js";

/**
 * Subscriptions and what they are owed. `outbox` is written in the transaction of every published change
 * (new, changed or removed event) while at least one subscription exists, so that no change is lost
 * between its commit and its delivery; a delivery worker fans each entry out to the subscriptions it
 * matches (`deliveries`, one row per subscription and change, whose id the receiver sees on every retry)
 * and then delivers them, at least once, from any server. The fan-out's position is a metadata row, so
 * that every server knows it. Instruments and corrections are bundled files, not rows: what they said is
 * kept in `reference_snapshot`, and a server that starts with different files writes the difference to
 * the outbox, in the transaction that updates the snapshot.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const text = postgres ? sql`text collate "C"` : "text";

  await db.schema
    .createTable("subscriptions")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("owner_id", text)
    .addColumn("owner_label", text, (c) => c.notNull())
    .addColumn("name", text)
    .addColumn("channel", text, (c) => c.notNull())
    .addColumn("webhook_url", text)
    .addColumn("secret", text)
    .addColumn("email", text)
    .addColumn("digest", text)
    .addColumn("lang", text, (c) => c.notNull())
    .addColumn("scope", text, (c) => c.notNull())
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("paused_at", text)
    .addColumn("paused_reason", text)
    .addColumn("removed_at", text)
    .addColumn("last_digest_at", text)
    // The newest outbox entry when it was made: it is owed only the changes after it.
    .addColumn("after_seq", postgres ? "bigint" : "integer", (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex("subscriptions_by_owner")
    .on("subscriptions")
    .columns(["owner_id", "id"])
    .execute();

  await db.schema
    .createTable("outbox")
    .addColumn("seq", postgres ? "bigserial" : "integer", (c) =>
      postgres ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("type", text, (c) => c.notNull())
    .addColumn("subject", text, (c) => c.notNull())
    .addColumn("revision", "integer")
    .addColumn("at", text, (c) => c.notNull())
    .addColumn("detail", text)
    .execute();

  await db.schema
    .createTable("deliveries")
    .addColumn("id", text, (c) => c.primaryKey())
    .addColumn("subscription_id", text, (c) => c.notNull())
    .addColumn("outbox_seq", postgres ? "bigint" : "integer", (c) => c.notNull())
    .addColumn("status", text, (c) => c.notNull())
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", text, (c) => c.notNull())
    .addColumn("lease_until", text)
    .addColumn("last_status", "integer")
    .addColumn("last_error", text)
    .addColumn("created_at", text, (c) => c.notNull())
    .addColumn("first_attempt_at", text)
    .addColumn("delivered_at", text)
    .addUniqueConstraint("deliveries_once_per_change", ["subscription_id", "outbox_seq"])
    .execute();
  await db.schema
    .createIndex("deliveries_due")
    .on("deliveries")
    .columns(["status", "next_attempt_at"])
    .execute();

  // What the bundled reference data said when a server last started (an instrument's dates and status, each
  // correction), so that a new release of it is told to subscribers as the changes it makes.
  await db.schema
    .createTable("reference_snapshot")
    .addColumn("key", text, (c) => c.primaryKey())
    .addColumn("body", text, (c) => c.notNull())
    .execute();

  await db.insertInto("aigov_metadata").values({ key: "outbox_fanned_out", value: "0" }).execute();
}
