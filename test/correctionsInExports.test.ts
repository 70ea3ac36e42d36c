import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { parse as parseCsv } from "csv-parse/sync";
import { parseFeed } from "@rowanmanning/feed-parser";
import ICAL from "ical.js";
import { Correction } from "../src/domain/correction.js";
import type { Event } from "../src/domain/event.js";
import { createApp } from "../src/server/createApp.js";
import { loadBundledDatasetIfEmpty, readBundledDataset } from "../src/import/bundledDataset.js";
import { parseChronicle } from "../src/import/chronicle/parseChronicle.js";
import { readTextEvents } from "../src/import/importFiles.js";
import { bundledObligations } from "../src/reference/obligationsData.js";
import { SearchService } from "../src/search/searchService.js";
import { type Database, openDatabase } from "../src/storage/database.js";
import { listEvents } from "../src/storage/repos/eventRepo.js";
import { DIALECTS, type TestDatabase } from "./testDatabases.js";

// Every export and report the server writes shows a corrected event's corrections beside its text.
// The corrections are fixtures on bundled events, so that the test holds whatever data/corrections says.
const dataset = readBundledDataset();
const target = dataset.events.find(
  (e) => e.date.precision === "day" && e.sources.length && e.summary.en && e.summary.zh,
) as Event;
const FIXTURES = [
  Correction.parse({
    event: target.id,
    field: "summary",
    claim: { zh: "原文所称", en: "what the text says" },
    correction: {
      zh: "官方记录另有所载，见 2031 年 2 月 3 日公报。",
      en: "The record says otherwise (gazette of 3 February 2031).",
    },
    verification: "official",
    sources: ["https://example.org/record?a=1&b=2"],
  }),
  Correction.parse({
    event: target.id,
    field: "date",
    claim: { en: "that day" },
    correction: { en: "The record gives another day." },
    verification: "secondary",
    sources: ["https://example.org/other"],
  }),
];
const { event: _event, ...shown } = FIXTURES[0] as Correction;

for (const dialect of DIALECTS)
  describe(`corrections in the exports and reports (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: TestDatabase;
    let db: Database;
    let get: (path: string) => Promise<string>;
    before(async () => {
      store = await dialect.create();
      db = await openDatabase(store.location);
      await loadBundledDatasetIfEmpty(db);
      const app = createApp({
        db,
        search: new SearchService(db),
        versionMaxAgeMs: 0,
        responseCache: false,
        obligations: { ...bundledObligations(), corrections: FIXTURES },
      });
      get = async (path) => {
        const res = await app.hono.request(path);
        assert.equal(res.status, 200, path);
        return res.text();
      };
    });
    after(async () => {
      await db.destroy();
      await store.drop();
    });

    it("CSV: a corrections column with the API's JSON, which the CSV import reads past", async () => {
      const csv = await get("/api/events.csv");
      const rows = parseCsv(csv, { columns: true }) as Record<string, string>[];
      const corrected = rows.filter((row) => row.corrections);
      assert.deepEqual(
        corrected.map((row) => row.id),
        [target.id],
      );
      assert.deepEqual(JSON.parse(corrected[0]?.corrections ?? "")[0], shown);
      assert.deepEqual(await readTextEvents(csv, "csv", "export.csv"), await listEvents(db));
    });

    it("Atom: the correction follows the corrected entry's summary", async () => {
      // Read as a feed reader reads it: the summary is text (type="text"), the corrections lines after it.
      const feed = parseFeed(await get("/api/feed.atom?lang=en&limit=200"));
      const entry = feed.items.find((item) => item.id === `tag:aigov,2025:events/${target.id}`);
      const text = entry?.description ?? "";
      assert.ok(text.includes(target.summary.en as string), text);
      assert.match(text, /Correction \(summary\): The record says otherwise/);
      assert.match(text, /Correction \(date\): The record gives another day\./);
    });

    it("iCalendar: the correction is in the event day's description; its date stays as imported", async () => {
      const ics = await get("/api/calendar.ics?lang=zh");
      const entry = new ICAL.Component(ICAL.parse(ics))
        .getAllSubcomponents("vevent")
        .map((v) => new ICAL.Event(v))
        .find((e) => e.uid === `${target.id}@aigov`);
      assert.equal(entry?.startDate.toString(), target.date.start);
      assert.match(entry?.description ?? "", /更正（摘要）：官方记录另有所载/);
      assert.match(entry?.description ?? "", /更正（日期）：The record gives another day\./);
    });

    it("CSL-JSON: every source item of the corrected event says the corrections in its note", async () => {
      const items = JSON.parse(await get("/api/sources.csl.json?lang=en")) as { id: string; note?: string }[];
      const own = items.filter((item) => item.id.startsWith(`${target.id}-`));
      assert.equal(own.length, target.sources.length);
      for (const item of own)
        assert.match(item.note ?? "", /Correction \(summary\): The record says otherwise/);
      const others = items.filter((item) => !item.id.startsWith(`${target.id}-`));
      assert.ok(others.every((item) => !item.note?.includes("Correction (")));
    });

    for (const lang of ["zh", "en"] as const)
      it(`reports: Markdown and HTML print the correction, and the Markdown imports back without it (${lang})`, async () => {
        const md = await get(`/api/report?format=md&lang=${lang}&from=2025&to=2025`);
        assert.match(
          md,
          lang === "zh"
            ? /^> \*\*更正（摘要）\*\*：官方记录另有所载/m
            : /^> \*\*Correction \(summary\):\*\* The record/m,
        );
        const parsed = parseChronicle(md, "report.md");
        assert.deepEqual(parsed.warnings, []);
        const summaries = parsed.events.map((e) => e.summary[lang] ?? "").join("\n");
        assert.ok(summaries.includes(target.summary[lang] as string));
        assert.doesNotMatch(summaries, /更正|Correction|example\.org|2031|another day/);
        const html = await get(`/api/report?format=html&lang=${lang}&from=2025&to=2025`);
        assert.match(html, /<p class="correction" role="note" data-field="summary">/);
        assert.match(html, /<a href="https:\/\/example\.org\/record\?a=1&amp;b=2">/);
      });
  });
