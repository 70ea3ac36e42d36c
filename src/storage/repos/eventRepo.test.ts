import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Event, type EventInput } from "../../domain/event.js";
import { DIALECTS, type TestDatabase } from "../../../test/testDatabases.js";
import { type Database, openDatabase } from "../database.js";
import {
  countEvents,
  findEvent,
  listEvents,
  listRevisions,
  readChangedIds,
  readChangeSeq,
  writeEvent,
  writeEvents,
} from "./eventRepo.js";

const makeEvent = (overrides: Partial<EventInput> & { id: string }): Event =>
  Event.parse({ title: { en: overrides.id }, date: { start: "2025-01-01" }, ...overrides });

for (const dialect of DIALECTS)
  describe(`eventRepo (${dialect.name}, real migrations)`, { skip: dialect.skip }, () => {
    let db: Database;
    let store: TestDatabase;
    before(async () => {
      store = await dialect.create();
      db = await openDatabase(store.location);
      const now = "2025-01-01T00:00:00Z";
      for (const event of [
        makeEvent({
          id: "span",
          date: { start: "2025-01-30", end: "2025-02-02" },
          jurisdictions: ["EU"],
          tags: ["a", "b"],
        }),
        makeEvent({
          id: "ca",
          date: { start: "2025-09" },
          jurisdictions: ["US-CA"],
          type: "law",
          tags: ["a"],
        }),
        makeEvent({
          id: "us",
          date: { start: "2025-12-11" },
          jurisdictions: ["US"],
          type: "executive_order",
        }),
      ])
        await writeEvent(db, event, "test", now);
    });
    after(async () => {
      await db.destroy();
      await store.drop();
    });

    const ids = async (filter: Parameters<typeof listEvents>[1]) =>
      (await listEvents(db, filter)).map((e) => e.id);

    it("lists oldest first", async () => assert.deepEqual(await ids({}), ["span", "ca", "us"]));
    it("finds a span that overlaps the range", async () => {
      assert.deepEqual(await ids({ from: "2025-02" }), ["span", "ca", "us"]);
      assert.deepEqual(await ids({ from: "2025-02-03", to: "2025-09-30" }), ["ca"]);
      assert.deepEqual(await ids({ to: "2025-01" }), ["span"]);
    });
    it("finds subdivisions under their country", async () =>
      assert.deepEqual(await ids({ jurisdictions: ["US"] }), ["ca", "us"]));
    it("combines filters; several tags must all match", async () => {
      assert.deepEqual(await ids({ tags: ["a", "b"] }), ["span"]);
      assert.deepEqual(await ids({ tags: ["a"], types: ["law"] }), ["ca"]);
      assert.equal(await countEvents(db, { jurisdictions: ["EU"] }), 1);
    });
    it("keeps every version of an edited event and skips unchanged writes", async () => {
      const now = "2025-02-01T00:00:00Z";
      const original = (await findEvent(db, "us")) as Event;
      assert.equal(await writeEvent(db, original, "again", now), "unchanged");
      assert.equal(await writeEvent(db, { ...original, tags: ["edited"] }, "edit", now), "updated");
      const revisions = await listRevisions(db, "us");
      assert.deepEqual(
        revisions.map((r) => [r.revision, r.origin, r.event.tags]),
        [
          [1, "test", []],
          [2, "edit", ["edited"]],
        ],
      );
    });
    it("writes a batch that names an event twice as two versions, and logs every write", async () => {
      const before = await readChangeSeq(db);
      const first = makeEvent({ id: "twice", tags: ["one"], jurisdictions: ["EU"] });
      const second = makeEvent({ id: "twice", tags: ["two"], jurisdictions: ["EU"] });
      const outcomes = await db
        .transaction()
        .execute((trx) =>
          writeEvents(trx, [first, makeEvent({ id: "other" }), second], "batch", "2025-03-01"),
        );
      assert.deepEqual(outcomes, ["added", "added", "updated"]);
      assert.deepEqual((await findEvent(db, "twice"))?.tags, ["two"]);
      assert.equal((await listRevisions(db, "twice")).length, 2);
      const after = await readChangeSeq(db);
      assert.equal(after - before, 3);
      assert.deepEqual((await readChangedIds(db, before, after, 10))?.sort(), ["other", "twice"]);
      assert.equal(await readChangedIds(db, before, after, 1), null);
    });
  });
