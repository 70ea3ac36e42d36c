import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Correction } from "./correction.js";
import { correctionsByEvent } from "./correctionsByEvent.js";
import { correctionParts, correctionText } from "./correctionText.js";

const correction = (input: Partial<Correction> = {}) =>
  Correction.parse({
    event: "2025-act",
    field: "summary",
    claim: { zh: "原文", en: "the text" },
    correction: { zh: "官方记录显示\n\n另一日期。", en: "The record shows\n another date." },
    verification: "official",
    sources: ["https://example.org/a", "https://example.org/b"],
    ...input,
  });

describe("correctionText", () => {
  const [own] = correctionsByEvent([correction()]).get("2025-act") ?? [];
  it("names the field, the record's text on one line, how it was checked and the sources (zh)", () => {
    assert.equal(
      correctionText(own!, "zh"),
      "更正（摘要）：官方记录显示 另一日期。（已对照官方文本；来源：https://example.org/a、https://example.org/b）",
    );
  });
  it("says the same in English, with one source as 'source'", () => {
    const [single] =
      correctionsByEvent([correction({ verification: "secondary", sources: ["https://example.org/a"] })]).get(
        "2025-act",
      ) ?? [];
    assert.equal(
      correctionText(single!, "en"),
      "Correction (summary): The record shows another date. (checked against secondary sources only; source: https://example.org/a)",
    );
  });
  it("falls back to the other language where the correction has only that one", () => {
    const [zhOnly] =
      correctionsByEvent([correction({ field: "effectiveDates", correction: { zh: "只有中文。" } })]).get(
        "2025-act",
      ) ?? [];
    const parts = correctionParts(zhOnly!, "en");
    assert.equal(parts.heading, "Correction (effective dates)");
    assert.equal(parts.text, "只有中文。");
  });
});
