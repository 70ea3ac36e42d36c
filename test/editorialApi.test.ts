// Issue 26, points 3–5, through the API: who may write (a matrix of routes × callers), the review rule
// (nobody publishes their own proposal; a rejection says why), conflicts (one of two editors wins, the
// other gets 409 with the difference), the whole flow with tokens, and tokens and accounts that stop
// at once. On SQLite and PostgreSQL.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { disableUser, revokeApiToken } from "../src/app/accounts.js";
import { operator } from "../src/domain/account.js";
import { type EditorialApp, startEditorialApp } from "./editorialApiApp.js";
import { DIALECTS } from "./testDatabases.js";

const EVENT = "2025-us-eo-14179-removing-barriers";
const OTHER_EVENTS = ["2025-eu-gpai-code-of-practice", "2025-kr-ai-basic-act"];

interface Problem {
  status: number;
  detail: string;
  errors?: { parameter: string; message: string }[];
  currentRevision?: number | null;
  changes?: { field: string; before: unknown; after: unknown }[];
}
interface Proposal {
  id: number;
  status: string;
  author: string;
  revision: number | null;
  stale: boolean;
  decisionNote: string | null;
  changes: { field: string; before: unknown; after: unknown }[];
}

/** A new event of the smallest valid shape, with a title word found nowhere else. */
const newEvent = (id: string, word = id) => ({
  id,
  title: { en: `${word} rules adopted` },
  date: { start: "2026-11-20" },
  jurisdictions: ["NZ"],
});

