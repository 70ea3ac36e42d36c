import { type Kysely, type Selectable, sql } from "kysely";
import { isPostgres } from "../dialect.js";
import type { DeliveriesTable, OutboxTable, SubscriptionsTable, Tables } from "../schema.js";
import { chunksOf } from "./chunks.js";

// Subscriptions, the outbox of published changes, and the deliveries owed to each subscription.

type Db = Kysely<Tables>;
export type SubscriptionRow = Selectable<SubscriptionsTable>;
export type OutboxRow = Omit<Selectable<OutboxTable>, "seq"> & { seq: number };
export type DeliveryRow = Omit<Selectable<DeliveriesTable>, "outbox_seq"> & { outbox_seq: number };

const CURSOR_KEY = "outbox_fanned_out";
const TOKEN_KEY = "unsubscribe_key";

/** The key of unsubscribe links: the one stored, else `candidate`, stored now (the first server to ask wins). */
export async function tokenKey(db: Db, candidate: string): Promise<string> {
  const stored = await db
    .selectFrom("aigov_metadata")
    .select("value")
    .where("key", "=", TOKEN_KEY)
    .executeTakeFirst();
  if (stored) return stored.value;
  await db
    .insertInto("aigov_metadata")
    .values({ key: TOKEN_KEY, value: candidate })
    .onConflict((oc) => oc.column("key").doNothing())
    .execute();
  const row = await db
    .selectFrom("aigov_metadata")
    .select("value")
    .where("key", "=", TOKEN_KEY)
    .executeTakeFirstOrThrow();
  return row.value;
}

/** The address of a subscription's owner, to tell them it was paused. */
export async function ownerEmail(db: Db, ownerId: string | null): Promise<string | null> {
  if (ownerId === null) return null;
  const row = await db.selectFrom("users").select("email").where("id", "=", ownerId).executeTakeFirst();
  return row?.email ?? null;
}

/** Adds a subscription, owed the changes written after it (its after_seq: the outbox's newest entry now). */
export async function insertSubscription(db: Db, row: Omit<SubscriptionRow, "after_seq">): Promise<void> {
  const newest = await db
    .selectFrom("outbox")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .executeTakeFirst();
  await db
    .insertInto("subscriptions")
    .values({ ...row, after_seq: Number(newest?.seq ?? 0) })
    .execute();
}

export async function findSubscription(db: Db, id: string): Promise<SubscriptionRow | undefined> {
  return db.selectFrom("subscriptions").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Subscriptions not removed, oldest first: every one, or one owner's (null: the operator's). */
export async function listSubscriptions(db: Db, owner?: { id: string | null }): Promise<SubscriptionRow[]> {
  let query = db.selectFrom("subscriptions").selectAll().where("removed_at", "is", null);
  if (owner)
    query = owner.id === null ? query.where("owner_id", "is", null) : query.where("owner_id", "=", owner.id);
  return query.orderBy("created_at").orderBy("id").execute();
}

/**
 * Subscriptions that are owed changes (not removed, and not of a disabled account): what the fan-out
 * matches; paused ones are included, so that a resume delivers what they missed.
 */
export async function owedSubscriptions(db: Db): Promise<SubscriptionRow[]> {
  return db
    .selectFrom("subscriptions")
    .leftJoin("users", "users.id", "subscriptions.owner_id")
    .selectAll("subscriptions")
    .where("subscriptions.removed_at", "is", null)
    .where("users.disabled_at", "is", null)
    .orderBy("subscriptions.id")
    .execute();
}

/** Subscriptions that receive changes now (not removed, not paused). */
export async function activeSubscriptions(db: Db): Promise<SubscriptionRow[]> {
  return db
    .selectFrom("subscriptions")
    .selectAll()
    .where("removed_at", "is", null)
    .where("paused_at", "is", null)
    .orderBy("id")
    .execute();
}

