import { dateBounds } from "../../domain/partialDate.js";
import type { Kysely } from "kysely";
import { Event } from "../../domain/event.js";
import type { Tables } from "../schema.js";
import { announceChanges } from "./changeLogRepo.js";
import { chunksOf } from "./chunks.js";
import { anySubscription, appendOutbox } from "./subscriptionRepo.js";

// Writing events: each new one added, each changed one stored as its next revision, every write logged.

type Db = Kysely<Tables>;

export type WriteOutcome = "added" | "updated" | "unchanged";

/** Who made a revision and why: the account whose proposal it publishes, its note, the proposal. */
export interface Attribution {
  userId: string | null;
  note: string | null;
  proposalId: number | null;
}

/** The operator's own writes (imports, the bundled dataset): nobody's proposal. */
export const BY_OPERATOR: Attribution = { userId: null, note: null, proposalId: null };

/** The row of the events table for an event at a revision. */
function eventRow(event: Event, body: string, revision: number, createdAt: string, now: string) {
  return {
    id: event.id,
    seq: event.seq,
    document: event.document,
    date_start: event.date.start,
    date_end: event.date.end,
    date_precision: event.date.precision,
    first_day: dateBounds(event.date.start).first,
    last_day: dateBounds(event.date.end ?? event.date.start).last,
    level: event.level,
    type: event.type,
    bindingness: event.bindingness,
    title_zh: event.title.zh ?? null,
    title_en: event.title.en ?? null,
    body,
    revision,
    created_at: createdAt,
    updated_at: now,
  };
}

/** Events in one batch of writes: a few hundred keep statements large and memory small. */
export const WRITE_BATCH = 500;

/**
 * Writes events: adds each new one, and stores each changed one as its next revision (the previous
 * versions stay in event_revisions); an event equal to its stored version is left alone. Every write
 * is logged in event_changes, and the data version moves once per call. The events must have been
 * checked with the Event schema (their key order is then the schema's: the JSON of equal events is
 * equal). Call inside a transaction, with batches of about WRITE_BATCH events.
 */
export async function writeEvents(
  db: Db,
  events: readonly Event[],
  origin: string,
  now: string,
  attribution: Attribution = BY_OPERATOR,
): Promise<WriteOutcome[]> {
  if (events.length === 0) return [];
  // One statement cannot write a row twice (PostgreSQL refuses it): an id repeated in the batch (a
  // report that numbers two events alike) splits it, and the later version is written after the first.
  const seen = new Set<string>();
  const repeat = events.findIndex((event) => seen.size === seen.add(event.id).size);
  if (repeat > 0)
    return [
      ...(await writeEvents(db, events.slice(0, repeat), origin, now, attribution)),
      ...(await writeEvents(db, events.slice(repeat), origin, now, attribution)),
    ];
  const stored = new Map<string, { body: string; revision: number; created_at: string }>();
  for (const ids of chunksOf(events.map((event) => ({ id: event.id }))))
    for (const row of await db
      .selectFrom("events")
      .select(["id", "body", "revision", "created_at"])
      .where(
        "id",
        "in",
        ids.map((r) => r.id),
      )
      .execute())
      stored.set(row.id, row);
  const outcomes: WriteOutcome[] = [];
  const rows: ReturnType<typeof eventRow>[] = [];
  const changedIds: string[] = [];
  for (const event of events) {
    const body = JSON.stringify(event);
    const existing = stored.get(event.id);
    if (existing?.body === body) {
      outcomes.push("unchanged");
      continue;
    }
    outcomes.push(existing ? "updated" : "added");
    rows.push(eventRow(event, body, (existing?.revision ?? 0) + 1, existing?.created_at ?? now, now));
    if (existing) changedIds.push(event.id);
  }
  if (rows.length === 0) return outcomes;
  for (const ids of chunksOf(changedIds.map((id) => ({ id })))) {
    const list = ids.map((r) => r.id);
    await db.deleteFrom("event_jurisdictions").where("event_id", "in", list).execute();
    await db.deleteFrom("event_tags").where("event_id", "in", list).execute();
  }
  for (const chunk of chunksOf(rows))
    await db
      .insertInto("events")
      .values(chunk)
      .onConflict((oc) =>
        oc.column("id").doUpdateSet((eb) => {
          const columns = Object.keys(chunk[0] as object).filter((c) => c !== "id" && c !== "created_at");
          return Object.fromEntries(
            columns.map((column) => [column, eb.ref(`excluded.${column}` as "excluded.body")]),
          );
        }),
      )
      .execute();
  const byId = new Map(events.map((event) => [event.id, event]));
  const jurisdictions = rows.flatMap((row) =>
    [...new Set(byId.get(row.id)?.jurisdictions)].map((code) => ({ event_id: row.id, code })),
  );
  const tags = rows.flatMap((row) =>
    [...new Set(byId.get(row.id)?.tags)].map((tag) => ({ event_id: row.id, tag })),
  );
  for (const chunk of chunksOf(jurisdictions))
    await db.insertInto("event_jurisdictions").values(chunk).execute();
  for (const chunk of chunksOf(tags)) await db.insertInto("event_tags").values(chunk).execute();
  const revisions = rows.map((row) => ({
    event_id: row.id,
    revision: row.revision,
    body: row.body,
    changed_at: now,
    origin,
    user_id: attribution.userId,
    note: attribution.note,
    proposal_id: attribution.proposalId,
  }));
  for (const chunk of chunksOf(revisions)) await db.insertInto("event_revisions").values(chunk).execute();
  const changes = rows.map((row) => ({ event_id: row.id, changed_at: now }));
  for (const chunk of chunksOf(changes)) await db.insertInto("event_changes").values(chunk).execute();
  await bumpDataVersion(db);
  // What subscribers are owed, in the same transaction as the change itself, after the data version row
  // is locked: entries are then numbered in the order their transactions commit, and the fan-out, which
  // reads them in that order, passes none that commits later.
  if (await anySubscription(db)) {
    const changed = new Set(changedIds);
    await appendOutbox(
      db,
      rows.map((row) => ({
        type: changed.has(row.id) ? "event.changed" : "event.published",
        subject: row.id,
        revision: row.revision,
        at: now,
        detail: null,
      })),
    );
  }
  return outcomes;
}

