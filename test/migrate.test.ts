import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { loadBundledDatasetIfEmpty } from "../src/import/bundledDataset.js";
import { openDatabase } from "../src/storage/database.js";
import { listEvents, writeEvent } from "../src/storage/repos/eventRepo.js";
import { ROOT, runCli, tempDir } from "./runCli.js";
import { createPostgresDatabase, DIALECTS, type TestDatabase } from "./testDatabases.js";
import { dumpDatabase } from "./databaseDump.js";

/** A SQLite archive with events, revisions, documents, jurisdictions and a moved data version. */
async function makeSource(): Promise<string> {
  const path = join(tempDir(), "source.db");
  const db = await openDatabase({ kind: "sqlite", path });
  await loadBundledDatasetIfEmpty(db);
  // An edited event: its history has two revisions to carry over.
  const [first] = await listEvents(db, {}, { limit: 1 });
  assert.ok(first);
  await writeEvent(db, { ...first, tags: [...first.tags, "edited"] }, "an editor", "2026-01-01T00:00:00Z");
  await db.destroy();
  return path;
}

describe("aigov migrate", () => {
  it("copies SQLite to SQLite identically and refuses a target that holds data", async () => {
    const source = await makeSource();
    const target = join(tempDir(), "copy.db");
    const copied = await runCli(["migrate", source, target]);
    assert.equal(copied.code, 0, copied.stderr);
    assert.match(copied.stdout, /^copied \d+ events, \d+ revisions, \d+ documents, \d+ jurisdictions from /);
    assert.deepEqual(
      await dumpDatabase({ kind: "sqlite", path: target }),
      await dumpDatabase({ kind: "sqlite", path: source }),
    );
    const again = await runCli(["migrate", source, target]);
    assert.equal(again.code, 1);
    assert.match(
      again.stderr,
      /^error: .*copy\.db already holds data; aigov migrate copies into an empty database only\n$/,
    );
  });

  describe("SQLite → PostgreSQL → SQLite", { skip: DIALECTS[1]?.skip ?? false }, () => {
    let middle: TestDatabase;
    before(async () => {
      middle = await createPostgresDatabase();
    });
    after(() => middle.drop());

    it("round-trips every table, row and field", async () => {
      const source = await makeSource();
      const back = join(tempDir(), "back.db");
      const there = await runCli(["migrate", source, middle.arg]);
      assert.equal(there.code, 0, there.stderr);
      const original = await dumpDatabase({ kind: "sqlite", path: source });
      assert.equal(original.events?.length, 47);
      assert.equal(original.event_revisions?.length, 48);
      assert.equal(original.event_changes?.length, 48);
      assert.ok((original.documents?.length ?? 0) > 0 && (original.jurisdictions?.length ?? 0) > 0);
      assert.deepEqual(await dumpDatabase(middle.location), original);
      const home = await runCli(["migrate", middle.arg, back]);
      assert.equal(home.code, 0, home.stderr);
      assert.deepEqual(await dumpDatabase({ kind: "sqlite", path: back }), original);
      const refused = await runCli(["migrate", back, middle.arg]);
      assert.equal(refused.code, 1);
      assert.match(refused.stderr, /already holds data/);
      // Writing goes on where the copied change log ends, on either side.
      for (const target of [middle.arg, back]) {
        const more = await runCli([
          "import",
          join(ROOT, "test/fixtures/chronicle-2024-english.txt"),
          "--db",
          target,
        ]);
        assert.equal(more.code, 0, more.stderr);
      }
      const grown = await dumpDatabase(middle.location);
      assert.ok((grown.event_changes?.length ?? 0) > 48);
      assert.deepEqual(grown.event_changes?.slice(0, 48), original.event_changes);
    });
  });
});