export async function updateSubscription(
  db: Db,
  id: string,
  set: Partial<Pick<SubscriptionRow, "paused_at" | "paused_reason" | "removed_at" | "last_digest_at">>,
): Promise<void> {
  await db.updateTable("subscriptions").set(set).where("id", "=", id).execute();
}

/**
 * Whether any subscription exists that a change could be owed to: a writer asks once per call, and writes
 * no outbox entries while nobody subscribes (a change made before a subscription is not owed to it).
 */
export async function anySubscription(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom("subscriptions")
    .select("id")
    .where("removed_at", "is", null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Writes outbox entries: call in the transaction of the change they announce. */
export async function appendOutbox(db: Db, rows: Omit<OutboxRow, "seq">[]): Promise<void> {
  for (const chunk of chunksOf(rows)) await db.insertInto("outbox").values(chunk).execute();
}

const asOutbox = (row: Selectable<OutboxTable>): OutboxRow => ({ ...row, seq: Number(row.seq) });

/** Outbox entries after `after`, oldest first. */
export async function readOutbox(db: Db, after: number, limit: number): Promise<OutboxRow[]> {
  const rows = await db
    .selectFrom("outbox")
    .selectAll()
    .where("seq", ">", after)
    .orderBy("seq")
    .limit(limit)
    .execute();
  return rows.map(asOutbox);
}

export async function readOutboxEntries(db: Db, seqs: number[]): Promise<OutboxRow[]> {
  if (seqs.length === 0) return [];
  const rows = await db.selectFrom("outbox").selectAll().where("seq", "in", seqs).execute();
  return rows.map(asOutbox);
}

/**
 * The last outbox entry fanned out to deliveries, read under a row lock (FOR UPDATE on PostgreSQL;
 * SQLite's writers queue anyway) so that two servers fanning out at once take turns. Call in a transaction.
 */
export async function lockFanOutCursor(db: Db): Promise<number> {
  let query = db.selectFrom("aigov_metadata").select("value").where("key", "=", CURSOR_KEY);
  if (isPostgres(db)) query = query.forUpdate();
  else
    // Takes SQLite's write lock now, so that the read below and the write that follows are one turn.
    await db
      .updateTable("aigov_metadata")
      .set({ value: sql`value` })
      .where("key", "=", CURSOR_KEY)
      .execute();
  const row = await query.executeTakeFirst();
  return Number(row?.value ?? 0);
}

export async function writeFanOutCursor(db: Db, seq: number): Promise<void> {
  await db
    .updateTable("aigov_metadata")
    .set({ value: String(seq) })
    .where("key", "=", CURSOR_KEY)
    .execute();
}

/**
 * Whether there is anything to do, read without a lock: outbox entries past the fan-out's cursor, or a
 * pending delivery that is due. An idle server asks this every second and writes nothing.
 */
export async function workWaiting(db: Db, now: string): Promise<boolean> {
  const cursor = await db
    .selectFrom("aigov_metadata")
    .select("value")
    .where("key", "=", CURSOR_KEY)
    .executeTakeFirst();
  const next = await db
    .selectFrom("outbox")
    .select("seq")
    .where("seq", ">", Number(cursor?.value ?? 0))
    .limit(1)
    .executeTakeFirst();
  if (next) return true;
  // E-mail deliveries wait for their digest, which has its own check (deliverDigests reads, writes only when due).
  const due = await db
    .selectFrom("deliveries")
    .innerJoin("subscriptions", "subscriptions.id", "deliveries.subscription_id")
    .select("deliveries.id")
    .where("deliveries.status", "=", "pending")
    .where("deliveries.next_attempt_at", "<=", now)
    .where("subscriptions.channel", "=", "webhook")
    .where("subscriptions.paused_at", "is", null)
    .where("subscriptions.removed_at", "is", null)
    .limit(1)
    .executeTakeFirst();
  return due !== undefined;
}

/** Adds deliveries; one a subscription already has for the same change is left as it is. */
export async function insertDeliveries(db: Db, rows: Omit<DeliveryRow, "attempts">[]): Promise<void> {
  for (const chunk of chunksOf(rows))
    await db
      .insertInto("deliveries")
      .values(chunk)
      .onConflict((oc) => oc.columns(["subscription_id", "outbox_seq"]).doNothing())
      .execute();
}

const asDelivery = (row: Selectable<DeliveriesTable>): DeliveryRow => ({
  ...row,
  outbox_seq: Number(row.outbox_seq),
});

/**
 * Takes up to `limit` pending deliveries that are due, of active subscriptions of one channel, and leases
 * them to the caller until `leaseUntil`: another server (or this one's next round) leaves a leased
 * delivery alone until its lease runs out, so each attempt is made by one server. On PostgreSQL the rows
 * are chosen with SKIP LOCKED (two servers choose different rows instead of waiting for each other); on
 * SQLite the statement runs alone. Call outside a transaction: the lease must be committed at once.
 */
export async function leaseDueDeliveries(
  db: Db,
  channel: string,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<DeliveryRow[]> {
  let due = db
    .selectFrom("deliveries")
    .innerJoin("subscriptions", "subscriptions.id", "deliveries.subscription_id")
    .select("deliveries.id")
    .where("deliveries.status", "=", "pending")
    .where("deliveries.next_attempt_at", "<=", now)
    .where((eb) => eb.or([eb("deliveries.lease_until", "is", null), eb("deliveries.lease_until", "<", now)]))
    .where("subscriptions.channel", "=", channel)
    .where("subscriptions.paused_at", "is", null)
    .where("subscriptions.removed_at", "is", null)
    // Not while an earlier change of the same subscription is being attempted (by another server) or
    // waits for its retry: a subscription's changes arrive in order.
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("deliveries as earlier")
            .select("earlier.id")
            .whereRef("earlier.subscription_id", "=", "deliveries.subscription_id")
            .whereRef("earlier.outbox_seq", "<", "deliveries.outbox_seq")
            .where("earlier.status", "=", "pending")
            .where((eb) =>
              eb.or([eb("earlier.lease_until", ">=", now), eb("earlier.next_attempt_at", ">", now)]),
            ),
        ),
      ),
    )
    .orderBy("deliveries.next_attempt_at")
    .orderBy("deliveries.outbox_seq")
    .limit(limit);
  // Looked for first without a lock: a server with nothing due writes nothing.
  if ((await due.execute()).length === 0) return [];
  if (isPostgres(db)) due = due.forUpdate("deliveries").skipLocked();
  const rows = await db
    .updateTable("deliveries")
    .set({ lease_until: leaseUntil })
    .where("id", "in", due)
    // Re-checked on the row as it is now: a row another server leased meanwhile is not taken twice.
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
    .where("status", "=", "pending")
    .returningAll()
    .execute();
  return rows.map(asDelivery).sort((a, b) => a.outbox_seq - b.outbox_seq);
}

