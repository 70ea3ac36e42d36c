// Issue 25: `aigov export` and the API's exports are one use case (app/exportEvents.ts), so the same
// query gives the same items in every format: the calendar's instrument dates and the feed's 50 newest
// are no longer the API's alone. The CLI runs in process; the API answers through app.request().
import assert from "node:assert/strict";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { createApp } from "../src/server/createApp.js";
import { SearchService } from "../src/search/searchService.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { ROOT, runCli, tempDir } from "./runCli.js";

const SEED_EVENTS = join(ROOT, "data/events/2025-global-ai-governance-report.json");
const BASE = "http://aigov.example";

/** A calendar without the moment it was made (DTSTAMP), which differs between two runs. */
const withoutStamps = (ics: string) => ics.replace(/^DTSTAMP:.*\r?\n/gm, "");

describe("aigov export and the API's exports", () => {
  const dir = tempDir();
  const path = join(dir, "aigov.db");
  let db: Database;
  let app: ReturnType<typeof createApp>;
  before(async () => {
    assert.equal((await runCli(["import", SEED_EVENTS, "--db", path])).code, 0);
    db = await openDatabase({ kind: "sqlite", path });
    app = createApp({ db, search: new SearchService(db), baseUrl: BASE, responseCache: false });
  });
  after(() => db.destroy());

  const api = async (url: string) => {
    const response = await app.hono.request(`http://localhost${url}`);
    assert.equal(response.status, 200, url);
    return response.text();
  };
  const cli = async (args: string[]) => {
    const run = await runCli(["export", ...args, "--db", path, "--base-url", BASE]);
    assert.equal(run.code, 0, run.stderr);
    return run.stdout;
  };

  for (const [label, cliArgs, query] of [
    ["every event", [], ""],
    ["the EU's", ["--jurisdiction", "EU"], "jurisdiction=EU"],
    [
      "binding laws of 2025, in English",
      ["--type", "law", "--bindingness", "binding", "--from", "2025", "--lang", "en"],
      "type=law&bindingness=binding&from=2025&lang=en",
    ],
  ] as const) {
    it(`holds the same CSV, CSL-JSON, Atom and iCalendar for ${label}`, async () => {
      const q = query ? `?${query}` : "";
      assert.equal(await cli(["--format", "csv", ...cliArgs]), await api(`/api/events.csv${q}`));
      assert.equal(await cli(["--format", "csl", ...cliArgs]), await api(`/api/sources.csl.json${q}`));
      assert.equal(await cli(["--format", "atom", ...cliArgs]), await api(`/api/feed.atom${q}`));
      assert.equal(
        withoutStamps(await cli(["--format", "ics", ...cliArgs])),
        withoutStamps(await api(`/api/calendar.ics${q}`)),
      );
    });
  }

  it("puts the instruments' applicability dates in the CLI's calendar too", async () => {
    const ics = await cli(["--format", "ics", "--jurisdiction", "EU"]);
    assert.match(ics, /SUMMARY:开始适用: /);
  });

  it("gives the feed's 50 newest unless --limit says otherwise, as the API does", async () => {
    const entries = (atom: string) => atom.match(/<entry>/g)?.length ?? 0;
    assert.equal(entries(await cli(["--format", "atom"])), 47);
    assert.equal(entries(await cli(["--format", "atom", "--limit", "5"])), 5);
    assert.equal(await cli(["--format", "atom", "--limit", "5"]), await api("/api/feed.atom?limit=5"));
  });

  it("exports JSON and JSON Lines of the same events, in the order of GET /api/events?sort=date", async () => {
    const json = JSON.parse(await cli(["--format", "json", "--jurisdiction", "CN"])) as { id: string }[];
    const lines = (await cli(["--format", "jsonl", "--jurisdiction", "CN"]))
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { id: string }).id);
    const page = JSON.parse(await api("/api/events?jurisdiction=CN&sort=date&limit=500")) as {
      items: { id: string }[];
    };
    assert.deepEqual(
      json.map((e) => e.id),
      lines,
    );
    assert.deepEqual(
      lines,
      page.items.map((e) => e.id),
    );
  });

  it("refuses a --limit out of the API's bounds as a usage error", async () => {
    const run = await runCli(["export", "--format", "csv", "--limit", "0", "--db", path]);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--limit.*expected a whole number from 1 to 500/);
  });
});
