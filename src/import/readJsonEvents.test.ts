import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ImportError } from "./importError.js";
import { readTextEvents } from "./readImportFiles.js";

const readJsonEvents = (text: string, file: string, chunkBytes?: number) =>
  readTextEvents(text, "json", file, chunkBytes);

const failsAt = (text: string, line: number, pattern: RegExp, chunkBytes?: number) =>
  assert.rejects(
    () => readJsonEvents(text, "e.json", chunkBytes),
    (error: unknown) =>
      error instanceof ImportError &&
      error.line === line &&
      pattern.test(error.message) &&
      error.message.startsWith(`e.json:${line}: `),
  );

describe("readJsonEvents", () => {
  it("reads an array or { events: [...] }, filling defaults and a derived id", async () => {
    const [event] = await readJsonEvents(
      '{ "events": [ { "title": { "en": "EU AI Act enters into force" }, "date": { "start": "2024-08-01" } } ] }',
      "e.json",
    );
    assert.equal(event?.id, "2024-eu-ai-act-enters-into-force");
    assert.equal(event?.date.precision, "day");
    assert.deepEqual(event?.sources, []);
  });
  it("rejects a top-level key beside events, and events given twice, naming the line", async () => {
    const event = '{ "title": { "en": "A" }, "date": { "start": "2025" } }';
    await failsAt(`{\n  "events": [${event}],\n  "notes": "x"\n}`, 3, /unknown top-level key "notes"/);
    await failsAt(`{ "source": "x", "events": [${event}] }`, 1, /unknown top-level key "source"/);
    await failsAt(`{ "__proto__": {}, "events": [] }`, 1, /unknown top-level key "__proto__"/);
    await failsAt(`{ "events": [${event}],\n"events": [] }`, 2, /"events" is given twice/);
    // Keys inside events are the event schema's business, not this check's.
    assert.equal((await readJsonEvents(`{ "events": [${event}] }`, "e.json")).length, 1);
  });
  it("names the line of a truncated file", async () => {
    await failsAt('[\n  { "id": "a",\n', 3, /invalid JSON/);
  });
  it("names the line where a bad record starts and the field that is wrong", async () => {
    const text = `[\n  { "id": "ok", "title": { "en": "A" }, "date": { "start": "2025-01-01" } },\n  {\n    "id": "bad",\n    "title": { "en": "B" },\n    "date": { "start": "2025-02-30" }\n  }\n]`;
    await failsAt(text, 3, /event 2 \(bad\): date\.start: expected a date/);
  });
  it("rejects a record with no title, an unknown level and an unknown field", async () => {
    await failsAt(
      '[{ "id": "x", "title": {}, "date": { "start": "2025" } }]',
      1,
      /title: expected at least one of zh or en/,
    );
    await failsAt(
      '[{ "id": "x", "title": {"en":"A"}, "date": { "start": "2025" }, "level": "galactic" }]',
      1,
      /level/,
    );
    await failsAt(
      '[{ "id": "x", "title": {"en":"A"}, "date": { "start": "2025" }, "colour": "red" }]',
      1,
      /colour/,
    );
  });
  it("rejects a file that is not a list of events, and a repeated id", async () => {
    await failsAt('{ "title": "x" }', 1, /expected an array of events/);
    await failsAt(
      '[{ "id": "x", "title": {"en":"A"}, "date": {"start":"2025"} },\n{ "id": "x", "title": {"en":"B"}, "date": {"start":"2025"} }]',
      2,
      /already used on line 1/,
    );
  });
});
