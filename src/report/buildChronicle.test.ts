import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Correction } from "../domain/correction.js";
import { correctionsByEvent } from "../domain/correctionsByEvent.js";
import { readBundledDataset } from "../import/bundledDataset.js";
import { buildChronicle } from "./buildChronicle.js";

const { events } = readBundledDataset();
const year = { from: "2025-01-01", to: "2025-12-31" };

describe("buildChronicle › the bundled 2025 data", () => {
  const chronicle = buildChronicle(events, year, "zh");
  const printed = chronicle.months.flatMap((month) => month.events);

  it("has twelve month sections, 1 月 to 12 月", () => {
    assert.deepEqual(
      chronicle.months.map((m) => m.heading),
      Array.from({ length: 12 }, (_, i) => `${i + 1} 月`),
    );
    assert.equal(chronicle.heading, "附：2025 年全球人工智能治理大事记");
  });

  it("lists the 47 events in the seed's order, numbered as the seed numbers them", () => {
    assert.deepEqual(
      printed.map((e) => e.number),
      Array.from({ length: 47 }, (_, i) => i + 1),
    );
    assert.deepEqual(
      printed.map((e) => e.event.seq),
      Array.from({ length: 47 }, (_, i) => i + 1),
    );
    // The seed files event 23 (26 July) before 24 (10 July): its order, not the date's.
    assert.deepEqual(
      chronicle.months[6]?.events.map((e) => e.number),
      [22, 23, 24, 25, 26],
    );
  });

  it("makes all 58 sources footnotes, numbered 1 to 58 through the document", () => {
    assert.deepEqual(
      printed.flatMap((e) => e.notes.map((n) => n.number)),
      Array.from({ length: 58 }, (_, i) => i + 1),
    );
    assert.equal(printed.find((e) => e.number === 43)?.notes.length, 3);
  });

  it("needs no date line in Chinese, where every summary writes its date", () => {
    assert.deepEqual(
      printed.filter((e) => e.dateLine !== null).map((e) => e.number),
      [],
    );
  });

  it("in English, prints date lines for the spans the summaries do not write as dates", () => {
    const english = buildChronicle(events, year, "en").months.flatMap((m) => m.events);
    for (const e of english.filter((item) => item.dateLine !== null))
      assert.match(e.dateLine ?? "", /^\d{4}(-\d{2}){0,2}( to \d{4}(-\d{2}){0,2})?$/);
    assert.equal(english.find((e) => e.number === 5)?.dateLine, "2025-02-04 to 2025-02-07");
  });
});

describe("buildChronicle › corrections", () => {
  // Fixture corrections of the fifth bundled event, whatever data/corrections holds at the moment.
  const target = events[4]?.id as string;
  const corrections = correctionsByEvent(
    (["date", "type"] as const).map((field) =>
      Correction.parse({
        event: target,
        field,
        claim: { en: "the text" },
        correction: { zh: `官方记录：${field}`, en: `The record: ${field}` },
        verification: "official",
        sources: ["https://example.org/record"],
      }),
    ),
  );

  it("gives a corrected event its corrections in the report's language, in data order, and others none", () => {
    for (const lang of ["zh", "en"] as const) {
      const printed = buildChronicle(events, year, lang, corrections).months.flatMap((m) => m.events);
      const corrected = printed.filter((e) => e.corrections.length);
      assert.deepEqual(
        corrected.map((e) => e.event.id),
        [target],
      );
      assert.deepEqual(
        corrected[0]?.corrections.map((c) => [c.field, c.heading, c.text, c.verification]),
        lang === "zh"
          ? [
              ["date", "更正（日期）", "官方记录：date", "已对照官方文本"],
              ["type", "更正（类型）", "官方记录：type", "已对照官方文本"],
            ]
          : [
              ["date", "Correction (date)", "The record: date", "checked against the official text"],
              ["type", "Correction (type)", "The record: type", "checked against the official text"],
            ],
      );
    }
    assert.ok(
      buildChronicle(events, year, "zh").months.every((m) => m.events.every((e) => !e.corrections.length)),
    );
  });
});
