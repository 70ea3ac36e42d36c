import assert from "node:assert/strict";
import SQLite from "better-sqlite3";
import { after, before, describe, it } from "node:test";
import { addUser, createToken } from "../src/app/accounts.js";
import { buildServices } from "../src/app/appServices.js";
import { parseProposalRequest, propose, publishProposal } from "../src/app/proposals.js";
import { type Actor, operator } from "../src/domain/account.js";
import { loadBundledDatasetIfEmpty } from "../src/import/bundledDataset.js";
import { SearchService } from "../src/search/searchService.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { listEvents } from "../src/storage/repos/eventRepo.js";
import { startServe } from "./serveProcess.js";
import { DIALECTS, type TestDatabase } from "./testDatabases.js";

// "A server killed in the middle of a publish leaves the revision either whole or absent": `aigov serve`
// publishes proposals through the API, several at once, and is killed with SIGKILL while they are under
// way. Each proposal must then be either published with its revision, change-log entry and audit entry
// all there, or pending with none of them; and what stayed pending can be published afterwards.

const PROPOSALS = 12;
const password = "correct horse battery staple";

/** Whether every trace of each proposal agrees: all of a publication, or none of it. */
async function checkWholeOrAbsent(db: Database): Promise<{ published: number; pending: number[] }> {
  const proposals = await db.selectFrom("proposals").selectAll().where("kind", "=", "change").execute();
  const pending: number[] = [];
  let published = 0;
  for (const proposal of proposals) {
    const revisions = await db
      .selectFrom("event_revisions")
      .selectAll()
      .where("proposal_id", "=", proposal.id)
      .execute();
    const audit = await db
      .selectFrom("audit_log")
      .select("seq")
      .where("action", "=", "proposal-published")
      .where("subject", "=", `proposal ${proposal.id}`)
      .execute();
    const stored = await db
      .selectFrom("events")
      .select(["revision", "body"])
      .where("id", "=", proposal.event_id)
      .executeTakeFirstOrThrow();
    if (proposal.status === "pending") {
      assert.equal(revisions.length, 0, `pending proposal ${proposal.id} has a revision`);
      assert.equal(audit.length, 0, `pending proposal ${proposal.id} has an audit entry`);
      assert.equal(stored.revision, proposal.base_revision, `event of pending proposal ${proposal.id} moved`);
      pending.push(Number(proposal.id));
      continue;
    }
    assert.equal(proposal.status, "published");
    published++;
    assert.equal(revisions.length, 1, `published proposal ${proposal.id} has ${revisions.length} revisions`);
    const revision = revisions[0] as (typeof revisions)[number];
    assert.equal(proposal.revision, revision.revision);
    assert.equal(audit.length, 1);
    assert.equal(stored.revision, revision.revision);
    assert.equal(stored.body, revision.body);
  }
  // Every revision wrote its entry of the change log, in the same transaction.
  const count = async (table: "event_revisions" | "event_changes") =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as("n"))
          .executeTakeFirstOrThrow()
      ).n,
    );
  assert.equal(await count("event_changes"), await count("event_revisions"));
  return { published, pending };
}

for (const dialect of DIALECTS) {
  describe(`kill -9 a server while it publishes (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: TestDatabase;
    let editorToken = "";
    let ids: number[] = [];

    before(async () => {
      store = await dialect.create();
      const db = await openDatabase(store.location);
      await loadBundledDatasetIfEmpty(db);
      const services = buildServices({ db, search: new SearchService(db) }, () => "http://localhost:8080");
      const admin = operator("cli:test");
      await addUser(services, admin, { email: "ada@example.org", role: "contributor", password });
      await addUser(services, admin, { email: "eve@example.org", role: "editor", password });
      editorToken = (await createToken(services, admin, "eve@example.org")).token;
      const ada = await db
        .selectFrom("users")
        .selectAll()
        .where("email", "=", "ada@example.org")
        .executeTakeFirstOrThrow();
      const contributor: Actor = {
        kind: "account",
        userId: ada.id,
        email: ada.email,
        name: ada.name,
        role: "contributor",
        via: "token",
        address: null,
      };
      const events = await listEvents(db, {}, { limit: PROPOSALS });
      ids = [];
      for (const event of events) {
        const request = parseProposalRequest({
          eventId: event.id,
          patch: { tags: [...event.tags, "reviewed"] },
          baseRevision: 1,
          note: "checked against the source",
        });
        ids.push((await propose(services, contributor, request)).id);
      }
      await db.destroy();
    });
    after(() => store.drop());

    it("leaves each publication whole or absent, and the rest can be published after", async () => {
      const server = await startServe(store.arg);
      const publish = (id: number) =>
        fetch(`${server.url}/api/proposals/${id}/publish`, {
          method: "POST",
          headers: { authorization: `Bearer ${editorToken}`, "content-type": "application/json" },
          body: JSON.stringify({ note: "verified" }),
        });
      let answered = 0;
      const requests = ids.map((id) =>
        publish(id).then(
          (response) => {
            if (response.status === 200) answered++;
            // Killed once the first few are through, while the others are in flight.
            if (answered === 3) server.child.kill("SIGKILL");
            return response.status;
          },
          () => "cut off",
        ),
      );
      const outcomes = await Promise.all(requests);
      await server.stop();
      assert.ok(outcomes.includes("cut off"), `the server was killed too late: ${outcomes.join(" ")}`);

      if (store.location.kind === "sqlite") {
        const handle = new SQLite(store.location.path);
        assert.equal(handle.pragma("integrity_check", { simple: true }), "ok");
        handle.close();
      }
      const db = await openDatabase(store.location);
      try {
        const { published, pending } = await checkWholeOrAbsent(db);
        assert.ok(published >= 3, `published ${published}`);
        assert.ok(pending.length > 0, "every proposal was published before the kill");
        // What was left is published afterwards as if nothing had happened (in process: what is tested
        // here is the database the killed server left, not another start).
        const services = buildServices({ db, search: new SearchService(db) }, () => "http://localhost:8080");
        const eve = await db
          .selectFrom("users")
          .selectAll()
          .where("email", "=", "eve@example.org")
          .executeTakeFirstOrThrow();
        const editor: Actor = {
          kind: "account",
          userId: eve.id,
          email: eve.email,
          name: eve.name,
          role: "editor",
          via: "token",
          address: null,
        };
        for (const id of pending)
          assert.equal((await publishProposal(services, editor, id)).status, "published");
        const final = await checkWholeOrAbsent(db);
        assert.deepEqual(final, { published: PROPOSALS, pending: [] });
      } finally {
        await db.destroy();
      }
    });
  });
}
