import { type Kysely, type SelectQueryBuilder, sql } from "kysely";
import { Event } from "../../domain/event.js";
import type { EventFilter } from "../../domain/eventQuery.js";
import { dateBounds } from "../../domain/partialDate.js";
import { isPostgres } from "../dialect.js";
import { readerOf, type SqliteReader } from "../sqliteReader.js";
import type { Tables } from "../schema.js";
import { parseBody } from "./storedEvent.js";

// Reading events: filtered lists and streams, counts, and events by id. Writing them, their change log,
// the bulk reads of an index build and their revisions are in eventWriteRepo.ts, changeLogRepo.ts,
// indexFeedRepo.ts and revisionRepo.ts,
// re-exported here for the callers that use several.

export type { EventFilter } from "../../domain/eventQuery.js";
export * from "./changeLogRepo.js";
export * from "./eventWriteRepo.js";
export * from "./indexFeedRepo.js";
export * from "./revisionRepo.js";

type Db = Kysely<Tables>;

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

/**
 * Every event's stored JSON in id order, read in batches of `batchSize`: what a release freezes, in an
 * order that does not depend on dates an edit may change.
 */
export async function* streamEventsById(db: Db, batchSize = 500): AsyncGenerator<Event[]> {
  let batch: Event[] = [];
  for await (const row of db.selectFrom("events").select("body").orderBy("id").stream(1000)) {
    batch.push(parseBody(row.body));
    if (batch.length === batchSize) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length) yield batch;
}
