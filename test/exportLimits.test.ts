import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { type ClientRequest, type IncomingMessage, request } from "node:http";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { parse as parseCsv } from "csv-parse/sync";
import { Event } from "../src/domain/event.js";
import { createApp } from "../src/server/createApp.js";
import { type RunningServer, type ServerLimits, startServer } from "../src/server/nodeServer.js";
import { loadBundledDatasetIfEmpty } from "../src/import/bundledDataset.js";
import { SearchService } from "../src/search/searchService.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { WRITE_BATCH, writeEvents } from "../src/storage/repos/eventWriteRepo.js";
import { createSqliteDatabase } from "./testDatabases.js";

// Issue 24, point 1: an export shares the server (other requests are answered while it streams), a
// bounded number stream at once (per server and per client address), and a client that stops reading
// is cut off. The exports of every event are some 20 MB, more than the sockets' buffers hold: an export
// held by a reader that has stopped stays open on the server, as a real one would. The French ones are
// of the usual size (a few hundred bytes a row), so that every page fits the socket at once and a fast
// reader never pushes back: the case where pages used to follow each other without a break.
const BULK = 2_000;
const SMALL = 6_000;
const SUMMARY = "A long summary of a bulk record, repeated to make the export large. ".repeat(150);

/** A GET from `localAddress` (127.0.0.x: each its own client address to the server), read whole. */
function get(url: string, localAddress = "127.0.0.1") {
  return new Promise<{ status: number; headers: IncomingMessage["headers"]; body: string }>(
    (resolve, reject) => {
      request(url, { localAddress }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on("error", reject);
      })
        .on("error", reject)
        .end();
    },
  );
}

/** A GET from `localAddress` whose client reads the headers and then nothing more (it stalls). */
function stall(url: string, localAddress = "127.0.0.1") {
  return new Promise<{ status: number; req: ClientRequest; res: IncomingMessage }>((resolve, reject) => {
    const req = request(url, { localAddress }, (res) => {
      res.pause();
      resolve({ status: res.statusCode ?? 0, req, res });
    });
    req.on("error", reject).end();
  });
}

/** Asks again (a tenth of a second apart) until `done` holds; the test's timeout bounds the wait. */
async function until(done: () => Promise<boolean>): Promise<void> {
  while (!(await done())) await sleep(100);
}

