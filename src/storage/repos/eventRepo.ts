import type { Kysely, SelectQueryBuilder } from "kysely";

export type { EventFilter } from "../../domain/eventQuery.js";

import { Event } from "../../domain/event.js";
import type { EventFilter } from "../../domain/eventQuery.js";
import { dateBounds } from "../../domain/partialDate.js";
import type { Tables } from "../schema.js";

type Db = Kysely<Tables>;

export type WriteOutcome = "added" | "updated" | "unchanged";

/** The canonical JSON of an event, in schema field order, so that equal events compare equal. */
export function serializeEvent(event: Event): string {
  return JSON.stringify(Event.parse(event));
}

// Bodies were validated by Event.parse when written (serializeEvent), and migrations keep them in the
// current shape; reading them back is JSON.parse alone, which matters on the API's hot path.
function parseBody(body: string): Event {
  return JSON.parse(body) as Event;
}

function applyFilter<O>(
  query: SelectQueryBuilder<Tables, "events", O>,
  filter: EventFilter,
): SelectQueryBuilder<Tables, "events", O> {
  let q = query;
  if (filter.from) q = q.where("events.last_day", ">=", dateBounds(filter.from).first);
  if (filter.to) q = q.where("events.first_day", "<=", dateBounds(filter.to).last);
  if (filter.types?.length) q = q.where("events.type", "in", filter.types);
  if (filter.levels?.length) q = q.where("events.level", "in", filter.levels);
  if (filter.bindingness?.length) q = q.where("events.bindingness", "in", filter.bindingness);
  if (filter.ids) q = q.where("events.id", "in", filter.ids.length ? filter.ids : [""]);
  const codes = filter.jurisdictions;
  if (codes?.length) {
    // A country code also finds its subdivisions: US finds US-CA.
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("event_jurisdictions as j")
          .select("j.event_id")
          .whereRef("j.event_id", "=", "events.id")
          .where((inner) =>
            inner.or(
              codes.flatMap((code) => [inner("j.code", "=", code), inner("j.code", "like", `${code}-%`)]),
            ),
          ),
      ),
    );
  }
  for (const tag of filter.tags ?? []) {
    // Several tags narrow: an event must carry each of them.
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("event_tags as t")
          .select("t.event_id")
          .whereRef("t.event_id", "=", "events.id")
          .where("t.tag", "=", tag),
      ),
    );
  }
  return q;
}

/** Events matching a filter, oldest first (then by chronicle number and id). */
export async function listEvents(
  db: Db,
  filter: EventFilter = {},
  page: { limit?: number; offset?: number } = {},
): Promise<Event[]> {
  let query = applyFilter(db.selectFrom("events").select("events.body"), filter)
    .orderBy("events.first_day")
    // NULLs first as SQLite sorts them by default; PostgreSQL would put them last.
    .orderBy("events.seq", (ob) => ob.asc().nullsFirst())
    .orderBy("events.id");
  if (page.limit !== undefined) query = query.limit(page.limit);
  if (page.offset) query = query.offset(page.offset);
  const rows = await query.execute();
  return rows.map((row) => parseBody(row.body));
}

