import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { SearchService } from "../src/search/searchService.js";
import { type AigovApp, createApp } from "../src/server/createApp.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { fixture, runCli, tempDir } from "./runCli.js";

// A database filled from a chronicle aigov has not curated: events without jurisdictions or types, as a
// newcomer's own report would first give.
describe("pages of a database whose events name no jurisdiction yet", () => {
  let db: Database;
  let app: AigovApp;
  before(async () => {
    const path = join(tempDir(), "uncurated.db");
    assert.equal((await runCli(["import", fixture("chronicle-2024-english.txt"), "--db", path])).code, 0);
    db = await openDatabase({ kind: "sqlite", path });
    app = createApp({ db, search: new SearchService(db), versionMaxAgeMs: 0 });
  });
  after(() => db.destroy());

  it("says why the map is empty instead of showing an empty map alone", async () => {
    for (const [lang, words] of [
      ["en", /No event in this database names a jurisdiction yet/],
      ["zh", /此数据库中尚无事件标注法域/],
    ] as const) {
      const page = await (await app.hono.request(`http://localhost/map?lang=${lang}`)).text();
      assert.match(page, words);
    }
  });

  it("leaves no dangling separator where a card has no jurisdiction, type or bindingness", async () => {
    const page = await (await app.hono.request("http://localhost/?lang=en")).text();
    const metas = [...page.matchAll(/<p class="event-card__meta">([^]*?)<\/p>/g)].map((m) => m[1] ?? "");
    assert.ok(metas.length > 0);
    for (const meta of metas) assert.doesNotMatch(meta.replace(/<[^>]+>/g, "").trim(), /·\s*$|^·|·\s*·/);
  });
});
