import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { addUser } from "../src/app/accounts.js";
import { type AppServices, buildServices } from "../src/app/appServices.js";
import { AppError } from "../src/app/appError.js";
import { auditEntries } from "../src/app/audit.js";
import { actorFromAuthorization } from "../src/app/authentication.js";
import { eventAsOf, eventDiff, eventRevisions } from "../src/app/history.js";
import {
  parseProposalRequest,
  proposalDetail,
  propose,
  proposeEvents,
  publishProposal,
  rejectProposal,
  suggestCorrection,
} from "../src/app/proposals.js";
import { searchEvents } from "../src/app/searchEvents.js";
import { EventsQuery } from "../src/app/eventsQuery.js";
import { type Actor, anonymous, operator } from "../src/domain/account.js";
import { Event } from "../src/domain/event.js";
import { SearchService } from "../src/search/searchService.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { writeEvents } from "../src/storage/repos/eventWriteRepo.js";
import { inTransaction } from "../src/storage/transaction.js";
import { DIALECTS, type TestDatabase } from "./testDatabases.js";

// The use cases of editing and review on both dialects, at known moments: who may do what, what a
// publication writes, what a conflict refuses, and what the archive said at any moment.

const event = (id: string, en: string, start = "2025-03-01") =>
  Event.parse({ id, title: { en }, date: { start }, jurisdictions: ["EU"], tags: ["gpai"] });

/** An actor as a token of the account would make it. */
async function accountActor(services: AppServices, email: string, role: string): Promise<Actor> {
  await addUser(services, operator(null), { email, role, password: "correct horse battery staple" });
  const row = await services.db
    .selectFrom("users")
    .selectAll()
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  return {
    kind: "account",
    userId: row.id,
    email,
    name: row.name,
    role: row.role as never,
    via: "token",
    address: "192.0.2.1",
  };
}

const rejects = (kind: string) => (error: unknown) => error instanceof AppError && error.kind === kind;