/**
 * Leases every pending, due delivery of one subscription (what its next digest holds) until `leaseUntil`,
 * unless another server holds them: the conditional update lets one of two servers take them.
 */
export async function leaseSubscriptionDeliveries(
  db: Db,
  subscriptionId: string,
  now: string,
  leaseUntil: string,
): Promise<DeliveryRow[]> {
  const rows = await db
    .updateTable("deliveries")
    .set({ lease_until: leaseUntil })
    .where("subscription_id", "=", subscriptionId)
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .where((eb) => eb.or([eb("lease_until", "is", null), eb("lease_until", "<", now)]))
    .returningAll()
    .execute();
  return rows.map(asDelivery).sort((a, b) => a.outbox_seq - b.outbox_seq);
}

/**
 * After a failed attempt of a subscription's change, its later pending changes wait until that one is
 * tried again (`next`), and are let go by this server: their order is kept.
 */
export async function holdLaterDeliveries(
  db: Db,
  subscriptionId: string,
  afterSeq: number,
  next: string,
): Promise<void> {
  await db
    .updateTable("deliveries")
    .set({ next_attempt_at: next, lease_until: null })
    .where("subscription_id", "=", subscriptionId)
    .where("status", "=", "pending")
    .where("outbox_seq", ">", afterSeq)
    .execute();
}