describe("exports share the server", () => {
  let db: Database;
  let search: SearchService;
  const servers: RunningServer[] = [];
  const serve = async (limits: Partial<ServerLimits>) => {
    const server = await startServer(createApp({ db, search, versionMaxAgeMs: 0 }), {
      port: 0,
      host: "127.0.0.1",
      limits,
    });
    servers.push(server);
    return server.url;
  };

  before(async () => {
    db = await openDatabase((await createSqliteDatabase()).location);
    await loadBundledDatasetIfEmpty(db);
    const now = new Date().toISOString();
    // Written as an import writes them, in batches (one at a time, 8,000 took seconds of the suite).
    const events = [
      ...Array.from({ length: BULK }, (_, i) =>
        Event.parse({
          id: `bulk-${i}`,
          title: { en: `Bulk record ${i}` },
          summary: { en: `${i}. ${SUMMARY}` },
          date: { start: `2024-${String((i % 12) + 1).padStart(2, "0")}-01` },
          jurisdictions: ["JP"],
          sources: [{ url: `https://example.org/${i}`, publisher: "Example" }],
        }),
      ),
      ...Array.from({ length: SMALL }, (_, i) =>
        Event.parse({
          id: `small-${i}`,
          title: { en: `Small record ${i}` },
          date: { start: `2023-${String((i % 12) + 1).padStart(2, "0")}-01` },
          jurisdictions: ["FR"],
          sources: [{ url: `https://example.org/small/${i}`, publisher: "Example" }],
        }),
      ),
    ];
    await db.transaction().execute(async (trx) => {
      for (let at = 0; at < events.length; at += WRITE_BATCH)
        await writeEvents(trx, events.slice(at, at + WRITE_BATCH), "test", now);
    });
    search = new SearchService(db);
  });
  after(async () => {
    for (const server of servers) await server.close();
    await db.destroy();
  });

  it("answers a request while exports stream to fast readers, before they finish", async () => {
    const base = await serve({ maxExports: 3, maxExportsPerClient: 3 });
    const readers = new URL("./fastExportReaders.mjs", import.meta.url).pathname;
    const { stdout } = await promisify(execFile)(process.execPath, [
      readers,
      base,
      "/api/events.csv?jurisdiction=FR",
      "3",
      "/api/events?limit=1",
    ]);
    const { finished, statuses } = JSON.parse(stdout) as { finished: string[]; statuses: number[] };
    assert.deepEqual(statuses, [200, 200, 200]);
    assert.deepEqual(finished, ["probe", "export", "export", "export"]);
  });

  it("answers an export beyond the bounds 429 (per client) or 503 (server), with Retry-After", async () => {
    const base = await serve({ maxExports: 2, maxExportsPerClient: 1 });
    const first = await stall(`${base}/api/events.csv`, "127.0.0.1");
    assert.equal(first.status, 200);

    const sameClient = await get(`${base}/api/events.csv`, "127.0.0.1");
    assert.equal(sameClient.status, 429);
    assert.equal(sameClient.headers["content-type"], "application/problem+json");
    assert.match(String(sameClient.headers["retry-after"]), /^\d+$/);
    const problem = JSON.parse(sameClient.body) as { type: string; status: number; detail: string };
    assert.equal(problem.status, 429);
    assert.equal(problem.type, "/problems/too-many-requests");

    const second = await stall(`${base}/api/calendar.ics`, "127.0.0.2");
    assert.equal(second.status, 200);
    const full = await get(`${base}/api/sources.csl.json`, "127.0.0.3");
    assert.equal(full.status, 503);
    assert.match(String(full.headers["retry-after"]), /^\d+$/);
    assert.equal((JSON.parse(full.body) as { status: number }).status, 503);
    // Other requests are not bounded.
    assert.equal((await get(`${base}/api/events?limit=1`, "127.0.0.3")).status, 200);

    // A client that leaves frees its slot.
    first.req.destroy();
    await until(async () => (await get(`${base}/api/events.csv?limit=1`, "127.0.0.1")).status === 200);
    second.req.destroy();
    await until(async () => (await get(`${base}/api/events.csv?limit=1`, "127.0.0.4")).status === 200);
  });

  it("answers HEAD with the headers alone, holding no slot and leaving the GET's answer whole", async () => {
    const base = await serve({ maxExports: 1, maxExportsPerClient: 1 });
    for (let i = 0; i < 3; i++) {
      const head = await fetch(`${base}/api/events.csv?jurisdiction=FR`, { method: "HEAD" });
      assert.equal(head.status, 200);
      assert.equal(head.headers.get("content-type"), "text/csv; charset=utf-8");
    }
    const csv = await get(`${base}/api/events.csv?jurisdiction=FR`);
    assert.equal(csv.status, 200);
    const rows = parseCsv(csv.body, { columns: true }) as { id: string }[];
    assert.equal(rows.filter((row) => row.id.startsWith("small-")).length, SMALL);
  });

  it("cuts off a client that stops reading, and frees its slot", { timeout: 60_000 }, async () => {
    const base = await serve({ maxExports: 1, maxExportsPerClient: 1, writeIdleTimeoutMs: 500 });
    const stalled = await stall(`${base}/api/events.csv`);
    assert.equal(stalled.status, 200);
    assert.equal((await get(`${base}/api/events.csv?limit=1`, "127.0.0.2")).status, 503, "the slot is held");
    await until(async () => (await get(`${base}/api/events.csv?limit=1`, "127.0.0.2")).status === 200);
    // Read what was sent before the cut: the body ends short of its last chunk.
    const closed = new Promise<void>((resolve) => stalled.res.on("close", resolve));
    stalled.res.on("error", () => {});
    stalled.req.on("error", () => {});
    stalled.res.resume();
    await closed;
    assert.equal(stalled.res.complete, false);
  });
});