for (const dialect of DIALECTS) {
  describe(`editing and review (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: TestDatabase;
    let db: Database;
    let services: AppServices;
    let clock = new Date("2026-01-01T00:00:00.000Z");
    const at = (iso: string) => (clock = new Date(iso));
    let contributor: Actor;
    let editor: Actor;
    let editor2: Actor;

    before(async () => {
      store = await dialect.create();
      db = await openDatabase(store.location);
      const search = new SearchService(db);
      services = buildServices({ db, search, clock: () => clock }, () => "http://localhost:8080");
      // The archive's first state, written by an import at a known moment.
      await inTransaction(db, (trx) =>
        writeEvents(
          trx,
          [event("act", "AI Act adopted"), event("code", "Code of practice")],
          "file.json",
          "2026-01-01T00:00:00.000Z",
        ),
      );
      contributor = await accountActor(services, "ada@example.org", "contributor");
      editor = await accountActor(services, "eve@example.org", "editor");
      editor2 = await accountActor(services, "ed@example.org", "editor");
    });
    after(async () => {
      await db.destroy();
      await store.drop();
    });

    it("refuses proposals from nobody and reviews from a contributor", async () => {
      const request = parseProposalRequest({
        eventId: "act",
        patch: { title: { en: "x" } },
        baseRevision: 1,
        note: "n",
      });
      await assert.rejects(propose(services, anonymous(null), request), rejects("unauthenticated"));
      const made = await propose(services, contributor, request);
      await assert.rejects(publishProposal(services, contributor, made.id), rejects("forbidden"));
      await rejectProposal(services, editor, made.id, { note: "not needed" });
      assert.equal((await proposalDetail(services, made.id)).status, "rejected");
    });

    it("names the bad field of a proposal", () => {
      assert.throws(
        () =>
          parseProposalRequest({
            event: { id: "new", title: { en: "t" }, date: { start: "2025-13-01" } },
            note: "n",
          }),
        (error: unknown) =>
          error instanceof AppError && error.issues.some((issue) => issue.parameter.startsWith("event.date")),
      );
      assert.throws(
        () => parseProposalRequest({ eventId: "act", patch: { colour: "red" }, baseRevision: 1, note: "n" }),
        (error: unknown) => error instanceof AppError && /colour/.test(error.message),
      );
      assert.throws(
        () => parseProposalRequest({ eventId: "act", patch: { title: { en: "t" } }, baseRevision: 1 }),
        /note/,
      );
    });

    it("publishes a change as the next revision, by its author, with its note, at the moment of publishing", async () => {
      at("2026-02-01T00:00:00.000Z");
      const made = await propose(
        services,
        contributor,
        parseProposalRequest({
          eventId: "act",
          patch: { title: { en: "AI Act enters into force" } },
          baseRevision: 1,
          note: "official journal",
        }),
      );
      assert.equal(made.status, "pending");
      assert.deepEqual(made.changes, [
        { field: "title.en", before: "AI Act adopted", after: "AI Act enters into force" },
      ]);
      await assert.rejects(publishProposal(services, contributor, made.id), rejects("forbidden"));
      at("2026-02-02T00:00:00.000Z");
      const published = await publishProposal(services, editor, made.id, { note: "checked" });
      assert.equal(published.status, "published");
      assert.equal(published.revision, 2);
      assert.equal(published.decidedBy, "eve");
      const revisions = await eventRevisions(services, "act");
      assert.deepEqual(
        revisions.map((r) => [r.revision, r.at, r.by, r.publishedBy, r.note, r.proposal]),
        [
          [1, "2026-01-01T00:00:00.000Z", null, null, null, null],
          [2, "2026-02-02T00:00:00.000Z", "ada", "eve", "official journal", made.id],
        ],
      );
      assert.deepEqual(
        (await eventDiff(services, "act", 1, 2)).changes.map((c) => c.field),
        ["title.en"],
      );
    });

    it("of two editors publishing against the same revision, one wins and the other gets 409 with the difference", async () => {
      const patch = (en: string) =>
        parseProposalRequest({ eventId: "code", patch: { title: { en } }, baseRevision: 1, note: en });
      const first = await propose(services, contributor, patch("Code of practice published"));
      const second = await propose(services, contributor, patch("Code of practice signed"));
      const outcomes = await Promise.allSettled([
        publishProposal(services, editor, first.id),
        publishProposal(services, editor2, second.id),
      ]);
      assert.deepEqual(outcomes.map((o) => o.status).sort(), ["fulfilled", "rejected"]);
      const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
      assert.ok(
        refused.reason instanceof AppError && refused.reason.kind === "conflict",
        String(refused.reason),
      );
      assert.equal(refused.reason.extensions?.currentRevision, 2);
      assert.equal((await eventRevisions(services, "code")).length, 2);
      // A proposal against the old revision is refused at once now, too.
      await assert.rejects(propose(services, contributor, patch("late")), rejects("conflict"));
    });

    it("adds and removes events, and keeps the history of a removed one", async () => {
      at("2026-03-01T00:00:00.000Z");
      const added = await propose(
        services,
        contributor,
        parseProposalRequest({
          event: { id: "summit", title: { en: "Paris summit" }, date: { start: "2025-02-10" } },
          note: "new",
        }),
      );
      at("2026-03-02T00:00:00.000Z");
      await publishProposal(services, editor, added.id);
      const removal = await propose(
        services,
        contributor,
        parseProposalRequest({ eventId: "summit", remove: true, baseRevision: 1, note: "duplicate" }),
      );
      at("2026-03-03T00:00:00.000Z");
      assert.equal((await publishProposal(services, editor, removal.id)).revision, 2);
      await assert.rejects(eventAsOf(services, "summit", "2026-03-04T00:00:00.000Z"), rejects("not-found"));
      assert.equal(
        (await eventAsOf(services, "summit", "2026-03-02T12:00:00.000Z")).event.title.en,
        "Paris summit",
      );
      await assert.rejects(eventAsOf(services, "summit", "2026-03-01T23:59:59.999Z"), rejects("not-found"));
      assert.deepEqual(
        (await eventRevisions(services, "summit")).map((r) => r.removed),
        [false, true],
      );
    });

    it("answers searches, filters and facets as the archive was at a moment", async () => {
      await services.search.settled();
      const query = (q: Record<string, unknown>) => EventsQuery.parse(q);
      const then = await searchEvents(services, query({ asOf: "2026-01-15T00:00:00Z", q: "adopted" }));
      assert.equal(then.outcome.total, 1);
      assert.equal(then.outcome.hits[0]?.event.title.en, "AI Act adopted");
      const now = await searchEvents(services, query({ q: "adopted" }));
      assert.equal(now.outcome.total, 0);
      const withSummit = await searchEvents(services, query({ asOf: "2026-03-02T12:00:00Z" }));
      assert.equal(withSummit.outcome.total, 3);
      assert.equal(withSummit.outcome.facets?.year["2025"], 3);
      const before = await searchEvents(services, query({ asOf: "2025-12-31T00:00:00Z" }));
      assert.equal(before.outcome.total, 0);
    });

    it("takes anyone's suggestion into the queue, a few an hour per address", async () => {
      const visitor = anonymous("198.51.100.7");
      for (let i = 0; i < 5; i++) {
        const made = await suggestCorrection(services, visitor, "act", {
          note: `typo ${i}`,
          sourceUrl: "https://eur-lex.europa.eu/",
        });
        assert.equal(made.kind, "suggestion");
        assert.equal(made.author, "anonymous");
      }
      await assert.rejects(
        suggestCorrection(services, visitor, "act", { note: "one more" }),
        rejects("too-many-requests"),
      );
      await assert.rejects(
        suggestCorrection(services, visitor, "act", { note: "x", sourceUrl: "javascript:alert(1)" }),
        rejects("invalid-request"),
      );
    });

    it("turns imported events into proposals and writes nothing until published", async () => {
      const revisionsBefore = await db.selectFrom("event_revisions").select("event_id").execute();
      const [made] = await proposeEvents(services, operator("cli:test"), [
        {
          events: [event("new-one", "New"), (await eventAsOf(services, "act", "2026-12-01T00:00:00Z")).event],
          note: "import of file.json",
        },
      ]);
      const { proposed, unchanged } = made ?? { proposed: [], unchanged: -1 };
      assert.equal(proposed.length, 1);
      assert.equal(unchanged, 1);
      assert.equal(
        (await db.selectFrom("event_revisions").select("event_id").execute()).length,
        revisionsBefore.length,
      );
    });

    it("logs every action with who and from where", async () => {
      const { entries } = await auditEntries(services, operator(null), { limit: 500 });
      const actions = new Set(entries.map((e) => e.action));
      for (const action of ["user-added", "proposal-made", "proposal-published", "proposal-rejected"])
        assert.ok(actions.has(action as never), action);
      assert.ok(entries.some((e) => e.actor === "eve@example.org" && e.address === "192.0.2.1"));
      await assert.rejects(auditEntries(services, editor, { limit: 10 }), rejects("forbidden"));
    });

    it("refuses a malformed or unknown token", async () => {
      await assert.rejects(actorFromAuthorization(services, "Basic abc", null), rejects("unauthenticated"));
      await assert.rejects(
        actorFromAuthorization(services, "Bearer aigov_nope", null),
        rejects("unauthenticated"),
      );
      assert.equal((await actorFromAuthorization(services, undefined, null)).kind, "anonymous");
    });
  });
}
