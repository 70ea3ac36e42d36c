import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { addUser, createToken } from "../src/app/accounts.js";
import { buildServices } from "../src/app/appServices.js";
import { signIn } from "../src/app/authentication.js";
import { parseProposalRequest, propose, publishProposal } from "../src/app/proposals.js";
import { operator } from "../src/domain/account.js";
import { loadBundledDatasetIfEmpty } from "../src/import/bundledDataset.js";
import { SearchService } from "../src/search/searchService.js";
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
  // Accounts, a token, a session, a failed sign-in, a published proposal and their audit entries.
  const services = buildServices({ db, search: new SearchService(db) }, () => "http://localhost:8080");
  const password = "correct horse battery staple";
  for (const [email, role] of [
    ["ada@example.org", "contributor"],
    ["eve@example.org", "editor"],
  ] as const)
    await addUser(services, operator("cli:test"), { email, role, password });
  await createToken(services, operator("cli:test"), "ada@example.org", "laptop");
  const ada = (await signIn(services, { email: "ada@example.org", password }, "192.0.2.1")).actor;
  const eve = (await signIn(services, { email: "eve@example.org", password }, "192.0.2.2")).actor;
  await signIn(services, { email: "eve@example.org", password: "wrong guess!!" }, "192.0.2.3").catch(
    () => undefined,
  );
  const made = await propose(
    services,
    ada,
    parseProposalRequest({
      eventId: first.id,
      patch: { tags: ["reviewed"] },
      baseRevision: 2,
      note: "a tag",
    }),
  );
  await publishProposal(services, eve, made.id, { note: "ok" });
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
      assert.equal(original.event_revisions?.length, 49);
      assert.equal(original.event_changes?.length, 49);
      for (const table of ["users", "api_tokens", "sessions", "sign_in_failures", "proposals", "audit_log"])
        assert.ok((original[table]?.length ?? 0) > 0, table);
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
      assert.ok((grown.event_changes?.length ?? 0) > 49);
      assert.deepEqual(grown.event_changes?.slice(0, 49), original.event_changes);
    });
  });
});
