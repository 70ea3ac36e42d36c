import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Event } from "../domain/event.js";
import { type Database, openDatabase } from "../storage/database.js";
import { lockForWriting, writeEvents } from "../storage/repos/eventRepo.js";
import { SearchService } from "./searchService.js";

/** An event whose title holds a word found in no other. */
function eventWithWord(word: string, day: string): Event {
  return Event.parse({
    id: `apart-${word}`,
    title: { en: `Rules on ${word} adopted`, zh: "人工智能安全治理框架" },
    date: { start: day },
    jurisdictions: ["EU"],
  });
}

async function write(db: Database, events: Event[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockForWriting(trx);
    await writeEvents(trx, events, "test", new Date().toISOString());
  });
}

/** Events 0 … n-1, each with its own word (`wordN`), a day apart. */
function numberedEvents(n: number): Event[] {
  return Array.from({ length: n }, (_, i) =>
    eventWithWord(`word${i}`, new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10)),
  );
}

async function hits(search: SearchService, q: string): Promise<number> {
  return (await search.search({ q, filter: {}, limit: 5 })).total;
}

describe("a build apart from the server (a process of its own, then its snapshot loaded)", () => {
  const dir = mkdtempSync(join(tmpdir(), "aigov-build-apart-"));
  const location = { kind: "sqlite" as const, path: join(dir, "events.db") };
  const snapshotPath = `${location.path}.search-index`;
  let db: Database;
  before(async () => {
    db = await openDatabase(location);
    await write(db, numberedEvents(60));
  });
  after(async () => {
    await db.destroy();
  });

  it(
    "indexes every event, through the snapshot it leaves, and then follows writes",
    { timeout: 60_000 },
    async () => {
      const told: string[] = [];
      const search = new SearchService(db, {
        snapshotPath,
        location,
        separateBuildFrom: 1,
        onIndexed: (how, events) => told.push(`${how} ${events}`),
      });
      assert.equal(await hits(search, "word17"), 1);
      assert.equal(await hits(search, "人工智能安全治理框架"), 60);
      assert.deepEqual(told, ["built 60"]);
      // Built here, an index of 60 events would have no snapshot (below SNAPSHOT_THRESHOLD): the file is
      // the separate process's, and the index answering is the one loaded from it.
      assert.ok(existsSync(snapshotPath));

      await write(db, [eventWithWord("quokkaprobe", "2026-11-20")]);
      await search.refresh();
      await search.settled();
      assert.equal(await hits(search, "quokkaprobe"), 1);
      assert.equal(await hits(search, "人工智能安全治理框架"), 61);
    },
  );

  it("is loaded at the next start, with the changes logged since it was built", async () => {
    await write(db, [eventWithWord("wombatprobe", "2026-11-21")]);
    const told: string[] = [];
    const search = new SearchService(db, {
      snapshotPath,
      location,
      separateBuildFrom: 1,
      onIndexed: (how, events) => told.push(`${how} ${events}`),
    });
    assert.equal(await hits(search, "wombatprobe"), 1);
    assert.equal(await hits(search, "quokkaprobe"), 1);
    assert.deepEqual(told, ["loaded 62"]);
  });

  it("falls back to building in this process when the other cannot save a snapshot", async () => {
    // A snapshot path under a plain file: no folder can be made there, so no snapshot is ever written.
    const blocker = join(dir, "not-a-folder");
    writeFileSync(blocker, "");
    const told: string[] = [];
    const warnings: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) =>
      warnings.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const search = new SearchService(db, {
        snapshotPath: join(blocker, "events.db.search-index"),
        location,
        separateBuildFrom: 1,
        onIndexed: (how, events) => told.push(`${how} ${events}`),
      });
      assert.equal(await hits(search, "wombatprobe"), 1);
    } finally {
      process.stderr.write = write;
    }
    assert.deepEqual(told, ["built 62"]);
    assert.match(warnings.join(""), /could not be built in a process of its own/);
  });
});
