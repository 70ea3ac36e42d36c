// Issue 26, point 4 ("asOf answers are tested against a database whose revisions are made at known
// times"): the app's clock is moved by the test, an event is added, changed and removed at known
// moments, and GET /api/events?asOf=… (total, facets, search) and GET /api/events/{id}?asOf=… answer as
// aigov did then — asked both while the history is being made and after it, so that an answer about a
// moment is not one remembered from before a later change. On SQLite and PostgreSQL.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type EditorialApp, startEditorialApp } from "./editorialApiApp.js";
import { DIALECTS } from "./testDatabases.js";

const PROBE = "asof-probe-rules";
const MINUTE = 60_000;

interface Page {
  total: number;
  asOf?: string;
  facets: { jurisdiction: Record<string, number> };
}

for (const dialect of DIALECTS)
  describe(`asOf answers as aigov did then (${dialect.name})`, { skip: dialect.skip }, () => {
    let t: EditorialApp;
    let contributor = "";
    let editor = "";
    /** The moments of the history: before the probe existed, then 30 s after each publication. */
    const at: Record<"before" | "added" | "changed" | "removed", string> = {
      before: "",
      added: "",
      changed: "",
      removed: "",
    };
    /** When each publication was made (the revisions' own moments). */
    const publishedAt: string[] = [];
    let bundled = { total: 0, nz: 0 };

    const page = async (query: string): Promise<Page> => {
      const response = await t.call("GET", `/api/events?${query}`);
      assert.equal(response.status, 200, await response.clone().text());
      return (await response.json()) as Page;
    };
    const titleAt = async (asOf: string): Promise<string | number> => {
      const response = await t.call("GET", `/api/events/${PROBE}?asOf=${encodeURIComponent(asOf)}`);
      if (response.status !== 200) return response.status;
      return ((await response.json()) as { title: { en: string } }).title.en;
    };
    /** Proposes (at one moment) and publishes (a minute later), returning the publication's moment. */
    async function publish(body: unknown): Promise<string> {
      t.clock.advance(MINUTE);
      const made = await t.call("POST", "/api/proposals", { token: contributor, body });
      assert.equal(made.status, 201, await made.clone().text());
      const { id } = (await made.json()) as { id: number };
      const moment = t.clock.advance(MINUTE);
      const published = await t.call("POST", `/api/proposals/${id}/publish`, { token: editor });
      assert.equal(published.status, 200, await published.clone().text());
      publishedAt.push(moment);
      return new Date(Date.parse(moment) + 30_000).toISOString();
    }

    /** What every moment of the history answers; asked during the history and after it. */
    async function checkMoments(upTo: (keyof typeof at)[]): Promise<void> {
      const expected = {
        before: { total: bundled.total, nz: bundled.nz, numbat: 0, bilby: 0, title: 404 },
        added: {
          total: bundled.total + 1,
          nz: bundled.nz + 1,
          numbat: 1,
          bilby: 0,
          title: "Numbatglow rules adopted",
        },
        changed: {
          total: bundled.total + 1,
          nz: bundled.nz + 1,
          numbat: 0,
          bilby: 1,
          title: "Bilbyshine rules adopted",
        },
        removed: { total: bundled.total, nz: bundled.nz, numbat: 0, bilby: 0, title: 404 },
      };
      for (const moment of upTo) {
        const asOf = encodeURIComponent(at[moment]);
        const all = await page(`asOf=${asOf}&limit=1`);
        const want = expected[moment];
        assert.equal(all.total, want.total, `${moment}: total`);
        assert.equal(all.asOf, at[moment], `${moment}: the answer says its moment`);
        assert.equal(all.facets.jurisdiction.NZ ?? 0, want.nz, `${moment}: the NZ facet`);
        assert.equal(
          (await page(`asOf=${asOf}&q=numbatglow&lang=en`)).total,
          want.numbat,
          `${moment}: numbatglow`,
        );
        assert.equal(
          (await page(`asOf=${asOf}&q=bilbyshine&lang=en`)).total,
          want.bilby,
          `${moment}: bilbyshine`,
        );
        assert.equal(await titleAt(at[moment]), want.title, `${moment}: the event`);
      }
    }

    before(async () => {
      t = await startEditorialApp(dialect);
      contributor = (await t.account("researcher", "contributor")).token;
      editor = (await t.account("checker", "editor")).token;
      const now = await page("limit=1");
      bundled = { total: now.total, nz: now.facets.jurisdiction.NZ ?? 0 };
      at.before = new Date(Date.parse(t.clock.iso) + 30_000).toISOString();
    });
    after(() => t.stop());

    it("an event added, changed and removed at known moments is answered as it was at each", async () => {
      at.added = await publish({
        event: {
          id: PROBE,
          title: { en: "Numbatglow rules adopted" },
          date: { start: "2026-11-20" },
          jurisdictions: ["NZ"],
        },
        note: "new",
      });
      await checkMoments(["before", "added"]);
      at.changed = await publish({
        eventId: PROBE,
        patch: { title: { en: "Bilbyshine rules adopted" } },
        baseRevision: 1,
        note: "the title as published",
      });
      await checkMoments(["before", "added", "changed"]);
      at.removed = await publish({ eventId: PROBE, remove: true, baseRevision: 2, note: "not an event" });
      await checkMoments(["before", "added", "changed", "removed"]);
      // And again in another order, each moment after every change: nothing is remembered across them.
      await checkMoments(["removed", "changed", "before", "added"]);
      assert.equal((await t.call("GET", `/api/events/${PROBE}`)).status, 404, "removed now");
    });

    it("the event as of a moment says which revision it is and when that was published", async () => {
      const response = await t.call("GET", `/api/events/${PROBE}?asOf=${encodeURIComponent(at.changed)}`);
      assert.equal(response.status, 200);
      assert.equal(
        response.headers.get("memento-datetime"),
        new Date(publishedAt[1] as string).toUTCString(),
      );
      assert.match(
        response.headers.get("link") ?? "",
        new RegExp(`/api/events/${PROBE}/revisions/2>; rel="memento"`),
      );
      const removed = await t.call("GET", `/api/events/${PROBE}?asOf=${encodeURIComponent(at.removed)}`);
      assert.match(((await removed.json()) as { detail: string }).detail, /had been removed/);
    });

    it("the same moment written with an offset, or as a date, answers alike; a bad one is a 400 naming asOf", async () => {
      const added = new Date(at.added);
      // The same instant in UTC+08:00.
      const local = new Date(added.getTime() + 8 * 3_600_000).toISOString().replace(/\.\d+Z$/, "+08:00");
      assert.equal(await titleAt(local), "Numbatglow rules adopted");
      assert.equal((await page("asOf=2000-01-01&limit=1")).total, 0, "nothing was published in 2000");
      for (const bad of ["yesterday", "2026-13-01", "2026-01-01T00:00:00"]) {
        for (const path of [`/api/events?asOf=${bad}`, `/api/events/${PROBE}?asOf=${bad}`]) {
          const response = await t.call("GET", path);
          assert.equal(response.status, 400, path);
          const problem = (await response.json()) as { errors: { parameter: string }[] };
          assert.deepEqual(
            problem.errors.map((e) => e.parameter),
            ["asOf"],
          );
        }
      }
    });

    it("the exports answer as of a moment too, and say which", async () => {
      const response = await t.call(
        "GET",
        `/api/events.csv?asOf=${encodeURIComponent(at.added)}&q=numbatglow&lang=en`,
      );
      assert.equal(response.status, 200);
      assert.equal(response.headers.get("memento-datetime"), new Date(at.added).toUTCString());
      assert.match(await response.text(), /Numbatglow rules adopted/);
      const now = await t.call("GET", "/api/events.csv?q=numbatglow&lang=en");
      assert.doesNotMatch(await now.text(), /Numbatglow/);
    });
  });
