import type { Kysely } from "kysely";
import { Event } from "../../domain/event.js";
import { readerOf } from "../sqliteReader.js";
import type { Tables } from "../schema.js";
import { parseBody } from "./storedEvent.js";

// Every event, newest first, as an index build reads them: in bulk, on a connection of its own for a
// SQLite file.

type Db = Kysely<Tables>;

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
