import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Correction } from "../../domain/correction.js";
import type { EventCorrection } from "../../domain/correctionsByEvent.js";
import { cardPlace, compactCorrection } from "./compactCorrection.js";

const correction = (fields: Partial<Correction> = {}): EventCorrection => {
  const { event: _event, ...rest } = Correction.parse({
    event: "x",
    field: "date",
    claim: { en: "passed on 29 September" },
    correction: { zh: "9 月 29 日为签署日。", en: "29 September is the day it was signed." },
    verification: "secondary",
    sources: ["https://example.org/a"],
    ...fields,
  });
  return rest;
};

describe("compactCorrection", () => {
  it("puts each field's note beside it in a card: title, first lines, or the meta line", () => {
    assert.equal(cardPlace("title"), "title");
    assert.equal(cardPlace("summary"), "summary");
    for (const field of ["date", "effectiveDates", "type", "bindingness", "level", "jurisdictions"] as const)
      assert.equal(cardPlace(field), "meta");
  });

  it("says “Corrected: ” / “已更正：” in the page's language and links to the n-th note", () => {
    assert.deepEqual(compactCorrection(correction(), 0, "/events/x?lang=zh", "zh"), {
      place: "meta",
      field: "date",
      prefix: "已更正：",
      text: "9 月 29 日为签署日。",
      textLang: "zh",
      href: "/events/x?lang=zh#correction-1",
    });
    assert.equal(
      compactCorrection(correction(), 2, "/events/x?lang=en", "en").href,
      "/events/x?lang=en#correction-3",
    );
    assert.equal(compactCorrection(correction(), 0, "/e", "en").prefix, "Corrected: ");
  });

  it("falls back to the other language, saying which, and keeps to the first lines", () => {
    const english = compactCorrection(correction({ correction: { en: "Signed." } }), 0, "/e", "zh");
    assert.equal(english.text, "Signed.");
    assert.equal(english.textLang, "en");
    const long = compactCorrection(
      correction({ correction: { en: "It was signed. ".repeat(40) } }),
      0,
      "/e",
      "en",
    );
    assert.ok(long.text.length <= 241, long.text);
  });
});
