import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Correction } from "../domain/correction.js";
import { Event } from "../domain/event.js";
import { correctionsByEvent } from "../domain/correctionsByEvent.js";
import { readBundledDataset } from "../import/bundledDataset.js";
import { presentEvent, presentStoredEvent } from "./presentEvent.js";

const correction = (event: string, field: Correction["field"], en: string) =>
  Correction.parse({
    event,
    field,
    claim: { zh: "原文", en: "the text" },
    correction: { zh: `更正：${en}`, en },
    verification: "official",
    sources: ["https://example.org/record"],
  });

const event = Event.parse({ id: "x", title: { en: "An act" }, date: { start: "2025-04-14" } });

describe("presentEvent", () => {
  it("adds the corrections it is given, and no key at all to an uncorrected event", () => {
    const given = correctionsByEvent([correction("x", "title", "The act is a regulation")]);
    assert.deepEqual(
      presentEvent(event, given).corrections?.map((c) => c.field),
      ["title"],
    );
    assert.ok(!("corrections" in presentEvent(event, correctionsByEvent([]))));
  });
});

describe("presentStoredEvent", () => {
  const events = readBundledDataset().events;
  const snippet = {
    field: "title" as const,
    text: "欧盟《人工智能法》",
    marks: [[0, 2]] as [number, number][],
  };
  // Corrections of the first events, whatever data/corrections holds at the moment.
  const corrections = correctionsByEvent(
    events.slice(0, 3).map((e, i) => correction(e.id, i ? "summary" : "date", `correction ${i}`)),
  );

  it("sends the bytes presentEvent's JSON would be, with and without a match, corrected events too", () => {
    for (const e of events) {
      const stored = Buffer.from(JSON.stringify(e));
      for (const match of [undefined, null, snippet])
        assert.equal(
          presentStoredEvent(e.id, stored, corrections, match).toString("utf8"),
          JSON.stringify(presentEvent(e, corrections, match)),
          `${e.id} with match ${JSON.stringify(match)}`,
        );
    }
  });

  it("sends the stored bytes themselves for an uncorrected event without a match", () => {
    const stored = Buffer.from(JSON.stringify(event));
    assert.equal(presentStoredEvent(event.id, stored, corrections), stored);
  });

  it("refuses stored JSON that is not an object rather than send broken JSON", () => {
    assert.throws(() => presentStoredEvent("x", Buffer.from("[1]"), corrections, null), /not an object/);
  });
});
