import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import ICAL from "ical.js";
import { parse } from "csv-parse/sync";
import type { AigovApp } from "../src/server/createApp.js";
import { startInProcessApp } from "./inProcessApp.js";

interface DeadlineItem {
  uid: string;
  date: string;
  jurisdiction: string;
  instrument: string;
}

describe("deadlines and the links between views", () => {
  let app: AigovApp;
  let stop: () => Promise<void>;
  before(async () => {
    // A fixed day, so that what is "next" does not move with the calendar.
    ({ app, stop } = await startInProcessApp({ clock: () => new Date("2026-01-15T12:00:00Z") }));
  });
  after(() => stop());
  const get = (path: string) => app.hono.request(`http://localhost${path}`);

  it("lists the deadlines of the jurisdictions and instrument chosen, the same in JSON, CSV and iCalendar", async () => {
    const query = "jurisdiction=EU,US-CA&from=2026-01-01&limit=500";
    const json = (await (await get(`/api/deadlines?${query}`)).json()) as {
      from: string;
      items: DeadlineItem[];
    };
    assert.ok(json.items.length > 3);
    assert.ok(json.items.every((d) => d.jurisdiction === "EU" || d.jurisdiction === "US-CA"));
    assert.ok(
      json.items.some((d) => d.date.startsWith("2027")),
      "the EU's 2027 dates are there",
    );
    const csvResponse = await get(`/api/deadlines.csv?${query}&lang=en`);
    assert.match(csvResponse.headers.get("content-disposition") ?? "", /aigov-deadlines-eu-us-ca-en\.csv/);
    const rows = parse(await csvResponse.text(), { columns: true }) as { date: string; instrument: string }[];
    assert.deepEqual(
      rows.map((r) => `${r.date} ${r.instrument}`),
      json.items.map((d) => `${d.date} ${d.instrument}`),
    );
    const ics = new ICAL.Component(
      ICAL.parse(await (await get(`/api/deadlines.ics?${query}&lang=zh`)).text()),
    );
    const uids = ics.getAllSubcomponents("vevent").map((e) => e.getFirstPropertyValue("uid"));
    assert.deepEqual(
      uids,
      json.items.map((d) => d.uid),
    );
    // The same selection as a feed a reader follows: parsed by a feed parser, entries linked to aigov.
    const atom = parseFeed(await (await get(`/api/deadlines.atom?${query}&lang=en`)).text());
    assert.equal(atom.items.length, json.items.length);
    assert.match(
      atom.items[0]?.url ?? "",
      /\/instruments\/(eu-ai-act|eu-digital-omnibus-ai|us-ca-[a-z0-9-]+)\?lang=en$/,
    );
    // One instrument alone.
    const sb53 = (await (await get("/api/deadlines?instrument=us-ca-sb-53&from=2020-01-01")).json()) as {
      items: DeadlineItem[];
    };
    assert.ok(sb53.items.length > 0 && sb53.items.every((d) => d.instrument === "us-ca-sb-53"));
    assert.ok(
      sb53.items.some((d) => d.date === "2026-01-01"),
      "SB 53 applies from 1 January 2026",
    );
  });

  it("shows the same selection on /deadlines, with its downloads, and refuses an unknown instrument", async () => {
    const page = await (await get("/deadlines?jurisdiction=EU&from=2026-01-01&lang=en")).text();
    assert.match(page, /<h1>Deadlines<\/h1>/);
    assert.match(
      page,
      /href="\/api\/deadlines\.ics\?jurisdiction=EU&amp;from=2026-01-01&amp;limit=500&amp;lang=en"/,
    );
    assert.match(
      page,
      /<link rel="alternate" type="application\/json" href="\/api\/deadlines\?jurisdiction=EU/,
    );
    assert.match(page, /<time datetime="2027-08-02">2 August 2027<\/time>/);
    assert.doesNotMatch(page, /href="\/instruments\/us-ca-sb-53/, "only the EU's instruments in the table");
    const refused = await get("/deadlines?instrument=nope&lang=en");
    assert.equal(refused.status, 400);
    assert.match(
      await refused.text(),
      /<h1>Address not understood<\/h1>[^]*no instrument with id &quot;nope&quot;/,
    );
  });

  it("lines up the jurisdictions' instruments, their last and next dates and their duties' thresholds on /compare", async () => {
    const page = await (await get("/compare?j=EU,CN,US&lang=en")).text();
    const rowOf = (header: string) => {
      const start = page.indexOf(`<th scope="row">${header}`);
      assert.ok(start > 0, header);
      return page.slice(start, page.indexOf("</tr>", start));
    };
    const cells = (header: string) => rowOf(header).split("<td>").slice(1);
    const [eu, cn, us] = cells("Instruments and their status");
    assert.match(eu ?? "", /href="\/instruments\/eu-ai-act\?lang=en"/);
    assert.match(cn ?? "", /href="\/instruments\/cn-gb-45438-2025\?lang=en"/);
    assert.match(us ?? "", /href="\/instruments\/us-ca-sb-53\?lang=en"/);
    // On 15 January 2026: SB 53 applies since 1 January 2026 (the US cell is no longer "—").
    const [, , usDates] = cells("Applies (last and next date)");
    assert.match(usDates ?? "", /since<\/span>\s*<time datetime="2026-01-01">/);
    const [euThresholds, , usThresholds] = cells("Compute thresholds its duties apply from");
    assert.match(euThresholds ?? "", /10<sup>25<\/sup> FLOP/);
    assert.match(usThresholds ?? "", /10<sup>26<\/sup> FLOP/);
  });

  it("leads from an event to its instruments and from a profile to every instrument date", async () => {
    const event = await (await get("/events/2025-us-ca-sb-53-frontier-ai-transparency-act?lang=en")).text();
    assert.match(event, /<h2 id="instruments">Instruments and their dates<\/h2>/);
    assert.match(event, /href="\/instruments\/us-ca-sb-53\?lang=en"/);
    assert.match(event, /datetime="2026-01-01"/, "SB 53 applies from 1 January 2026");
    const profile = await (await get("/jurisdictions/EU?lang=en")).text();
    const section = profile.slice(
      profile.indexOf('id="profile-instruments"'),
      profile.indexOf('id="profile-binding"'),
    );
    assert.match(section, /href="\/instruments\/eu-ai-act\?lang=en"/);
    for (const day of ["2024-08-01", "2025-08-02", "2026-08-02", "2027-08-02"])
      assert.match(section, new RegExp(`datetime="${day}"`), `the EU profile shows ${day}`);
  });
});
