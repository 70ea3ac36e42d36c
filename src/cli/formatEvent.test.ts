import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Correction } from "../domain/correction.js";
import type { EventCorrection } from "../domain/correctionsByEvent.js";
import { Event } from "../domain/event.js";
import { formatCorrectionLine, formatEventDetail } from "./formatEvent.js";

const event = Event.parse({
  id: "x",
  title: { zh: "某法", en: "An act" },
  summary: { zh: "议会通过。", en: "The legislature passed it." },
  date: { start: "2025-09-29" },
  jurisdictions: ["US-CA"],
  type: "law",
  sources: [{ note: 1, text: "A gazette" }],
});
const correction = (field: Correction["field"], en: string): EventCorrection => {
  const { event: _event, ...rest } = Correction.parse({
    event: "x",
    field,
    claim: { en: "the text" },
    correction: { zh: `更正：${en}`, en },
    verification: "official",
    sources: ["https://example.org/record"],
  });
  return rest;
};

describe("formatEventDetail", () => {
  it("prints each correction right after the field it corrects, in the language asked for", () => {
    const lines = formatEventDetail(
      event,
      [
        correction("summary", "Signed, not passed."),
        correction("date", "Signed that day."),
        correction("title", "A statute."),
      ],
      "en",
    ).split("\n");
    const after = (pattern: RegExp) => lines[lines.findIndex((line) => pattern.test(line)) + 1];
    assert.match(
      after(/^title \(en\):/) ?? "",
      /^ {2}Correction \(title\): A statute\. \(checked against the official text; source: https:\/\/example\.org\/record\)$/,
    );
    assert.match(after(/^date:/) ?? "", /^ {2}Correction \(date\): Signed that day\./);
    const summary = lines.findIndex((line) => line.includes("Correction (summary)"));
    assert.ok(summary > lines.indexOf("The legislature passed it."), "after the summaries");
    assert.ok(summary < lines.indexOf("sources:"), "before the sources");
  });

  it("prints a correction in Chinese with --lang zh, and nothing extra for an uncorrected event", () => {
    assert.match(
      formatEventDetail(event, [correction("type", "A regulation.")], "zh"),
      /\n {2}更正（类型）：更正：A regulation\.（已对照官方文本；来源：https:\/\/example\.org\/record）\n/,
    );
    assert.ok(!/correction|更正/i.test(formatEventDetail(event)));
  });

  it("still prints a correction of a field the import left empty", () => {
    assert.match(
      formatEventDetail(event, [correction("level", "It is national.")]),
      /Correction \(level\): It is national\./,
    );
  });
});

describe("formatCorrectionLine", () => {
  it("puts a correction on one line, field first, control characters removed", () => {
    assert.equal(
      formatCorrectionLine(correction("summary", "Signed\non 29\u001b[2J September."), "en"),
      "Correction (summary): Signed on 29[2J September.",
    );
    assert.equal(formatCorrectionLine(correction("date", "Signed."), "zh"), "更正（日期）：更正：Signed.");
  });
});
