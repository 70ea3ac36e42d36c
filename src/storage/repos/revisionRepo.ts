import type { Kysely } from "kysely";
import type { Event } from "../../domain/event.js";
import type { Tables } from "../schema.js";
import { chunksOf } from "./chunks.js";
import { parseBody } from "./storedEvent.js";

// The revisions of events: every version each has had, who made it and why, and what the archive held
// at any moment.

type Db = Kysely<Tables>;

export interface StoredRevision {
  revision: number;
  changedAt: string;
  origin: string;
  /** The public name of the account whose proposal made it; null for the operator's imports. */
  by: string | null;
  /** The editor who published the proposal it came from. */
  publishedBy: string | null;
  note: string | null;
  proposalId: number | null;
  /** This revision removed the event: `event` is then the version it last had. */
  removed: boolean;
  event: Event;
}

function revisionsOf(db: Db) {
  return db
    .selectFrom("event_revisions as r")
    .leftJoin("users as u", "u.id", "r.user_id")
    .leftJoin("proposals as p", "p.id", "r.proposal_id")
    .leftJoin("users as e", "e.id", "p.decided_by")
    .select([
      "e.name as publisher",
      "r.event_id",
      "r.revision",
      "r.body",
      "r.changed_at",
      "r.origin",
      "r.note",
      "r.proposal_id",
      "r.removed",
      "u.name",
    ]);
}

type Row = {
  revision: number;
  body: string;
  changed_at: string;
  origin: string;
  note: string | null;
  proposal_id: number | null;
  removed: number;
  name: string | null;
  publisher: string | null;
};

const toRevision = (row: Row): StoredRevision => ({
  revision: row.revision,
  changedAt: row.changed_at,
  origin: row.origin,
  by: row.name,
  publishedBy: row.publisher,
  note: row.note,
  proposalId: row.proposal_id === null ? null : Number(row.proposal_id),
  removed: Number(row.removed) === 1,
  event: parseBody(row.body),
});

/** The stored versions of an event, oldest first. */
export async function listRevisions(db: Db, id: string): Promise<StoredRevision[]> {
  const rows = await revisionsOf(db).where("r.event_id", "=", id).orderBy("r.revision").execute();
  return rows.map(toRevision);
}

/** One revision of an event, or null. */
export async function findRevision(db: Db, id: string, revision: number): Promise<StoredRevision | null> {
  const row = await revisionsOf(db)
    .where("r.event_id", "=", id)
    .where("r.revision", "=", revision)
    .executeTakeFirst();
  return row ? toRevision(row) : null;
}

/** The newest revision of an event made at or before a moment (ISO 8601, UTC), or null. */
export async function revisionAsOf(db: Db, id: string, asOf: string): Promise<StoredRevision | null> {
  const row = await revisionsOf(db)
    .where("r.event_id", "=", id)
    .where("r.changed_at", "<=", asOf)
    .orderBy("r.revision", "desc")
    .limit(1)
    .executeTakeFirst();
  return row ? toRevision(row) : null;
}

/**
 * The ids of the events changed after a moment, each once; null when there are more than `limit` (the
 * caller would rather refuse than hold them all).
 */
export async function idsChangedAfter(db: Db, asOf: string, limit: number): Promise<string[] | null> {
  const rows = await db
    .selectFrom("event_revisions")
    .select("event_id")
    .distinct()
    .where("changed_at", ">", asOf)
    .limit(limit + 1)
    .execute();
  return rows.length > limit ? null : rows.map((row) => row.event_id);
}

/** The versions that events had at a moment (an event absent then, or removed, is left out). */
export async function versionsAsOf(
  db: Db,
  ids: readonly string[],
  asOf: string,
): Promise<Map<string, Event>> {
  const versions = new Map<string, Event>();
  for (const chunk of chunksOf(ids.map((id) => ({ id })))) {
    const list = chunk.map((row) => row.id);
    const rows = await db
      .selectFrom("event_revisions as r")
      .select(["r.event_id", "r.body", "r.removed"])
      .where("r.event_id", "in", list)
      .where("r.revision", "=", (eb) =>
        eb
          .selectFrom("event_revisions as l")
          .select((inner) => inner.fn.max("l.revision").as("m"))
          .whereRef("l.event_id", "=", "r.event_id")
          .where("l.changed_at", "<=", asOf),
      )
      .execute();
    for (const row of rows) if (Number(row.removed) !== 1) versions.set(row.event_id, parseBody(row.body));
  }
  return versions;
}

/** An event as stored now, with the number of its current revision; null when there is none. */
export async function findCurrentRevision(
  db: Db,
  id: string,
): Promise<{ event: Event; revision: number } | null> {
  const row = await db
    .selectFrom("events")
    .select(["body", "revision"])
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? { event: parseBody(row.body), revision: row.revision } : null;
}