for (const dialect of DIALECTS)
  describe(`the editorial API (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: EditorialApp;
    const tokens: Record<string, string> = {};
    const names: Record<string, string> = {};
    let revokedTokenId = "";

    /** The current revision of an event, read through the API. */
    async function currentRevision(id: string): Promise<number> {
      const response = await t.call("GET", `/api/events/${id}/revisions`);
      assert.equal(response.status, 200);
      const { revisions } = (await response.json()) as { revisions: { revision: number }[] };
      return revisions.at(-1)?.revision as number;
    }

    /** Files a proposal with a token and returns it (asserting the 201). */
    async function proposeAs(who: string, body: unknown): Promise<Proposal> {
      const response = await t.call("POST", "/api/proposals", { token: tokens[who], body });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as Proposal;
    }

    before(async () => {
      t = await startEditorialApp(dialect);
      for (const [name, role] of [
        ["contributor", "contributor"],
        ["contributor2", "contributor"],
        ["editor", "editor"],
        ["editor2", "editor"],
        ["admin", "admin"],
        ["disabled", "editor"],
        ["revoked", "admin"],
      ] as const) {
        const made = await t.account(name, role);
        tokens[name] = made.token;
        names[name] = made.name;
        if (name === "revoked") revokedTokenId = made.tokenId;
      }
      await disableUser(t.services, operator(null), "disabled@example.org");
      await revokeApiToken(t.services, operator(null), revokedTokenId);
    });
    after(() => t.stop());

    describe("who may write: every write route × every kind of caller", () => {
      const CALLERS = ["none", "bad", "revoked", "disabled", "contributor", "editor", "admin"] as const;
      /** What each caller gets from each route: the rules of contract.md, "Editors and review". */
      const EXPECTED: Record<string, Record<(typeof CALLERS)[number], number>> = {
        propose: {
          none: 401,
          bad: 401,
          revoked: 401,
          disabled: 401,
          contributor: 201,
          editor: 201,
          admin: 201,
        },
        publish: {
          none: 401,
          bad: 401,
          revoked: 401,
          disabled: 401,
          contributor: 403,
          editor: 200,
          admin: 200,
        },
        reject: {
          none: 401,
          bad: 401,
          revoked: 401,
          disabled: 401,
          contributor: 403,
          editor: 200,
          admin: 200,
        },
        audit: {
          none: 401,
          bad: 401,
          revoked: 401,
          disabled: 401,
          contributor: 403,
          editor: 403,
          admin: 200,
        },
        me: { none: 401, bad: 401, revoked: 401, disabled: 401, contributor: 200, editor: 200, admin: 200 },
      };
      /** No token, one nobody has, or the caller's own (the revoked and the disabled have theirs). */
      const tokenOf = (caller: (typeof CALLERS)[number]) =>
        caller === "none" ? undefined : caller === "bad" ? "aigov_not-a-token" : tokens[caller];

      for (const route of Object.keys(EXPECTED))
        for (const caller of CALLERS)
          it(`${route} by ${caller} → ${EXPECTED[route]?.[caller]}`, async () => {
            const token = tokenOf(caller);
            let response: Response;
            let pending: Proposal | undefined;
            if (route === "propose") {
              response = await t.call("POST", "/api/proposals", {
                token,
                body: { event: newEvent(`matrix-${caller}`), note: "a new event from the matrix" },
              });
            } else if (route === "publish" || route === "reject") {
              // A proposal of someone else's (the second contributor's), pending, for each caller.
              pending = await proposeAs("contributor2", {
                event: newEvent(`matrix-${route}-${caller}`),
                note: "to be decided",
              });
              response = await t.call("POST", `/api/proposals/${pending.id}/${route}`, {
                token,
                body: { note: `decided by ${caller}` },
              });
            } else {
              response = await t.call("GET", route === "audit" ? "/api/audit?limit=5" : "/api/me", { token });
            }
            const expected = EXPECTED[route]?.[caller] as number;
            assert.equal(response.status, expected, await response.clone().text());
            if (expected === 401) {
              const challenge = response.headers.get("www-authenticate") ?? "";
              assert.match(challenge, /^Bearer realm="aigov"/);
              assert.equal(/invalid_token/.test(challenge), token !== undefined, challenge);
            }
            if (expected >= 400) {
              assert.equal(response.headers.get("content-type"), "application/problem+json");
              // A refused decision changed nothing: the proposal is still pending.
              if (pending) {
                const now = (await (await t.call("GET", `/api/proposals/${pending.id}`)).json()) as Proposal;
                assert.equal(now.status, "pending");
              }
            }
            if (route === "me" && expected === 200) {
              assert.deepEqual(await response.json(), {
                email: `${caller}@example.org`,
                name: names[caller],
                role: caller,
              });
            }
            if (route === "audit" && expected === 200) {
              const { entries } = (await response.json()) as { entries: { action: string }[] };
              assert.ok(entries.length > 0 && entries.length <= 5);
            }
          });

      it("reads stay public, with no token and with a token that is refused for writes", async () => {
        for (const token of [undefined, "aigov_not-a-token"])
          for (const path of [
            "/api/proposals?status=pending",
            "/api/proposals/1",
            `/api/events/${EVENT}`,
            `/api/events/${EVENT}/revisions`,
            "/api/events?limit=1",
          ]) {
            const response = await t.call("GET", path, { token });
            assert.equal(response.status, 200, `${path}: ${await response.clone().text()}`);
          }
      });
    });

    describe("the review rule", () => {
      it("an author cannot publish or reject their own proposal (403), another editor can", async () => {
        const own = await proposeAs("editor", { event: newEvent("own-proposal"), note: "mine" });
        for (const decision of ["publish", "reject"]) {
          const response = await t.call("POST", `/api/proposals/${own.id}/${decision}`, {
            token: tokens.editor,
            body: { note: "looks right to me" },
          });
          assert.equal(response.status, 403);
          assert.match(((await response.json()) as Problem).detail, /own proposal/);
        }
        const published = await t.call("POST", `/api/proposals/${own.id}/publish`, { token: tokens.editor2 });
        assert.equal(published.status, 200, await published.clone().text());
        assert.equal(((await published.json()) as Proposal).revision, 1);
      });

      it("a rejection needs a note (400 naming it); with one, the note is the proposal's", async () => {
        const made = await proposeAs("contributor", { event: newEvent("reject-me"), note: "please add" });
        for (const body of [undefined, {}, { note: "   " }]) {
          const response = await t.call("POST", `/api/proposals/${made.id}/reject`, {
            token: tokens.editor,
            body,
          });
          assert.equal(response.status, 400, JSON.stringify(body));
          const problem = (await response.json()) as Problem;
          assert.deepEqual(
            problem.errors?.map((e) => e.parameter),
            ["note"],
          );
        }
        const rejected = await t.call("POST", `/api/proposals/${made.id}/reject`, {
          token: tokens.editor,
          body: { note: "no official source" },
        });
        assert.equal(rejected.status, 200);
        assert.equal(((await rejected.json()) as Proposal).decisionNote, "no official source");
        const again = await t.call("POST", `/api/proposals/${made.id}/publish`, { token: tokens.editor2 });
        assert.equal(again.status, 409, "a rejected proposal is not published afterwards");
      });
    });

    describe("conflicts", () => {
      it("two editors publishing changes made against the same revision: one 200, the other 409 with the difference", async () => {
        const id = OTHER_EVENTS[0] as string;
        const base = await currentRevision(id);
        const a = await proposeAs("contributor", {
          eventId: id,
          patch: { title: { en: "Conflict probe: the first change" } },
          baseRevision: base,
          note: "first",
        });
        const b = await proposeAs("contributor2", {
          eventId: id,
          patch: { tags: ["conflict-probe"] },
          baseRevision: base,
          note: "second",
        });
        const answers = await Promise.all([
          t.call("POST", `/api/proposals/${a.id}/publish`, { token: tokens.editor }),
          t.call("POST", `/api/proposals/${b.id}/publish`, { token: tokens.editor2 }),
        ]);
        assert.deepEqual(answers.map((r) => r.status).sort(), [200, 409]);
        const lost = answers.find((r) => r.status === 409) as Response;
        const problem = (await lost.json()) as Problem;
        assert.equal(problem.currentRevision, base + 1);
        assert.ok(problem.changes?.length, "the 409 says what the winner changed");
        assert.equal(await currentRevision(id), base + 1, "one revision written, not two");

        // A proposal made against the old revision now is refused when it is made.
        const stale = await t.call("POST", "/api/proposals", {
          token: tokens.contributor,
          body: { eventId: id, patch: { tags: ["too-late"] }, baseRevision: base, note: "late" },
        });
        assert.equal(stale.status, 409);
        const refused = (await stale.json()) as Problem;
        assert.equal(refused.currentRevision, base + 1);
        assert.ok(refused.changes?.length);
      });
    });

    describe("bodies", () => {
      const post = (body: string, headers: Record<string, string> = {}) =>
        t.call("POST", "/api/proposals", { token: tokens.contributor, body, headers });

      it("refuses what is not JSON, JSON that does not parse, too much of it, and a bad field, by name (400, never 500)", async () => {
        const cases: [body: string, headers: Record<string, string>, parameter: string][] = [
          ['{"note":"x"}', { "content-type": "text/plain" }, "content-type"],
          ["note=x", { "content-type": "application/x-www-form-urlencoded" }, "content-type"],
          ['{"event": {', {}, "(body)"],
          ["", {}, "(body)"],
          [JSON.stringify({ event: newEvent("big"), note: "x".repeat(300_000) }), {}, "(body)"],
          ["[1,2]", {}, ""],
          [
            JSON.stringify({ event: { ...newEvent("bad-date"), date: { start: "soon" } }, note: "x" }),
            {},
            "event.date.start",
          ],
          [JSON.stringify({ event: newEvent("no-note") }), {}, "note"],
          [
            JSON.stringify({ eventId: EVENT, patch: { colour: "red" }, baseRevision: 1, note: "x" }),
            {},
            "patch",
          ],
        ];
        for (const [body, headers, parameter] of cases) {
          const response = await post(body, headers);
          assert.equal(response.status, 400, `${body.slice(0, 60)}: ${await response.clone().text()}`);
          const problem = (await response.json()) as Problem;
          assert.ok(
            problem.errors?.some((e) => e.parameter === parameter || e.parameter.startsWith(`${parameter}.`)),
            `${body.slice(0, 60)}: ${JSON.stringify(problem.errors)}`,
          );
        }
      });

      it("answers 404 for a proposal or revision that is not there, and 405 with Allow for a method a path does not take", async () => {
        for (const path of [
          "/api/proposals/999999",
          "/api/proposals/abc",
          `/api/events/${EVENT}/revisions/99`,
        ])
          assert.equal((await t.call("GET", path)).status, 404, path);
        const publish = await t.call("POST", "/api/proposals/999999/publish", { token: tokens.editor });
        assert.equal(publish.status, 404);
        const put = await t.call("PUT", "/api/proposals", { token: tokens.editor, body: {} });
        assert.equal(put.status, 405);
        assert.equal(put.headers.get("allow"), "GET, HEAD, POST, OPTIONS");
        assert.doesNotMatch(((await put.json()) as Problem).detail, /read-only/);
        const postEvents = await t.call("POST", "/api/events");
        assert.equal(postEvents.status, 405);
        assert.equal(postEvents.headers.get("allow"), "GET, HEAD, OPTIONS");
      });
    });

    describe("the response cache keeps nobody's answer for another", () => {
      it("GET /api/me and /api/audit are private, no-store, and answer each token as itself", async () => {
        for (const who of ["contributor", "editor", "contributor", "admin"]) {
          const response = await t.call("GET", "/api/me", { token: tokens[who] });
          assert.equal(response.headers.get("cache-control"), "private, no-store");
          assert.equal(response.headers.get("etag"), null);
          assert.equal(((await response.json()) as { email: string }).email, `${who}@example.org`);
        }
        for (let i = 0; i < 3; i++) {
          const audit = await t.call("GET", "/api/audit?limit=1", { token: tokens.admin });
          assert.equal(audit.headers.get("cache-control"), "private, no-store");
        }
        assert.equal((await t.call("GET", "/api/audit?limit=1")).status, 401, "not a stored admin answer");
        assert.equal((await t.call("GET", "/api/me")).status, 401);
      });

      it("the proposals listed are never a stale copy: a new proposal and a rejection show at once", async () => {
        const list = async () =>
          (await (await t.call("GET", "/api/proposals?status=pending&limit=200")).json()) as {
            proposals: Proposal[];
          };
        await list();
        const before = await list();
        const made = await proposeAs("contributor", { event: newEvent("cache-probe"), note: "cached?" });
        const withIt = await list();
        assert.equal(withIt.proposals.length, before.proposals.length + 1);
        await t.call("POST", `/api/proposals/${made.id}/reject`, {
          token: tokens.editor,
          body: { note: "no" },
        });
        assert.ok(!(await list()).proposals.some((p) => p.id === made.id));
        const detail = await t.call("GET", `/api/proposals/${made.id}`);
        assert.equal(((await detail.json()) as Proposal).status, "rejected");
      });
    });

    describe("the whole flow, with tokens", () => {
      it("a contributor proposes, an editor sees the difference and publishes; search, the event, its revisions and the diff show it; a removal keeps the history", async () => {
        const id = OTHER_EVENTS[1] as string;
        const base = await currentRevision(id);
        const original = (await (await t.call("GET", `/api/events/${id}`)).json()) as {
          title: { en?: string };
        };
        const title = "Quollbright framework on artificial intelligence";
        const made = await proposeAs("contributor", {
          eventId: id,
          patch: { title: { ...original.title, en: title } },
          baseRevision: base,
          note: "the official English title",
        });
        assert.equal(made.status, "pending");
        assert.equal(made.author, names.contributor);

        const pending = (await (
          await t.call("GET", "/api/proposals?status=pending", { token: tokens.editor })
        ).json()) as { proposals: Proposal[] };
        const seen = pending.proposals.find((p) => p.id === made.id);
        assert.deepEqual(seen?.changes, [
          { field: "title.en", before: original.title.en ?? null, after: title },
        ]);
        assert.equal(seen?.stale, false);

        const published = await t.call("POST", `/api/proposals/${made.id}/publish`, {
          token: tokens.editor,
          body: { note: "checked against the official page" },
        });
        assert.equal(published.status, 200, await published.clone().text());
        assert.equal(((await published.json()) as Proposal).revision, base + 1);

        const event = await t.call("GET", `/api/events/${id}`);
        assert.equal(((await event.json()) as { title: { en: string } }).title.en, title);
        assert.match(event.headers.get("link") ?? "", /revisions>; rel="version-history"/);

        const deadline = Date.now() + 1000;
        const hits = async () => {
          const search = await t.call("GET", "/api/events?q=quollbright&lang=en");
          return ((await search.json()) as { total: number }).total;
        };
        let found = await hits();
        while (found === 0 && Date.now() < deadline) found = await hits();
        assert.equal(found, 1, "found by a word only the new title has, within a second");

        const history = (await (await t.call("GET", `/api/events/${id}/revisions`)).json()) as {
          id: string;
          revisions: {
            revision: number;
            by: string | null;
            note: string | null;
            publishedBy: string | null;
          }[];
        };
        assert.equal(history.id, id);
        assert.deepEqual(
          history.revisions.map((r) => r.revision),
          Array.from({ length: base + 1 }, (_, i) => i + 1),
        );
        const last = history.revisions.at(-1);
        assert.equal(last?.by, names.contributor);
        assert.equal(last?.note, "the official English title");
        assert.equal(last?.publishedBy, names.editor);
        assert.equal(history.revisions[0]?.by, null, "the first revision is the bundled dataset's");

        const diff = (await (
          await t.call("GET", `/api/events/${id}/diff?from=${base}&to=${base + 1}`)
        ).json()) as {
          from: { revision: number };
          to: { revision: number };
          changes: { field: string; after: unknown }[];
        };
        assert.equal(diff.from.revision, base);
        assert.deepEqual(diff.changes, [
          { field: "title.en", before: original.title.en ?? null, after: title },
        ]);
        const old = (await (await t.call("GET", `/api/events/${id}/revisions/${base}`)).json()) as {
          event: { title: { en?: string } };
        };
        assert.equal(old.event.title.en, original.title.en);

        const removal = await proposeAs("contributor", {
          eventId: id,
          remove: true,
          baseRevision: base + 1,
          note: "a duplicate",
        });
        const removed = await t.call("POST", `/api/proposals/${removal.id}/publish`, { token: tokens.admin });
        assert.equal(removed.status, 200, await removed.clone().text());
        assert.equal((await t.call("GET", `/api/events/${id}`)).status, 404);
        const after = (await (await t.call("GET", `/api/events/${id}/revisions`)).json()) as {
          revisions: { removed: boolean }[];
        };
        assert.equal(after.revisions.length, base + 2);
        assert.equal(after.revisions.at(-1)?.removed, true);
        const gone = await t.call("GET", `/api/events/${id}/revisions/${base + 2}`);
        assert.equal(((await gone.json()) as { event: unknown }).event, null);
      });
    });

    describe("tokens and accounts that stop", () => {
      it("a revoked token and a disabled account are refused on the very next request", async () => {
        const made = await t.account("soon-gone", "editor");
        const other = await t.account("soon-disabled", "contributor");
        assert.equal((await t.call("GET", "/api/me", { token: made.token })).status, 200);
        assert.equal((await t.call("GET", "/api/me", { token: other.token })).status, 200);
        await revokeApiToken(t.services, operator(null), made.tokenId);
        assert.equal((await t.call("GET", "/api/me", { token: made.token })).status, 401);
        await disableUser(t.services, operator(null), other.email);
        const refused = await t.call("POST", "/api/proposals", {
          token: other.token,
          body: { event: newEvent("after-disable"), note: "x" },
        });
        assert.equal(refused.status, 401);
      });
    });
  });
