import { type Kysely, type SelectQueryBuilder, sql } from "kysely";

export type { EventFilter } from "../../domain/eventQuery.js";

import { Event } from "../../domain/event.js";
import type { EventFilter } from "../../domain/eventQuery.js";
import { dateBounds } from "../../domain/partialDate.js";
import { isPostgres } from "../dialect.js";
import { readerOf, type SqliteReader } from "../sqliteReader.js";
import type { Tables } from "../schema.js";

type Db = Kysely<Tables>;

export type WriteOutcome = "added" | "updated" | "unchanged";

// Bodies were validated by Event.parse when written (writeEvents), and migrations keep them in the
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

/**
 * The stored JSON of the events matching a filter, with their ids, in listEvents' order, read in
 * batches: a bulk export of any size in bounded memory (the body is the event as the API and `import`
 * know it; the id lets the export tell a corrected event without parsing the body).
 */
export async function* streamEventBodies(
  db: Db,
  filter: EventFilter = {},
): AsyncGenerator<{ id: string; body: string }> {
  const rows = applyFilter(db.selectFrom("events").select(["events.id", "events.body"]), filter)
    .orderBy("events.first_day")
    .orderBy("events.seq", (ob) => ob.asc().nullsFirst())
    .orderBy("events.id")
    .stream(1000);
  for await (const row of rows) yield { id: row.id, body: row.body };
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

/**
 * Bound parameters per statement: below SQLite's limit (32,766) and PostgreSQL's (65,535), so that a
 * batch of rows goes in one statement (one parse and plan) instead of one statement per row.
 */
const MAX_PARAMETERS = 30_000;

/** Rows in statements of at most MAX_PARAMETERS values. */
function* chunksOf<T extends object>(rows: T[]): Generator<T[]> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0] as object).length;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / perRow));
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
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
): Promise<WriteOutcome[]> {
  if (events.length === 0) return [];
  // One statement cannot write a row twice (PostgreSQL refuses it): an id repeated in the batch (a
  // report that numbers two events alike) splits it, and the later version is written after the first.
  const seen = new Set<string>();
  const repeat = events.findIndex((event) => seen.size === seen.add(event.id).size);
  if (repeat > 0)
    return [
      ...(await writeEvents(db, events.slice(0, repeat), origin, now)),
      ...(await writeEvents(db, events.slice(repeat), origin, now)),
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
  }));
  for (const chunk of chunksOf(revisions)) await db.insertInto("event_revisions").values(chunk).execute();
  const changes = rows.map((row) => ({ event_id: row.id, changed_at: now }));
  for (const chunk of chunksOf(changes)) await db.insertInto("event_changes").values(chunk).execute();
  await db
    .updateTable("data_version")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "=", 1)
    .execute();
  await announceChanges(db);
  return outcomes;
}

/**
 * Writes one event (see writeEvents): checks it with the Event schema first, as callers outside an
 * import hand in events of their own making. Call inside a transaction.
 */
export async function writeEvent(db: Db, event: Event, origin: string, now: string): Promise<WriteOutcome> {
  const [outcome] = await writeEvents(db, [Event.parse(event)], origin, now);
  return outcome as WriteOutcome;
}

/** The PostgreSQL channel that writers NOTIFY and servers LISTEN on, told of every committed write. */
export const CHANGES_CHANNEL = "aigov_changes";

/**
 * Tells other servers on the same PostgreSQL database that events changed: the notification is
 * delivered when the transaction commits (several in one transaction arrive as one). SQLite has no
 * such channel; servers there notice the change log's newest number instead.
 */
async function announceChanges(db: Db): Promise<void> {
  if (isPostgres(db)) await sql`select pg_notify(${CHANGES_CHANNEL}, '')`.execute(db);
}

/** The number of the newest entry of the change log (0 when nothing was ever written). */
export async function readChangeSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom("event_changes")
    .select((eb) => eb.fn.max("seq").as("seq"))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

/**
 * The ids of the events changed after entry `after` of the change log, up to entry `upTo`, each once;
 * null when there are more than `limit` of them (a caller would rather start over than replay them).
 */
