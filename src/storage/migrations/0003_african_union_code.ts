import type { Kysely } from "kysely";

/**
 * `AU` is Australia in ISO 3166-1; until this migration the bundled data used it for the African Union.
 * The African Union becomes `AFRICANUNION` (a body code no one can read as a country). Events are
 * rewritten only where `AU` meant the African Union: the bundled event below, or an event at regional or
 * international level whose text names the African Union (an import of the seed chronicle made before
 * this change). A national `AU` event is Australia and stays. Each rewrite is a new revision, so the
 * history keeps what the event said before.
 */
const BUNDLED_AFRICAN_UNION_EVENTS = new Set(["2025-african-union-continental-ai-strategy"]);
const NAMES_THE_AFRICAN_UNION = /African Union|非洲联盟|非盟/;
const ORIGIN = "migration 0003: African Union code AU → AFRICANUNION";

interface StoredEvent {
  jurisdictions?: string[];
  level?: string | null;
  title?: { zh?: string; en?: string };
  summary?: { zh?: string; en?: string };
}

function meantAfricanUnion(id: string, event: StoredEvent): boolean {
  if (BUNDLED_AFRICAN_UNION_EVENTS.has(id)) return true;
  if (event.level !== "regional" && event.level !== "international") return false;
  const text = [event.title?.zh, event.title?.en, event.summary?.zh, event.summary?.en].join(" ");
  return NAMES_THE_AFRICAN_UNION.test(text);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const now = new Date().toISOString();
  const rows = (await db
    .selectFrom("events")
    .select(["id", "body", "revision"])
    .where("id", "in", db.selectFrom("event_jurisdictions").select("event_id").where("code", "=", "AU"))
    .execute()) as { id: string; body: string; revision: number }[];
  let changed = 0;
  for (const row of rows) {
    const event = JSON.parse(row.body) as StoredEvent;
    if (!meantAfricanUnion(row.id, event)) continue;
    const jurisdictions = [
      ...new Set((event.jurisdictions ?? []).map((code) => (code === "AU" ? "AFRICANUNION" : code))),
    ];
    // Same key order as before (JSON.parse keeps it): the body stays in the canonical shape.
    const body = JSON.stringify({ ...event, jurisdictions });
    const revision = row.revision + 1;
    await db
      .updateTable("events")
      .set({ body, revision, updated_at: now })
      .where("id", "=", row.id)
      .execute();
    await db.deleteFrom("event_jurisdictions").where("event_id", "=", row.id).execute();
    await db
      .insertInto("event_jurisdictions")
      .values(jurisdictions.map((code) => ({ event_id: row.id, code })))
      .execute();
    await db
      .insertInto("event_revisions")
      .values({ event_id: row.id, revision, body, changed_at: now, origin: ORIGIN })
      .execute();
    changed++;
  }
  // The gazetteer row that named AU "African Union" moves to the new code (Australia comes from the bundle).
  const body = await db
    .selectFrom("jurisdictions")
    .select("code")
    .where("code", "=", "AFRICANUNION")
    .executeTakeFirst();
  if (body)
    await db.deleteFrom("jurisdictions").where("code", "=", "AU").where("kind", "=", "body").execute();
  else
    await db
      .updateTable("jurisdictions")
      .set({ code: "AFRICANUNION" })
      .where("code", "=", "AU")
      .where("kind", "=", "body")
      .execute();
  // A server running on this database rebuilds its search index when the version moves.
  if (changed)
    await db
      .updateTable("data_version")
      .set((eb) => ({ version: eb("version", "+", 1) }))
      .where("id", "=", 1)
      .execute();
}
