import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parse } from "csv-parse/sync";
import { Correction } from "../domain/correction.js";
import { correctionsByEvent } from "../domain/correctionsByEvent.js";
import { Event } from "../domain/event.js";
import { eventsToCsv } from "../export/eventsCsv.js";
import { detectFormat } from "./detectFormat.js";
import { ImportError } from "./importError.js";
import { readTextEvents } from "./readImportFiles.js";

const readCsvEvents = (text: string, file: string) => readTextEvents(text, "csv", file);

const sample = Event.parse({
  id: "2025-sample",
  seq: 3,
  title: { zh: "样例，含逗号", en: 'A "quoted" title' },
  summary: { zh: "第一段。\n\n第二段。" },
  date: { start: "2025-02-04", end: "2025-02-07" },
  jurisdictions: ["EU", "US-CA"],
  level: "regional",
  type: "law",
  bindingness: "binding",
  tags: ["gpai", "transparency"],
  sources: [{ note: 1, url: "https://example.org/a", publisher: "Ex", text: "Ex. <https://example.org/a>." }],
  effectiveDates: [{ date: "2026-01-22", label: { en: "in force" } }],
  relations: [{ kind: "revokes", label: { en: "EO 14110" } }],
  identifiers: [{ scheme: "us-eo", value: "14179" }],
  document: "doc-abc",
});

describe("readCsvEvents", () => {
  it("reads back exactly what eventsToCsv wrote", async () => {
    assert.deepEqual(await readCsvEvents(eventsToCsv([sample]), "e.csv"), [sample]);
  });
  it("reads back an export with a corrections column into the same events, the corrections left out", async () => {
    const other = Event.parse({ id: "2025-other", title: { en: "Other" }, date: { start: "2025-03-01" } });
    const corrections = correctionsByEvent([
      Correction.parse({
        event: sample.id,
        field: "date",
        claim: { en: "4 February" },
        correction: { zh: "官方记录为 2 月 5 日。", en: 'The record says "5 February", = not 4.' },
        verification: "secondary",
        sources: ["https://example.org/record", "https://example.org/other"],
      }),
    ]);
    const csv = eventsToCsv([sample, other], corrections);
    const rows = parse(csv, { columns: true }) as Record<string, string>[];
    // The column holds the API's JSON array of the event's corrections, empty for an uncorrected one.
    assert.deepEqual(JSON.parse(rows[0]?.corrections ?? ""), corrections.get(sample.id));
    assert.equal(rows[1]?.corrections, "");
    assert.equal(detectFormat(csv, "export.csv"), "csv");
    assert.deepEqual(await readCsvEvents(csv, "e.csv"), [sample, other]);
  });
  it("ignores whatever a corrections column holds", async () => {
    const [event] = await readCsvEvents(
      'title_en,date_start,corrections\nAn act,2025-01-21,"not even JSON, =1+1"\n',
      "e.csv",
    );
    assert.equal(event?.title.en, "An act");
    assert.ok(!("corrections" in (event ?? {})));
  });
  it("reads a minimal hand-written file", async () => {
    const [event] = await readCsvEvents(
      "title_en,date_start,jurisdictions\nKorea AI Basic Act,2025-01-21,KR\n",
      "e.csv",
    );
    assert.equal(event?.id, "2025-korea-ai-basic-act");
    assert.deepEqual(event?.jurisdictions, ["KR"]);
  });
  it("names the line of a row with a bad date", async () => {
    await assert.rejects(
      () => readCsvEvents("id,date_start,title_en\na,2025-01-02,Fine\nb,2025-13-01,Bad\n", "e.csv"),
      (e: unknown) =>
        e instanceof ImportError && e.message.startsWith("e.csv:3: event 2 (b): date.start: expected a date"),
    );
  });
  it("rejects unknown columns, a missing title column and ragged rows", async () => {
    await assert.rejects(
      () => readCsvEvents("id,date_start,title_en,colour\n", "e.csv"),
      /e\.csv:1: unknown column "colour"/,
    );
    await assert.rejects(
      () => readCsvEvents("id,date_start\na,2025\n", "e.csv"),
      /e\.csv:1: expected a header row/,
    );
    await assert.rejects(
      () => readCsvEvents("id,date_start,title_en\na,2025\n", "e.csv"),
      /e\.csv:2: invalid CSV/,
    );
  });
  it("rejects a column named twice, whatever its case (the second would overwrite the first)", async () => {
    await assert.rejects(
      () => readCsvEvents("date_start,title_en,Title_EN\n2025,A,B\n", "e.csv"),
      /e\.csv:1: column "title_en" is named twice in the header/,
    );
  });
});