/** Moves the data version and tells the other servers: once per writing call. */
async function bumpDataVersion(db: Db): Promise<void> {
  await db
    .updateTable("data_version")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "=", 1)
    .execute();
  await announceChanges(db);
}

/**
 * Removes an event: its row goes, and its next revision records the removal (with the version it last
 * had, so that its history and what the archive said before stay whole). Logged like any write. The
 * revision written, or null when there is no such event. Call inside a transaction.
 */
export async function removeEvent(
  db: Db,
  id: string,
  origin: string,
  now: string,
  attribution: Attribution,
): Promise<number | null> {
  const stored = await db
    .selectFrom("events")
    .select(["body", "revision"])
    .where("id", "=", id)
    .executeTakeFirst();
  if (!stored) return null;
  const revision = stored.revision + 1;
  await db.deleteFrom("event_jurisdictions").where("event_id", "=", id).execute();
  await db.deleteFrom("event_tags").where("event_id", "=", id).execute();
  await db.deleteFrom("events").where("id", "=", id).execute();
  await db
    .insertInto("event_revisions")
    .values({
      event_id: id,
      revision,
      body: stored.body,
      changed_at: now,
      origin,
      user_id: attribution.userId,
      note: attribution.note,
      proposal_id: attribution.proposalId,
      removed: 1,
    })
    .execute();
  await db.insertInto("event_changes").values({ event_id: id, changed_at: now }).execute();
  await bumpDataVersion(db);
  if (await anySubscription(db))
    await appendOutbox(db, [{ type: "event.removed", subject: id, revision, at: now, detail: null }]);
  return revision;
}

/**
 * Writes one event (see writeEvents): checks it with the Event schema first, as callers outside an
 * import hand in events of their own making. Call inside a transaction.
 */
export async function writeEvent(
  db: Db,
  event: Event,
  origin: string,
  now: string,
  attribution: Attribution = BY_OPERATOR,
): Promise<WriteOutcome> {
  const [outcome] = await writeEvents(db, [Event.parse(event)], origin, now, attribution);
  return outcome as WriteOutcome;
}

/**
 * Takes the write lock first thing in a writing transaction, by touching the data_version row without
 * changing it: concurrent writers then queue, and each sees what the one before it committed (on
 * PostgreSQL two imports of the same new ids would otherwise collide on the primary key).
 */
export async function lockForWriting(db: Db): Promise<void> {
  await db
    .updateTable("data_version")
    .set((eb) => ({ version: eb.ref("version") }))
    .where("id", "=", 1)
    .execute();
}
