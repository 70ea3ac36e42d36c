import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Correction } from "../domain/correction.js";
import { correctionsByEvent } from "../domain/correctionsByEvent.js";
import { Event } from "../domain/event.js";
import { sourcesToCsl } from "./sourcesCsl.js";

const event = (id: string, text: string | null) =>
  Event.parse({
    id,
    title: { zh: "前沿人工智能透明法案通过", en: "Frontier AI act passed" },
    date: { start: "2025-09-29" },
    sources: [{ note: 1, url: "https://example.org/a", publisher: "Ex", text }],
  });
const corrections = correctionsByEvent(
  ["with-note", "without-note"].map((id) =>
    Correction.parse({
      event: id,
      field: "title",
      claim: { zh: "通过" },
      correction: { zh: "当日为州长签署日。", en: "That day the Governor signed it." },
      verification: "secondary",
      sources: ["https://example.org/bill"],
    }),
  ),
);

describe("sourcesToCsl › corrections", () => {
  it("adds the corrections to the note, after the printed note, in the wanted language", () => {
    const [item] = sourcesToCsl([event("with-note", "Ex. <https://example.org/a>.")], "zh", corrections);
    assert.equal(
      item?.note,
      "Ex. <https://example.org/a>.\n更正（标题）：当日为州长签署日。（仅对照二手来源；来源：https://example.org/bill）",
    );
  });

  it("makes the correction the note of a source printed without one, and leaves other items as they were", () => {
    const [corrected, plain] = sourcesToCsl(
      [event("without-note", null), event("plain", null)],
      "en",
      corrections,
    );
    assert.match(corrected?.note ?? "", /^Correction \(title\): That day the Governor signed it\./);
    assert.ok(!("note" in (plain ?? {})));
  });
});
