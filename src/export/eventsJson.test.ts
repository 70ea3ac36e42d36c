import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Correction } from "../domain/correction.js";
import { correctionsByEvent } from "../domain/correctionsByEvent.js";
import { Event } from "../domain/event.js";
import { readTextEvents } from "../import/readImportFiles.js";
import { eventJsonLine, eventsToJson } from "./eventsJson.js";

const event = (id: string) =>
  Event.parse({
    id,
    title: { en: `Event ${id}` },
    summary: { en: "Took effect." },
    date: { start: "2025-08-02" },
  });
const corrected = event("corrected");
const plain = event("plain");
const corrections = correctionsByEvent([
  Correction.parse({
    event: "corrected",
    field: "summary",
    claim: { en: "Took effect." },
    correction: { en: "It is not binding; nothing took effect." },
    verification: "official",
    sources: ["https://example.org/record"],
  }),
]);

describe("eventsToJson", () => {
  it("adds the API's `corrections` array to a corrected event only", () => {
    const [first, second] = JSON.parse(eventsToJson([corrected, plain], corrections)) as Record<
      string,
      unknown
    >[];
    assert.deepEqual(first?.corrections, corrections.get("corrected"));
    assert.ok(!("corrections" in (second ?? {})));
  });

  it("imports back into the same events, the corrections left out", async () => {
    const text = eventsToJson([corrected, plain], corrections);
    assert.deepEqual(await readTextEvents(text, "json", "e.json"), [corrected, plain]);
  });
});

describe("eventJsonLine", () => {
  it("gives an uncorrected event's stored JSON back as it is", () => {
    const stored = JSON.stringify(plain);
    assert.equal(eventJsonLine("plain", stored, corrections), stored);
  });

  it("presents a corrected event in full, as eventsToJson does, and reads back as JSON Lines", async () => {
    const line = eventJsonLine("corrected", JSON.stringify(corrected), corrections);
    assert.deepEqual(JSON.parse(line), (JSON.parse(eventsToJson([corrected], corrections)) as unknown[])[0]);
    const lines = `${line}\n${eventJsonLine("plain", JSON.stringify(plain), corrections)}\n`;
    assert.deepEqual(await readTextEvents(lines, "jsonl", "e.jsonl"), [corrected, plain]);
  });
});
