import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Correction } from "./correction.js";
import { correctionsByEvent } from "./correctionsByEvent.js";

const correction = (event: string, field: Correction["field"]) =>
  Correction.parse({
    event,
    field,
    claim: { en: "the text" },
    correction: { en: "the record" },
    verification: "official",
    sources: ["https://example.org/a"],
  });

describe("correctionsByEvent", () => {
  it("groups corrections by event in the order of the data, without the event id", () => {
    const byEvent = correctionsByEvent([
      correction("2025-act", "title"),
      correction("2025-other", "date"),
      correction("2025-act", "summary"),
    ]);
    assert.deepEqual(
      byEvent.get("2025-act")?.map((c) => c.field),
      ["title", "summary"],
    );
    assert.ok(!("event" in (byEvent.get("2025-other")?.[0] ?? {})));
    assert.equal(byEvent.get("2025-none"), undefined);
  });
});
