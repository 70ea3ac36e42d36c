// Issue 29 point 4: links that still work. The cited URLs are checked against local HTTP servers only
// (node:http on 127.0.0.1, any free port): what each kind of answer is recorded as, the politeness per
// host as the server sees it, the history kept across runs, the lease, GET /api/links and the marks on
// the event and instrument pages with the archived copy of the day the source was cited.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { AppError } from "../src/app/appError.js";
import { checkLinks, type LinkCheckContext } from "../src/app/checkLinks.js";
import { scheduleLinkChecks } from "../src/app/linkCheckSchedule.js";
import { listCheckedLinks, LinksQuery } from "../src/app/links.js";
import type { LinkState } from "../src/domain/linkStatus.js";
import { bundledObligations } from "../src/reference/obligationsData.js";
import { SearchService } from "../src/search/searchService.js";
import { createApp } from "../src/server/createApp.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { leaseLastFinished, releaseLease, takeLease } from "../src/storage/repos/linkRepo.js";
import { fixture, runCli, tempDir } from "./runCli.js";
import { DIALECTS, type TestDatabase } from "./testDatabases.js";

/** One request as the server saw it: when it arrived and when its answer was done (ms, monotonic). */
interface Seen {
  method: string;
  path: string;
  userAgent: string;
  start: number;
  end: number;
}