export async function updateDeliveries(
  db: Db,
  ids: string[],
  set: Partial<Omit<DeliveryRow, "id" | "subscription_id" | "outbox_seq">>,
): Promise<void> {
  for (const chunk of chunksOf(ids.map((id) => ({ id }))))
    await db
      .updateTable("deliveries")
      .set(set)
      .where(
        "id",
        "in",
        chunk.map((r) => r.id),
      )
      .execute();
}

/** A subscription's deliveries, newest change first. */
export async function listDeliveries(db: Db, subscriptionId: string, limit: number): Promise<DeliveryRow[]> {
  const rows = await db
    .selectFrom("deliveries")
    .selectAll()
    .where("subscription_id", "=", subscriptionId)
    .orderBy("outbox_seq", "desc")
    .limit(limit)
    .execute();
  return rows.map(asDelivery);
}

/** Counts of a subscription's deliveries by status. */
export async function countDeliveries(db: Db, subscriptionId: string): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom("deliveries")
    .select(["status", (eb) => eb.fn.countAll<number | string>().as("n")])
    .where("subscription_id", "=", subscriptionId)
    .groupBy("status")
    .execute();
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}

/**
 * Puts a paused subscription's given-up and waiting deliveries back in the queue, due now, with a new
 * day of attempts each (a resumed subscription is not paused again by its first failure).
 */
export async function requeueFailed(db: Db, subscriptionId: string, now: string): Promise<void> {
  await db
    .updateTable("deliveries")
    .set({ status: "pending", next_attempt_at: now, first_attempt_at: null, lease_until: null })
    .where("subscription_id", "=", subscriptionId)
    .where("status", "in", ["failed", "pending"])
    .execute();
}

/** The bodies of events at given revisions (from event_revisions), by "id@revision". */
export async function eventBodiesAt(
  db: Db,
  wanted: { id: string; revision: number }[],
): Promise<Map<string, string>> {
  const keys = new Set(wanted.map((w) => `${w.id}@${w.revision}`));
  const ids = [...new Set(wanted.map((w) => w.id))];
  const found = new Map<string, string>();
  // By event (the key's first column), the revisions wanted picked here: a long OR of (id, revision)
  // pairs is planned as a scan.
  for (const chunk of chunksOf(ids.map((id) => ({ id }))))
    for (const row of await db
      .selectFrom("event_revisions")
      .select(["event_id", "revision", "body"])
      .where(
        "event_id",
        "in",
        chunk.map((r) => r.id),
      )
      .execute()) {
      const key = `${row.event_id}@${row.revision}`;
      if (keys.has(key)) found.set(key, row.body);
    }
  return found;
}

/** What the bundled reference data said when it was last recorded, by key. */
export async function readReferenceSnapshot(db: Db): Promise<Map<string, string>> {
  const rows = await db.selectFrom("reference_snapshot").select(["key", "body"]).execute();
  return new Map(rows.map((row) => [row.key, row.body]));
}

/** Replaces the snapshot's entries: `set` written (added or replaced), `gone` removed. */
export async function writeReferenceSnapshot(
  db: Db,
  set: { key: string; body: string }[],
  gone: string[],
): Promise<void> {
  for (const chunk of chunksOf(set))
    await db
      .insertInto("reference_snapshot")
      .values(chunk)
      .onConflict((oc) => oc.column("key").doUpdateSet((eb) => ({ body: eb.ref("excluded.body") })))
      .execute();
  for (const chunk of chunksOf(gone.map((key) => ({ key }))))
    await db
      .deleteFrom("reference_snapshot")
      .where(
        "key",
        "in",
        chunk.map((r) => r.key),
      )
      .execute();
}
