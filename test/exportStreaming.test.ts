import assert from "node:assert/strict";
import { request } from "node:http";
import { after, before, describe, it } from "node:test";
import { gunzipSync } from "node:zlib";
import { parse as parseCsv } from "csv-parse/sync";
import ICAL from "ical.js";
import { Event } from "../src/domain/event.js";
import { readBundledDataset } from "../src/import/bundledDataset.js";
import { writeEvent } from "../src/storage/repos/eventRepo.js";
import { startTestServer } from "./apiServer.js";

// Issue 14, point 4: an export of every matching event is written as it is read (chunked, page by
// page, back-pressured), never gathered whole in memory nor searched again per page.
const EXTRA = 1_234;

/** A raw GET, so that the test sees the transfer encoding and the bytes as sent. */
function rawGet(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      request(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      })
        .on("error", reject)
        .end();
    },
  );
}

describe("streamed exports", () => {
  let harness: Awaited<ReturnType<typeof startTestServer>>;
  let base = "";
  let total = 0;
  before(async () => {
    harness = await startTestServer();
    base = harness.server.url;
    const now = new Date().toISOString();
    await harness.db.transaction().execute(async (trx) => {
      for (let i = 0; i < EXTRA; i++)
        await writeEvent(
          trx,
          Event.parse({
            id: `bulk-${i}`,
            title: { en: `Bulk record ${i}`, zh: `批量记录 ${i}` },
            date: {
              start: `2024-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
            },
            jurisdictions: ["JP"],
            sources: [{ url: `https://example.org/${i}`, publisher: "Example" }],
          }),
          "test",
          now,
        );
    });
    total = 47 + EXTRA;
  });
  after(() => harness.stop());

  it("writes /api/events.csv in chunks, every event once, oldest first", async () => {
    const res = await rawGet(`${base}/api/events.csv`);
    assert.equal(res.status, 200);
    assert.equal(res.headers["transfer-encoding"], "chunked");
    assert.equal(res.headers["content-length"], undefined);
    const rows = parseCsv(res.body, { columns: true }) as { id: string; date_start: string }[];
    assert.equal(rows.length, total);
    assert.equal(new Set(rows.map((row) => row.id)).size, total);
    const starts = rows.map((row) => row.date_start);
    assert.deepEqual(starts, [...starts].sort());
  });

  it("compresses a stream on the fly with gzip, and tags it for 304", async () => {
    const res = await rawGet(`${base}/api/events.csv?jurisdiction=JP`, { "accept-encoding": "gzip, br" });
    assert.equal(res.headers["content-encoding"], "gzip");
    const rows = parseCsv(gunzipSync(res.body), { columns: true }) as unknown[];
    const seedJapan = readBundledDataset().events.filter((e) => e.jurisdictions.includes("JP")).length;
    assert.equal(rows.length, EXTRA + seedJapan, "the bulk records and the seed's Japanese events");
    const etag = res.headers.etag as string;
    assert.ok(etag);
    const again = await rawGet(`${base}/api/events.csv?jurisdiction=JP`, { "if-none-match": etag });
    assert.equal(again.status, 304);
  });

  it("streams the calendar and the CSL-JSON whole and valid, and honours limit and a query", async () => {
    const ics = await rawGet(`${base}/api/calendar.ics`);
    assert.equal(ics.headers["transfer-encoding"], "chunked");
    const calendar = new ICAL.Component(ICAL.parse(ics.body.toString("utf8")));
    const uids = calendar.getAllSubcomponents("vevent").map((e) => e.getFirstPropertyValue("uid"));
    for (const id of ["bulk-0", "bulk-1233"]) assert.ok(uids.includes(`${id}@aigov`), id);
    const csl = JSON.parse(
      (await rawGet(`${base}/api/sources.csl.json?q=bulk&limit=300&lang=en`)).body.toString(),
    );
    assert.equal(csl.length, 300);
    assert.ok(csl.every((item: { title: string }) => /bulk/i.test(item.title)));
  });

  it("keeps answering when a client leaves in the middle of an export", async () => {
    await new Promise<void>((resolve, reject) => {
      const req = request(`${base}/api/events.csv`, (res) => {
        res.once("data", () => {
          req.destroy();
          resolve();
        });
      });
      req.on("error", (error) =>
        (error as NodeJS.ErrnoException).code === "ECONNRESET" ? resolve() : reject(error),
      );
      req.end();
    });
    const res = await rawGet(`${base}/api/events?limit=1`);
    assert.equal(res.status, 200);
  });
});