/** How many events match a filter. */
export async function countEvents(db: Db, filter: EventFilter = {}): Promise<number> {
  const row = await applyFilter(
    db.selectFrom("events").select((eb) => eb.fn.countAll<number>().as("n")),
    filter,
  ).executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** One event by id, or null. */
export async function findEvent(db: Db, id: string): Promise<Event | null> {
  const row = await db.selectFrom("events").select("body").where("id", "=", id).executeTakeFirst();
  return row ? parseBody(row.body) : null;
}

/** The events already imported from a document, by their number in its chronicle. */
export async function findEventsOfDocument(db: Db, document: string): Promise<Map<number, Event>> {
  const rows = await db
    .selectFrom("events")
    .select("body")
    .where("document", "=", document)
    .where("seq", "is not", null)
    .execute();
  const bySeq = new Map<number, Event>();
  for (const row of rows) {
    const event = parseBody(row.body);
    if (event.seq !== null) bySeq.set(event.seq, event);
  }
  return bySeq;
}

/**
 * Writes an event: adds it, or, when its content changed, stores it as the next revision. The previous
 * versions stay in event_revisions. Call inside a transaction.
 */
export async function writeEvent(db: Db, event: Event, origin: string, now: string): Promise<WriteOutcome> {
  const body = serializeEvent(event);
  const existing = await db
    .selectFrom("events")
    .select(["body", "revision", "created_at"])
    .where("id", "=", event.id)
    .executeTakeFirst();
  if (existing && existing.body === body) return "unchanged";
  const revision = (existing?.revision ?? 0) + 1;
  const end = event.date.end ?? event.date.start;
  const row = {
    id: event.id,
    seq: event.seq,
    document: event.document,
    date_start: event.date.start,
    date_end: event.date.end,
    date_precision: event.date.precision,
    first_day: dateBounds(event.date.start).first,
    last_day: dateBounds(end).last,
    level: event.level,
    type: event.type,
    bindingness: event.bindingness,
    title_zh: event.title.zh ?? null,
    title_en: event.title.en ?? null,
    body,
    revision,
    created_at: existing?.created_at ?? now,
    updated_at: now,
  };
  if (existing) {
    await db.updateTable("events").set(row).where("id", "=", event.id).execute();
    await db.deleteFrom("event_jurisdictions").where("event_id", "=", event.id).execute();
    await db.deleteFrom("event_tags").where("event_id", "=", event.id).execute();
  } else {
    await db.insertInto("events").values(row).execute();
  }
  const codes = [...new Set(event.jurisdictions)];
  if (codes.length)
    await db
      .insertInto("event_jurisdictions")
      .values(codes.map((code) => ({ event_id: event.id, code })))
      .execute();
  const tags = [...new Set(event.tags)];
  if (tags.length)
    await db
      .insertInto("event_tags")
      .values(tags.map((tag) => ({ event_id: event.id, tag })))
      .execute();
  await db
    .insertInto("event_revisions")
    .values({ event_id: event.id, revision, body, changed_at: now, origin })
    .execute();
  await db
    .updateTable("data_version")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "=", 1)
    .execute();
  return existing ? "updated" : "added";
}

/** The stored versions of an event, oldest first. */
export async function listRevisions(
  db: Db,
  id: string,
): Promise<{ revision: number; changedAt: string; origin: string; event: Event }[]> {
  const rows = await db
    .selectFrom("event_revisions")
    .selectAll()
    .where("event_id", "=", id)
    .orderBy("revision")
    .execute();
  return rows.map((row) => ({
    revision: row.revision,
    changedAt: row.changed_at,
    origin: row.origin,
    event: parseBody(row.body),
  }));
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

/** A number that changes whenever any event is written, by this process or another. */
export async function readDataVersion(db: Db): Promise<number> {
  const row = await db.selectFrom("data_version").select("version").where("id", "=", 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}

/** Every event, newest first (the order the search index numbers them in), read in batches. */
export async function* streamEventsNewestFirst(db: Db): AsyncGenerator<Event> {
  const rows = db
    .selectFrom("events")
    .select("body")
    .orderBy("first_day", "desc")
    .orderBy("seq", (ob) => ob.desc().nullsLast())
    .orderBy("id", "desc")
    .stream(1000);
  for await (const row of rows) yield parseBody(row.body);
}

/** The events with these ids, in the order of the ids given. */
export async function findEvents(db: Db, ids: string[]): Promise<Event[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("events").select(["id", "body"]).where("id", "in", ids).execute();
  const byId = new Map(rows.map((row) => [row.id, row.body]));
  return ids.flatMap((id) => {
    const body = byId.get(id);
    return body === undefined ? [] : [parseBody(body)];
  });
}
