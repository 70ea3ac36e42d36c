import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import type { AigovApp } from "../src/server/createApp.js";
import { startInProcessApp } from "./inProcessApp.js";

/** The hrefs of a page's take-away line, entities decoded. */
function takeAwayLinks(page: string): Record<string, string> {
  const line = /<p class="downloads">([^]*?)<\/p>/.exec(page)?.[1] ?? "";
  return Object.fromEntries(
    [...line.matchAll(/<a href="([^"]+)"[^>]*>([^<]+)<\/a>/g)].map((m) => [
      m[2],
      (m[1] ?? "").replace(/&amp;/g, "&"),
    ]),
  );
}

describe("take the view away", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  before(async () => {
    ({ app, stop } = await startInProcessApp());
  });
  after(() => stop());
  const get = (path: string) => app.hono.request(`http://localhost${path}`);

  it("offers a search's own events as JSON, CSV, Atom and iCalendar, in the page's language", async () => {
    const page = await (await get("/search?q=AI&jurisdiction=EU&lang=en")).text();
    const links = takeAwayLinks(page);
    assert.deepEqual(Object.keys(links), ["JSON", "CSV", "Atom", "iCalendar"]);
    for (const href of Object.values(links)) {
      assert.match(href, /q=AI/);
      assert.match(href, /jurisdiction=EU/);
      assert.match(href, /lang=en/);
    }
    const json = (await (await get(links.JSON as string)).json()) as {
      total: number;
      items: { id: string }[];
    };
    const csv = parse(await (await get(links.CSV as string)).text(), { columns: true }) as { id: string }[];
    assert.ok(json.total > 0);
    assert.deepEqual(new Set(csv.map((row) => row.id)), new Set(json.items.map((e) => e.id)));
    const atom = await (await get(links.Atom as string)).text();
    assert.equal((atom.match(/<entry>/g) ?? []).length, json.total);
    assert.match(
      page,
      /<link rel="alternate" type="application\/json" href="\/api\/events\?q=AI&amp;jurisdiction=EU/,
    );
  });

  it("offers a profile's events the same way, and its JSON twin", async () => {
    const page = await (await get("/jurisdictions/CN?lang=zh")).text();
    const links = takeAwayLinks(page);
    assert.equal(links.iCalendar, "/api/calendar.ics?jurisdiction=CN&lang=zh");
    assert.match(page, /<link rel="alternate" type="application\/json" href="\/api\/jurisdictions\/CN"/);
  });

  it("links the footer's feeds in the page's language, and the API reference from every page", async () => {
    const page = await (await get("/?lang=en")).text();
    assert.match(page, /<a href="\/api\/feed\.atom\?lang=en">Atom<\/a>/);
    assert.match(
      page,
      /<link rel="alternate" type="application\/atom\+xml" title="aigov" href="\/api\/feed\.atom\?lang=en"/,
    );
    assert.equal((await get("/api/docs?lang=en")).status, 200, "the nav's link to the API reference answers");
  });

  it("names an export's download after its jurisdictions and years", async () => {
    // The CSV is the export served as a download (the feed and the calendar are subscribed to).
    const csv = await get("/api/events.csv?jurisdiction=EU,US&from=2025-01-01&to=2025-12-31");
    assert.match(csv.headers.get("content-disposition") ?? "", /filename="aigov-events-eu-us-2025\.csv"/);
    const china = await get("/api/events.csv?jurisdiction=CN");
    assert.match(china.headers.get("content-disposition") ?? "", /filename="aigov-events-cn\.csv"/);
  });

  it("names a report's download after its period and language", async () => {
    const response = await get("/api/report?format=md&lang=en&from=2025-01-01&to=2025-12-31");
    assert.match(response.headers.get("content-disposition") ?? "", /filename="aigov-2025-en\.md"/);
    const part = await get("/api/report?format=html&lang=zh&from=2025-06-01&to=2025-09-30");
    assert.match(
      part.headers.get("content-disposition") ?? "",
      /filename="aigov-2025-06-01-2025-09-30-zh\.html"/,
    );
  });
});
