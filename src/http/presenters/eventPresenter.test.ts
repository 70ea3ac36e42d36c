import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readBundledDataset } from "../../import/bundledDataset.js";
import { correctionsFor, presentEvent, presentStoredEvent } from "./eventPresenter.js";

describe("presentStoredEvent", () => {
  const events = readBundledDataset().events;
  const snippet = {
    field: "title" as const,
    text: "欧盟《人工智能法》",
    marks: [[0, 2]] as [number, number][],
  };

  it("sends the bytes presentEvent's JSON would be, with and without a match, corrected events too", () => {
    assert.ok(
      events.some((event) => correctionsFor(event.id).length),
      "the bundled data has corrections",
    );
    for (const event of events) {
      const stored = Buffer.from(JSON.stringify(event));
      for (const match of [undefined, null, snippet])
        assert.equal(
          presentStoredEvent(event.id, stored, match).toString("utf8"),
          JSON.stringify(presentEvent(event, match)),
          `${event.id} with match ${JSON.stringify(match)}`,
        );
    }
  });

  it("refuses stored JSON that is not an object rather than send broken JSON", () => {
    assert.throws(() => presentStoredEvent("x", Buffer.from("[1]"), null), /not an object/);
  });
});
