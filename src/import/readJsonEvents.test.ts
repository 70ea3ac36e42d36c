import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ImportError } from "./importError.js";
import { readJsonEvents } from "./readJsonEvents.js";

const failsAt = (text: string, line: number, pattern: RegExp) =>
  assert.throws(
    () => readJsonEvents(text, "e.json"),
    (error: unknown) =>
      error instanceof ImportError &&
      error.line === line &&
      pattern.test(error.message) &&
      error.message.startsWith(`e.json:${line}: `),
  );

describe("readJsonEvents", () => {
  it("reads an array or { events: [...] }, filling defaults and a derived id", () => {
    const [event] = readJsonEvents(
      '{ "events": [ { "title": { "en": "EU AI Act enters into force" }, "date": { "start": "2024-08-01" } } ] }',
      "e.json",
    );
    assert.equal(event?.id, "2024-eu-ai-act-enters-into-force");
    assert.equal(event?.date.precision, "day");
    assert.deepEqual(event?.sources, []);
  });
  it("names the line of a truncated file", () => {
    failsAt('[\n  { "id": "a",\n', 3, /invalid JSON/);
  });
  it("names the line where a bad record starts and the field that is wrong", () => {
    const text = `[\n  { "id": "ok", "title": { "en": "A" }, "date": { "start": "2025-01-01" } },\n  {\n    "id": "bad",\n    "title": { "en": "B" },\n    "date": { "start": "2025-02-30" }\n  }\n]`;
    failsAt(text, 3, /event 2 \(bad\): date\.start: expected a date/);
  });
  it("rejects a record with no title, an unknown level and an unknown field", () => {
    failsAt(
      '[{ "id": "x", "title": {}, "date": { "start": "2025" } }]',
      1,
      /title: expected at least one of zh or en/,
    );
    failsAt(
      '[{ "id": "x", "title": {"en":"A"}, "date": { "start": "2025" }, "level": "galactic" }]',
      1,
      /level/,
    );
    failsAt(
      '[{ "id": "x", "title": {"en":"A"}, "date": { "start": "2025" }, "colour": "red" }]',
      1,
      /colour/,
    );
  });
  it("rejects a file that is not a list of events, and a repeated id", () => {
    failsAt('{ "title": "x" }', 1, /expected an array of events/);
    failsAt(
      '[{ "id": "x", "title": {"en":"A"}, "date": {"start":"2025"} },\n{ "id": "x", "title": {"en":"B"}, "date": {"start":"2025"} }]',
      2,
      /already used on line 1/,
    );
  });
});
