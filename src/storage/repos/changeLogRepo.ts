import { type Kysely, sql } from "kysely";
import { isPostgres } from "../dialect.js";
import type { Tables } from "../schema.js";

// The change log (event_changes): what servers follow to stay current.

type Db = Kysely<Tables>;

/** The PostgreSQL channel that writers NOTIFY and servers LISTEN on, told of every committed write. */
export const CHANGES_CHANNEL = "aigov_changes";

/**
 * Tells other servers on the same PostgreSQL database that events changed: the notification is
 * delivered when the transaction commits (several in one transaction arrive as one). SQLite has no
 * such channel; servers there notice the change log's newest number instead.
 */
export async function announceChanges(db: Db): Promise<void> {
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

/** A number that changes whenever any event is written, by this process or another. */
export async function readDataVersion(db: Db): Promise<number> {
  const row = await db.selectFrom("data_version").select("version").where("id", "=", 1).executeTakeFirst();
  return Number(row?.version ?? 0);
}
