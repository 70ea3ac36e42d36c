import assert from "node:assert/strict";
import { request } from "node:http";
import { connect, type Socket } from "node:net";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { Event } from "../src/domain/event.js";
import { createApp } from "../src/server/createApp.js";
import { loadBundledDatasetIfEmpty } from "../src/import/bundledDataset.js";
import { startServer } from "../src/server/nodeServer.js";
import { SearchService } from "../src/search/searchService.js";
import { openDatabase } from "../src/storage/database.js";
import { writeEvent } from "../src/storage/repos/eventRepo.js";
import { startTestServer } from "./apiServer.js";
import { tempDir } from "./runCli.js";

/** Opens a raw TCP connection to a server URL. */
function open(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => resolve(socket));
    socket.on("error", reject);
  });
}

/** What the server sent on a socket until it closed it. */
const untilClosed = (socket: Socket) =>
  new Promise<string>((resolve) => {
    let received = "";
    socket.on("data", (chunk: Buffer) => {
      received += chunk.toString("latin1");
    });
    socket.on("close", () => resolve(received));
    socket.on("error", () => undefined);
  });

/** A GET with headers fetch() will not send (Host), over node:http. */
function rawGet(base: string, path: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("hardening: the HTTP server against hostile clients and data", () => {
  let base = "";
  let harness: Awaited<ReturnType<typeof startTestServer>>;
  before(async () => {
    harness = await startTestServer();
    base = harness.server.url;
  });
  after(() => harness.stop());

  it("point 1: a Host header never reaches the feed's links, for that reader or later ones", async () => {
    const poisoned = await rawGet(base, "/api/feed.atom", { host: "evil.example" });
    assert.ok(!poisoned.includes("evil.example"), "links built from the Host header");
    const later = await (await fetch(`${base}/api/feed.atom`)).text();
    assert.ok(!later.includes("evil.example"), "a poisoned answer was cached");
    assert.ok(later.includes(`${base}/api/feed.atom`), "links come from the configured base URL");
    const calendar = await rawGet(base, "/api/calendar.ics", { host: "evil.example" });
    assert.ok(!calendar.includes("evil.example"));
  });

  it("issue 24 point 11: a request line whose target is no URL is a 400 problem, not a 500", async () => {
    const socket = await open(base);
    const answer = untilClosed(socket);
    socket.end("GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    const received = await answer;
    assert.match(received, /^HTTP\/1\.1 400 /);
    assert.match(received, /content-type: application\/problem\+json/i);
    assert.match(received, /"status":400/);
    // The server goes on answering.
    assert.equal((await fetch(`${base}/api/events?limit=1`)).status, 200);
  });

  it("point 2: a stored javascript: source URL is never rendered as a link", async () => {
    const body = {
      id: "2026-legacy-js",
      seq: null,
      title: { en: "=Legacy javascript record" },
      summary: { en: "A record stored before URLs were checked" },
      date: { start: "2026-02-02", end: null, precision: "day" },
      jurisdictions: [],
      level: null,
      type: null,
      bindingness: null,
      tags: [],
      sources: [{ note: 1, url: "javascript:alert(document.domain)", publisher: "Evil", text: null }],
      effectiveDates: [],
      relations: [],
      identifiers: [],
      document: null,
    };
    const now = new Date().toISOString();
    await harness.db
      .insertInto("events")
      .values({
        id: body.id,
        seq: null,
        document: null,
        date_start: "2026-02-02",
        date_end: null,
        date_precision: "day",
        first_day: "2026-02-02",
        last_day: "2026-02-02",
        level: null,
        type: null,
        bindingness: null,
        title_zh: null,
        title_en: body.title.en,
        body: JSON.stringify(body),
        revision: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await harness.db
      .updateTable("data_version")
      .set((eb) => ({ version: eb("version", "+", 1) }))
      .execute();
    await harness.db.insertInto("event_changes").values({ event_id: body.id, changed_at: now }).execute();
    await harness.search.currentIndex();
    await harness.search.settled();
    for (const path of [
      "/?lang=en",
      "/search?q=javascript&lang=en",
      "/api/feed.atom?q=javascript",
      "/api/calendar.ics?q=javascript",
      "/api/sources.csl.json?q=javascript",
    ]) {
      const text = await (await fetch(`${base}${path}`)).text();
      assert.ok(text.includes("Legacy") || text.includes("legacy"), `${path} lacks the record`);
      for (const link of ['href="javascript:', '"URL":"javascript:', "URL:javascript:"])
        assert.ok(!text.includes(link), `${path} links to javascript: (${link})`);
    }
  });

  it("point 3: formula cells are neutralised in /api/events.csv", async () => {
    const csv = await (await fetch(`${base}/api/events.csv?q=javascript`)).text();
    assert.ok(csv.includes("Legacy javascript record"));
    assert.ok(!csv.includes(",=Legacy"));
    for (const line of csv.split("\n").slice(1))
      for (const cell of line.split(","))
        assert.doesNotMatch(cell.replace(/^"/, ""), /^[=+\-@\t\r]/, `a formula cell: ${line}`);
  });
});

describe("hardening: server limits (point 4)", () => {
  it(
    "closes a connection that never finishes its headers, and caps open connections",
    { timeout: 20_000 },
    async () => {
      const db = await openDatabase({ kind: "sqlite", path: join(tempDir(), "limits.db") });
      const server = await startServer(createApp({ db, search: new SearchService(db) }), {
        port: 0,
        host: "127.0.0.1",
        limits: { headersTimeoutMs: 300, maxConnections: 2 },
      });
      try {
        // A slowloris client: the server answers 408 and closes, instead of holding the socket for ever.
        const slow = await open(server.url);
        const slowClosed = untilClosed(slow);
        slow.write("GET /api/stats HTTP/1.1\r\nHost: x\r\n");
        assert.match(await slowClosed, /408|^$/);
        // Two idle connections take every slot: a third is closed without an answer.
        const held = [await open(server.url), await open(server.url)];
        const third = await open(server.url);
        const thirdClosed = untilClosed(third);
        third.write("GET /api/stats HTTP/1.1\r\nHost: x\r\n\r\n");
        assert.equal(await thirdClosed, "");
        for (const socket of held) socket.destroy();
      } finally {
        await server.close();
        await db.destroy();
      }
    },
  );
});

describe("hardening: reads during a rebuild (point 7)", () => {
  it(
    "serves the previous index while the new one builds, then the new one",
    { timeout: 20_000 },
    async () => {
      const db = await openDatabase({ kind: "sqlite", path: join(tempDir(), "rebuild.db") });
      await loadBundledDatasetIfEmpty(db);
      let release = () => {};
      let hold: Promise<void> = Promise.resolve();
      const search = new SearchService(db, { beforeUpdate: () => hold });
      const server = await startServer(createApp({ db, search, versionMaxAgeMs: 0 }), {
        port: 0,
        host: "127.0.0.1",
      });
      const total = async () =>
        ((await (await fetch(`${server.url}/api/events?limit=1`)).json()) as { total: number }).total;
      try {
        assert.equal(await total(), 47);
        hold = new Promise((resolve) => {
          release = resolve;
        });
        await writeEvent(
          db,
          Event.parse({ id: "2026-new", title: { en: "New" }, date: { start: "2026-01-05" } }),
          "test",
          "2026-01-05T00:00:00Z",
        );
        // The rebuild is held back: every read is answered, from the previous index.
        assert.equal(await total(), 47);
        assert.equal((await fetch(`${server.url}/search?q=New`)).status, 200);
        assert.equal((await fetch(`${server.url}/`)).status, 200);
        assert.equal((await fetch(`${server.url}/api/events.csv`)).status, 200);
        release();
        await search.settled();
        assert.equal(await total(), 48);
      } finally {
        release();
        await server.close();
        await db.destroy();
      }
    },
  );
});
