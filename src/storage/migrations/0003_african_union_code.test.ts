import assert from "node:assert/strict";
import { describe, it } from "node:test";
import SQLite from "better-sqlite3";
import { Kysely, Migrator, SqliteDialect } from "kysely";
import { Event, type EventInput } from "../../domain/event.js";
import { dateBounds } from "../../domain/partialDate.js";
import { listEvents, listRevisions, readDataVersion } from "../repos/eventRepo.js";
import { listJurisdictions, writeJurisdictions } from "../repos/jurisdictionRepo.js";
import type { Tables } from "../schema.js";
import { migrationProvider } from "./index.js";

/**
 * Writes an event as aigov did at schema 0002 (the change log came with 0005): the event row, its
 * jurisdictions and its first revision.
 */
async function writeEventAt0002(
  db: Kysely<Tables>,
  event: Event,
  origin: string,
  now: string,
): Promise<void> {
  const body = JSON.stringify(event);
  const { first } = dateBounds(event.date.start);
  const { last } = dateBounds(event.date.end ?? event.date.start);
  await db
    .insertInto("events")
    .values({
      id: event.id,
      seq: event.seq,
      document: event.document,
      date_start: event.date.start,
      date_end: event.date.end,
      date_precision: event.date.precision,
      first_day: first,
      last_day: last,
      level: event.level,
      type: event.type,
      bindingness: event.bindingness,
      title_zh: event.title.zh ?? null,
      title_en: event.title.en ?? null,
      body,
      revision: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  for (const code of event.jurisdictions)
    await db.insertInto("event_jurisdictions").values({ event_id: event.id, code }).execute();
  await db
    .insertInto("event_revisions")
    .values({ event_id: event.id, revision: 1, body, changed_at: now, origin })
    .execute();
  await db
    .updateTable("data_version")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .execute();
}

const makeEvent = (overrides: Partial<EventInput> & { id: string }): Event =>
  Event.parse({ title: { en: overrides.id }, date: { start: "2025-04" }, ...overrides });

describe("migration 0003 (African Union code)", () => {
  it("moves the African Union's events from AU to AFRICANUNION, leaves Australia's, and keeps history", async () => {
    const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: new SQLite(":memory:") }) });
    const migrator = new Migrator({ db, provider: migrationProvider });
    assert.equal((await migrator.migrateTo("0002_data_version")).error, undefined);
    const now = "2025-06-01T00:00:00Z";
    await writeEventAt0002(
      db,
      makeEvent({
        id: "2025-african-union-continental-ai-strategy",
        jurisdictions: ["AU"],
        level: "regional",
      }),
      "bundled dataset",
      now,
    );
    await writeEventAt0002(
      db,
      makeEvent({
        id: "imported-au-summit",
        title: { zh: "非盟峰会讨论人工智能" },
        jurisdictions: ["AU", "EU"],
        level: "international",
      }),
      "seed.txt",
      now,
    );
    await writeEventAt0002(
      db,
      makeEvent({
        id: "australia-policy",
        title: { en: "Australia's AI policy" },
        jurisdictions: ["AU"],
        level: "national",
      }),
      "test",
      now,
    );
    await writeJurisdictions(db, [
      { code: "AU", kind: "body", name: { zh: "非洲联盟", en: "African Union" }, parent: null },
    ]);
    const versionBefore = await readDataVersion(db);

    assert.equal((await migrator.migrateToLatest()).error, undefined);

    const au = (await listEvents(db, { jurisdictions: ["AU"] })).map((e) => e.id);
    assert.deepEqual(au, ["australia-policy"]);
    const union = await listEvents(db, { jurisdictions: ["AFRICANUNION"] });
    assert.deepEqual(union.map((e) => e.id).sort(), [
      "2025-african-union-continental-ai-strategy",
      "imported-au-summit",
    ]);
    assert.deepEqual(union.find((e) => e.id === "imported-au-summit")?.jurisdictions, ["AFRICANUNION", "EU"]);
    const history = await listRevisions(db, "2025-african-union-continental-ai-strategy");
    assert.deepEqual(
      history.map((r) => r.event.jurisdictions),
      [["AU"], ["AFRICANUNION"]],
    );
    assert.match(history[1]?.origin ?? "", /migration 0003/);
    assert.deepEqual(
      (await listJurisdictions(db)).map((j) => j.code),
      ["AFRICANUNION"],
    );
    assert.ok((await readDataVersion(db)) > versionBefore, "the data version moves, as every write moves it");
    await db.destroy();
  });
});
