import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Event, type EventInput } from "../domain/event.js";
import { SearchIndex } from "./searchIndex.js";

const event = (id: string, start: string, extra: Partial<EventInput> = {}) =>
  Event.parse({ id, title: { en: id }, date: { start }, ...extra });

describe("SearchIndex.crossCounts", () => {
  const index = new SearchIndex([
    event("c", "2025-03-02", { type: "law", jurisdictions: ["EU"] }),
    event("b", "2025-03-01", { type: "guideline", jurisdictions: ["CN"] }),
    event("a", "2025-01-05", { type: "law", jurisdictions: ["US-CA"] }),
  ]);

  it("counts events per pair of facet values, pairs without events left out", () => {
    assert.deepEqual(index.crossCounts("month", "type"), {
      "2025-01": { law: 1 },
      "2025-03": { law: 1, guideline: 1 },
    });
  });

  it("applies the filter first, a country taking in its subdivisions", () => {
    assert.deepEqual(index.crossCounts("month", "type", { jurisdictions: ["US"] }), {
      "2025-01": { law: 1 },
    });
  });
});
