import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { Event, type EventInput } from "../../domain/event.js";
import { DIALECTS, type TestDatabase } from "../../../test/testDatabases.js";
import { type Database, openDatabase } from "../database.js";
import {
  countEvents,
  findEvent,
  findEventJson,
  streamEventJsonNewestFirst,
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
    it("reads stored events as their JSON bytes, in the order asked, skipping unknown ids", async () => {
      const found = await findEventJson(db, ["us", "nope", "span", "ca"]);
      assert.deepEqual(
        found.map((event) => event.id),
        ["us", "span", "ca"],
      );
      for (const { id, json } of found)
        assert.equal(json.toString("utf8"), JSON.stringify(await findEvent(db, id)), id);
      assert.deepEqual(await findEventJson(db, ["nope"]), []);
      assert.deepEqual(await findEventJson(db, []), []);
    });
    it("streams every event's JSON newest first, in batches", async () => {
      const batches: Buffer[][] = [];
      for await (const batch of streamEventJsonNewestFirst(db, 2)) batches.push(batch);
      assert.ok(batches.every((batch) => batch.length > 0 && batch.length <= 2));
      const streamed = batches.flat().map((json) => JSON.parse(json.toString("utf8")) as Event);
      const stored = await listEvents(db);
      assert.deepEqual(
        streamed.map((event) => event.id),
        stored.map((event) => event.id).reverse(),
      );
      assert.deepEqual(streamed, stored.reverse());
    });
  });

describe("findEventJson on SQLite", () => {
  const event = makeEvent({ id: "kept", title: { zh: "欧盟《人工智能法》", en: "EU AI Act" } });

  it("reads what is committed, never a write still in progress on the main connection", async () => {
    const store = await DIALECTS[0]!.create();
    const db = await openDatabase(store.location);
    try {
      await writeEvent(db, event, "test", "2025-01-01");
      await db.transaction().execute(async (trx) => {
        await writeEvent(trx, makeEvent({ id: "pending" }), "test", "2025-01-01");
        // The page read beside the open transaction: its own connection sees the last commit only.
        assert.deepEqual(
          (await findEventJson(db, ["kept", "pending"])).map((found) => found.id),
          ["kept"],
        );
      });
      assert.deepEqual(
        (await findEventJson(db, ["pending", "kept"])).map((found) => found.id),
        ["pending", "kept"],
      );
    } finally {
      await db.destroy();
      await store.drop();
    }
  });

  it("reads an in-memory database through its one connection", async () => {
    const db = await openDatabase({ kind: "sqlite", path: ":memory:" });
    try {
      await writeEvent(db, event, "test", "2025-01-01");
      const [found] = await findEventJson(db, ["kept"]);
      assert.equal(found?.json.toString("utf8"), JSON.stringify(event));
    } finally {
      await db.destroy();
    }
  });
});