export async function readChangedIds(
  db: Db,
  after: number,
  upTo: number,
  limit: number,
): Promise<string[] | null> {
  const rows = await db
    .selectFrom("event_changes")
    .select("event_id")
    .distinct()
    .where("seq", ">", after)
    .where("seq", "<=", upTo)
    .limit(limit + 1)
    .execute();
  return rows.length > limit ? null : rows.map((row) => row.event_id);
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

/**
 * Every event's stored JSON as UTF-8 bytes, newest first (the order the search index numbers them in),
 * in batches: what a parallel index build hands to its workers, unparsed and undecoded (parsing and
 * decoding are part of the work it spreads). A SQLite file is read on a connection of its own, one
 * body after another without a promise between them: a million take seconds, not the better part of a
 * minute as a row at a time through Kysely's stream did.
 */
export async function* streamEventJsonNewestFirst(db: Db, batchSize = 1000): AsyncGenerator<Buffer[]> {
  const reader = readerOf(db);
  if (reader) {
    // Date order jumps about the file: with a cold page cache, a million bodies read so waited 26 s on
    // the disk. One pass in file order first brings the table's pages in at the disk's sequential speed
    // (5 s cold; 1 s when they are cached already), and the ordered read then finds them in memory.
    reader.warmPageCache("select sum(length(cast(body as blob))) from events");
    yield* inBatches(
      reader.column<Buffer>(
        "select cast(body as blob) from events order by first_day desc, seq desc nulls last, id desc",
      ),
      batchSize,
    );
    return;
  }
  let batch: Buffer[] = [];
  for await (const body of streamEventBodiesNewestFirst(db)) {
    batch.push(Buffer.from(body));
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

function* inBatches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}

/** Every event, newest first (the order the search index numbers them in), read in batches. */
export async function* streamEventsNewestFirst(db: Db): AsyncGenerator<Event> {
  for await (const body of streamEventBodiesNewestFirst(db)) yield parseBody(body);
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

/** An event's stored JSON as UTF-8 bytes: the event exactly as the API serves it, unparsed. */
export interface StoredEventJson {
  id: string;
  json: Buffer;
}

/**
 * The stored JSON of the events with these ids, in the order of the ids given, as bytes: a page of the
 * API is these bytes joined, with no parse and no stringify. A SQLite file is read through its reader
 * connection (committed data, statements kept); SQLite hands the column over as a blob, which spares
 * decoding it into a JavaScript string and encoding it back.
 */
export async function findEventJson(db: Db, ids: string[]): Promise<StoredEventJson[]> {
  if (ids.length === 0) return [];
  const reader = readerOf(db);
  const rows = reader
    ? readJoinedJson(reader, ids)
    : isPostgres(db)
      ? (await db.selectFrom("events").select(["id", "body"]).where("id", "in", ids).execute()).map(
          (row) => ({ id: row.id, json: Buffer.from(row.body) }),
        )
      : await db
          .selectFrom("events")
          .select(["id", sql<Buffer>`cast(body as blob)`.as("json")])
          .where("id", "in", ids)
          .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

/**
 * The stored JSON of these events as one row: the bodies end to end in one blob, with the ids and byte
 * lengths that cut it into events (the aggregates of one group see its rows in the same order). A row
 * and a buffer per event cost better-sqlite3 more than the bytes: read so, a page takes about half as
 * long. The events come back in the database's order, unsorted.
 */
function readJoinedJson(reader: SqliteReader, ids: string[]): StoredEventJson[] {
  const [row] = reader.all<{ ids: string | null; lengths: string | null; json: Buffer | null }>(
    `select group_concat(id, ' ') as ids, group_concat(octet_length(body), ' ') as lengths,
      cast(group_concat(body, '') as blob) as json
    from events where id in (select value from json_each(?))`,
    JSON.stringify(ids),
  );
  if (!row?.ids || row.lengths === null || row.json === null) return [];
  const { json } = row;
  const lengths = row.lengths.split(" ");
  let at = 0;
  const events = row.ids.split(" ").map((id, i) => {
    const end = at + Number(lengths[i]);
    const event = { id, json: json.subarray(at, end) };
    at = end;
    return event;
  });
  // Ids are [a-z0-9-] (Event's schema), so a space cannot be inside one; the lengths must add up.
  if (at !== json.length || events.length !== lengths.length)
    throw new Error("the stored events read back do not add up (ids, lengths and bytes disagree)");
  return events;
}

/** Every event's stored JSON, newest first, read in batches. */
async function* streamEventBodiesNewestFirst(db: Db): AsyncGenerator<string> {
  const rows = db
    .selectFrom("events")
    .select("body")
    .orderBy("first_day", "desc")
    .orderBy("seq", (ob) => ob.desc().nullsLast())
    .orderBy("id", "desc")
    .stream(1000);
  for await (const row of rows) yield row.body;
}
