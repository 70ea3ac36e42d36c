import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { type AigovApp, createApp } from "../src/server/createApp.js";
import { loadBundledDatasetIfEmpty, readBundledDataset } from "../src/import/bundledDataset.js";
import { SearchService } from "../src/search/searchService.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { createSqliteDatabase } from "./testDatabases.js";

// A page's absolute links come from the configured base URL: the response cache keeps a page for
// everyone, so a link built from one request's Host header would be served to every reader after it.
describe("absolute links on pages come from the base URL, not from the request", () => {
  let db: Database;
  let app: AigovApp;
  let drop: () => Promise<void>;
  const id = readBundledDataset().events[0]?.id as string;
  before(async () => {
    const store = await createSqliteDatabase();
    drop = store.drop;
    db = await openDatabase(store.location);
    await loadBundledDatasetIfEmpty(db);
    app = createApp({ db, search: new SearchService(db), baseUrl: "https://aigov.example" });
  });
  after(async () => {
    await db.destroy();
    await drop();
  });

  for (const [name, url, headers] of [
    ["a forged Host header", `http://localhost/events/${id}?lang=en`, { host: "evil.example" }],
    ["an absolute-form request line", `http://evil.example/events/${id}?lang=en`, {}],
  ] as const)
    it(`ignores ${name}, in the answer and in what the cache keeps`, async () => {
      for (let round = 0; round < 2; round++) {
        const res = await app.hono.request(url, { headers });
        assert.equal(res.status, 200);
        const page = await res.text();
        assert.match(
          page,
          new RegExp(`<link rel="canonical" href="https://aigov\\.example/events/${id}\\?lang=en"`),
        );
        assert.match(page, /<meta property="og:url" content="https:\/\/aigov\.example\//);
        assert.ok(!page.includes("evil.example"), `round ${round}: no link to the forged host`);
      }
      const clean = await (await app.hono.request(`http://localhost/events/${id}?lang=en`)).text();
      assert.ok(!clean.includes("evil.example"), "the next reader gets no forged link from the cache");
    });
});