/** A local server answering by path, which notes every request it gets. */
async function localServer(answer: (req: IncomingMessage, res: ServerResponse) => void) {
  const seen: Seen[] = [];
  const server: Server = createServer((req, res) => {
    const entry: Seen = {
      method: req.method ?? "",
      path: req.url ?? "",
      userAgent: req.headers["user-agent"] ?? "",
      start: performance.now(),
      end: Number.NaN,
    };
    seen.push(entry);
    res.on("close", () => (entry.end = performance.now()));
    answer(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const TIMEOUT_MS = 1000;
const DELAY_MS = 15;
/** The later runs wait less for the slow host (the first run has shown what a timeout is recorded as), but
 * long enough that a local answer on a loaded machine is never taken for one. */
const QUICK = { timeoutMs: 800, perHostDelayMs: 1, scope: "events" } as const;

for (const dialect of DIALECTS)
  describe(`link checking (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: TestDatabase;
    let db: Database;
    let site: Awaited<ReturnType<typeof localServer>>;
    let slow: Awaited<ReturnType<typeof localServer>>;
    const slowTimers = new Set<NodeJS.Timeout>();
    let toggleBroken = false;
    let flakyGets = 0;
    let check: { code: number | null; stdout: string; stderr: string };
    let recorded: Map<string, LinkState>;
    const url = (path: string) => `${site.origin}${path}`;

    before(async () => {
      site = await localServer((req, res) => {
        const send = (status: number, headers: Record<string, string> = {}) => {
          res.writeHead(status, { "content-type": "text/plain", ...headers });
          res.end(req.method === "HEAD" ? undefined : `answer ${status}`);
        };
        switch (req.url) {
          case "/ok":
            return send(200);
          case "/moved":
            return send(301, { location: "/ok" });
          case "/no-head":
            return send(req.method === "HEAD" ? 405 : 200);
          case "/flaky":
            // HEAD fails, the first GET too; the GET asked again works.
            if (req.method === "HEAD") return send(500);
            return send(++flakyGets === 1 ? 500 : 200);
          case "/toggle":
            return send(toggleBroken ? 404 : 200);
          case "/gone-404":
            return send(404);
          case "/gone-410":
            return send(410);
          case "/loop-a":
            return send(302, { location: "/loop-b" });
          case "/loop-b":
            return send(302, { location: `${site.origin}/loop-a` });
          case "/always-500":
            return send(500);
          case "/bot-wall":
            return send(403);
          default:
            return send(404);
        }
      });
      // Another host: its one page answers ten times later than the checker waits.
      slow = await localServer((_req, res) => {
        const timer = setTimeout(() => res.end("late"), TIMEOUT_MS * 10);
        slowTimers.add(timer);
      });

      store = await dialect.create();
      const events = join(tempDir(), "links-events.json");
      writeFileSync(
        events,
        readFileSync(fixture("links-events.json"), "utf8")
          .replaceAll("{ORIGIN}", site.origin)
          .replaceAll("{SLOW}", slow.origin),
      );
      const imported = await runCli(["import", events, "--db", store.arg]);
      assert.equal(imported.code, 0, imported.stderr);
      check = await runCli([
        "links",
        "check",
        "--scope",
        "events",
        "--timeout",
        String(TIMEOUT_MS),
        "--per-host-delay",
        String(DELAY_MS),
        "--db",
        store.arg,
      ]);
      db = await openDatabase(store.location);
      const page = await listCheckedLinks({ db }, LinksQuery.parse({ status: "all" }));
      recorded = new Map(page.items.map((item) => [item.url, item]));
    });

    after(async () => {
      for (const timer of slowTimers) clearTimeout(timer);
      await db?.destroy();
      await site.close();
      await slow.close();
      await store?.drop();
    });

    it("checks each cited URL once and sums up what it found", () => {
      assert.equal(check.code, 0, check.stderr);
      assert.match(check.stdout, /checked 11 links: 5 ok, 4 broken, 1 unreachable, 1 blocked/, check.stdout);
      assert.equal(recorded.size, 11);
    });

    it("records the status, the final URL and the outcome of each kind of answer", () => {
      const of = (u: string) => {
        const state = recorded.get(u);
        assert.ok(state, `${u} was not recorded`);
        return [state.outcome, state.status, state.finalUrl, state.error];
      };
      assert.deepEqual(of(url("/ok")), ["ok", 200, null, null]);
      assert.deepEqual(of(url("/moved")), ["ok", 200, url("/ok"), null]);
      assert.deepEqual(of(url("/no-head")), ["ok", 200, null, null]);
      assert.deepEqual(of(url("/flaky")), ["ok", 200, null, null]);
      assert.deepEqual(of(url("/gone-404")), ["broken", 404, null, "HTTP 404"]);
      assert.deepEqual(of(url("/gone-410")), ["broken", 410, null, "HTTP 410"]);
      assert.deepEqual(of(url("/loop-a")), ["broken", 302, url("/loop-b"), "redirect loop"]);
      assert.deepEqual(of(url("/always-500")), ["broken", 500, null, "HTTP 500"]);
      assert.deepEqual(of(url("/bot-wall")), ["blocked", 403, null, "HTTP 403"]);
      assert.deepEqual(of(`${slow.origin}/slow`), [
        "unreachable",
        null,
        null,
        `no answer within ${TIMEOUT_MS} ms`,
      ]);
      const ok = recorded.get(url("/ok"));
      assert.equal(ok?.lastOkAt, ok?.checkedAt);
      assert.equal(ok?.firstBrokenAt, null);
      const gone = recorded.get(url("/gone-404"));
      assert.equal(gone?.lastOkAt, null);
      assert.equal(gone?.firstBrokenAt, gone?.checkedAt);
      assert.equal(gone?.failures, 1);
    });

    it("asks HEAD first, GET when HEAD is refused, and a 5xx twice", () => {
      const asked = (path: string) => site.seen.filter((s) => s.path === path).map((s) => s.method);
      // /ok itself, then once more at the end of /moved's redirect.
      assert.deepEqual(asked("/ok"), ["HEAD", "HEAD"]);
      assert.deepEqual(asked("/moved"), ["HEAD"]);
      assert.deepEqual(asked("/no-head"), ["HEAD", "GET"]);
      assert.deepEqual(asked("/flaky"), ["HEAD", "GET", "GET"]);
      assert.deepEqual(asked("/always-500"), ["HEAD", "GET", "GET"]);
      assert.ok(site.seen.every((s) => s.userAgent.startsWith("aigov-link-checker/")));
    });

    it("asks one host one request at a time, the delay apart, while other hosts go on alongside", () => {
      const seen = [...site.seen].sort((a, b) => a.start - b.start);
      for (let i = 1; i < seen.length; i++) {
        const [before, next] = [seen[i - 1] as Seen, seen[i] as Seen];
        // Timers keep whole milliseconds: a gap may be counted a millisecond short.
        assert.ok(
          next.start >= before.end + DELAY_MS - 1,
          `${next.method} ${next.path} began ${(next.start - before.end).toFixed(1)} ms after ${before.method} ${before.path} ended`,
        );
      }
      const slowStart = slow.seen[0]?.start ?? Number.POSITIVE_INFINITY;
      assert.ok(slowStart < (seen.at(-1)?.start ?? 0), "the slow host waited for the other host's queue");
    });

    it("keeps when a link last worked once it breaks, and since when it has been failing", async () => {
      let clock = "2030-01-01T00:00:00.000Z";
      const context: LinkCheckContext = {
        db,
        obligations: { instruments: [], obligations: [] },
        now: () => clock,
      };
      const options = QUICK;
      await checkLinks(context, options);
      toggleBroken = true;
      clock = "2030-02-01T00:00:00.000Z";
      await checkLinks(context, options);
      clock = "2030-03-01T00:00:00.000Z";
      const summary = await checkLinks(context, { ...options, onlyFailing: true });
      assert.equal(summary.checked, 6, "only the failing links were checked again");
      const state = (await listCheckedLinks({ db }, LinksQuery.parse({ status: "broken" }))).items.find(
        (item) => item.url === url("/toggle"),
      );
      assert.equal(state?.outcome, "broken");
      assert.equal(state?.lastOkAt, "2030-01-01T00:00:00.000Z");
      assert.equal(state?.firstBrokenAt, "2030-02-01T00:00:00.000Z");
      assert.equal(state?.checkedAt, "2030-03-01T00:00:00.000Z");
      assert.equal(state?.failures, 2);
      toggleBroken = false;
    });

    it("lets one check run at a time on a database", async () => {
      const context: LinkCheckContext = {
        db,
        obligations: { instruments: [], obligations: [] },
        now: () => new Date().toISOString(),
      };
      const until = new Date(Date.now() + 60_000).toISOString();
      assert.ok(await takeLease(db, "links", "someone-else", new Date().toISOString(), until));
      await assert.rejects(
        checkLinks(context, { scope: "events" }),
        (error: unknown) => error instanceof AppError && error.kind === "conflict",
      );
      const cli = await runCli(["links", "check", "--scope", "events", "--db", store.arg]);
      assert.equal(cli.code, 1);
      assert.match(cli.stderr, /^error: another link check is running/);
      await releaseLease(db, "links", "someone-else");
    });

    it("on a timer, checks once however many servers share the database", async () => {
      const context: LinkCheckContext = {
        db,
        obligations: { instruments: [], obligations: [] },
        now: () => new Date().toISOString(),
      };
      // The earlier runs' clock is in 2030: as if no check had ever finished.
      await db.updateTable("link_check_lease").set({ last_finished_at: null }).execute();
      const summaries: number[] = [];
      let first!: () => void;
      const checked = new Promise<void>((resolve) => (first = resolve));
      const settings = {
        everyMs: 3_600_000,
        firstAfterMs: 0,
        options: QUICK,
        onChecked: (summary: { checked: number }) => {
          summaries.push(summary.checked);
          first();
        },
        onError: (error: Error) => assert.fail(error),
      };
      const servers = [scheduleLinkChecks(context, settings), scheduleLinkChecks(context, settings)];
      await checked;
      await Promise.all(servers.map((s) => s.stop()));
      assert.deepEqual(summaries, [11]);
      assert.ok(await leaseLastFinished(db, "links"));
    });

    it("refuses bad options, naming them", async () => {
      const bad = await runCli(["links", "check", "--timeout", "soon", "--db", store.arg]);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--timeout: expected a whole number 1-600000, got "soon"/);
      const app = createApp({ db, search: new SearchService(db), versionMaxAgeMs: 0 });
      const response = await app.hono.request("http://localhost/api/links?status=dead");
      assert.equal(response.status, 400);
      assert.match(await response.text(), /status/);
    });

    it("lists the failing links at /api/links with who cites them and the archived copy", async () => {
      const app = createApp({ db, search: new SearchService(db), versionMaxAgeMs: 0 });
      const response = await app.hono.request("http://localhost/api/links");
      assert.equal(response.status, 200);
      assert.equal(response.headers.get("cache-control"), "no-store");
      const body = (await response.json()) as {
        total: number;
        items: (LinkState & Record<string, unknown>)[];
      };
      assert.deepEqual(
        body.items.map((item) => item.url),
        [
          url("/always-500"),
          url("/gone-404"),
          url("/gone-410"),
          url("/loop-a"),
          `${slow.origin}/slow`,
        ].sort(),
      );
      const gone = body.items.find((item) => item.url === url("/gone-404"));
      assert.deepEqual(gone?.citedBy, [{ kind: "event", id: "links-fixture-dead-sources" }]);
      assert.equal(
        gone?.archivedUrl,
        `https://web.archive.org/web/${gone?.firstCitedOn.replaceAll("-", "")}/${url("/gone-404")}`,
      );
      const all = (await (
        await app.hono.request("http://localhost/api/links?status=all&limit=2")
      ).json()) as {
        total: number;
        items: unknown[];
        next: number | null;
      };
      assert.equal(all.total, 11);
      assert.equal(all.items.length, 2);
      assert.equal(all.next, 2);
    });

    it("marks a broken source on the event page, with the archived copy of the day it was cited", async () => {
      const app = createApp({ db, search: new SearchService(db), versionMaxAgeMs: 0 });
      const created = await db
        .selectFrom("events")
        .select("created_at")
        .where("id", "=", "links-fixture-dead-sources")
        .executeTakeFirstOrThrow();
      const day = created.created_at.slice(0, 10).replaceAll("-", "");
      const en = await (
        await app.hono.request("http://localhost/events/links-fixture-dead-sources?lang=en")
      ).text();
      assert.equal(
        en.match(/class="link-broken" role="note"/g)?.length,
        5,
        "404, 410, the loop, the 500 and the timeout",
      );
      assert.match(en, /link broken since/);
      assert.ok(
        en.includes(`href="https://web.archive.org/web/${day}/${url("/gone-404")}"`),
        "the archived copy's link",
      );
      // The blocked link is shown as a working one.
      const blocked = en.slice(
        en.indexOf(url("/bot-wall")),
        en.indexOf("</li>", en.indexOf(url("/bot-wall"))),
      );
      assert.doesNotMatch(blocked, /link-broken/);
      const zh = await (
        await app.hono.request("http://localhost/events/links-fixture-dead-sources?lang=zh")
      ).text();
      assert.match(zh, /起失效/);
      assert.match(zh, /的存档副本/);
      const working = await (
        await app.hono.request("http://localhost/events/links-fixture-working-and-moved?lang=en")
      ).text();
      assert.doesNotMatch(working, /link-broken/);
    });

    it("records nothing when no link answers at all: the checker is offline, the sources are not dead", async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
      const nowhere = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const base = bundledObligations().instruments[0];
      assert.ok(base);
      const instruments = ["a", "b", "c"].map((page) => ({
        ...base,
        id: `offline-${page}`,
        officialUrl: `${nowhere}/${page}`,
        dates: [],
        identifiers: [],
      }));
      await assert.rejects(
        checkLinks(
          { db, obligations: { instruments, obligations: [] }, now: () => new Date().toISOString() },
          { ...QUICK, scope: "reference" },
        ),
        (error: unknown) => error instanceof AppError && error.kind === "unavailable",
      );
      const all = await listCheckedLinks({ db }, LinksQuery.parse({ status: "all" }));
      assert.ok(all.items.every((item) => !item.url.startsWith(nowhere)));
    });

    it("checks the reference data's URLs too, and marks a broken one on the instrument page", async () => {
      const bundled = bundledObligations();
      const base = bundled.instruments.find((i) => i.id === "eu-ai-act");
      assert.ok(base);
      // An instrument whose one URL is a dead page of the local server.
      const instrument = { ...base, officialUrl: url("/gone-410"), dates: [], identifiers: [], events: [] };
      const reference = { instruments: [instrument], obligations: [] };
      const summary = await checkLinks(
        { db, obligations: reference, now: () => new Date().toISOString() },
        { ...QUICK, scope: "reference" },
      );
      assert.equal(summary.checked, 1);
      const listed = await listCheckedLinks({ db }, LinksQuery.parse({}));
      const gone = listed.items.find((item) => item.url === url("/gone-410"));
      assert.deepEqual(gone?.citedBy, [
        { kind: "event", id: "links-fixture-dead-sources" },
        { kind: "instrument", id: "eu-ai-act" },
      ]);
      // The events' other links are kept: a run over the reference data leaves theirs alone.
      assert.equal(listed.total, 5);
      const app = createApp({
        db,
        search: new SearchService(db),
        versionMaxAgeMs: 0,
        obligations: { ...bundled, instruments: [instrument], obligations: [] },
      });
      const page = await (await app.hono.request("http://localhost/instruments/eu-ai-act?lang=en")).text();
      assert.match(page, /class="link-broken" role="note"/);
      assert.ok(page.includes(`https://web.archive.org/web/`));
    });
  });
