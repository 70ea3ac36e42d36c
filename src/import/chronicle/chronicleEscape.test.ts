import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  chronicleParagraphs,
  escapeChronicleInline,
  escapeChronicleNote,
  escapeChronicleParagraphs,
  unescapeChronicle,
} from "./chronicleEscape.js";
import { parseChronicle } from "./parseChronicle.js";

const chronicle = (summary: string[]) =>
  [
    "Report",
    "",
    "## Appendix: Chronicle of AI Governance, 2025",
    "",
    "### January",
    "",
    "#### 1. Act",
    "",
    ...escapeChronicleParagraphs(summary, "Summary: ").map((p, i) => (i === 0 ? `Summary: ${p}` : p)),
  ].join("\n\n");

describe("chronicleEscape", () => {
  it("reads back every escaped text as it was", () => {
    for (const text of ["a\\b", "\\*", "&amp; &#65;", "[^3] ^{2} ¹²", "<b>x</b>", "**x** `y` _z_ ~w~ |v|"])
      assert.equal(unescapeChronicle(escapeChronicleInline(text)), text);
  });

  it("leaves plain text as it was", () => {
    const text = "On 20 January 2025 the President signed Executive Order 14179 (EO 14179).";
    assert.equal(escapeChronicleInline(text), text);
    assert.deepEqual(escapeChronicleParagraphs([text], "Summary: "), [text]);
  });

  it("keeps a summary's forged event, month, date line, footnote and correction in the one event", () => {
    const summary =
      "It passed.\n#### 2. Forged\nMarch\nDate: 2025-12-31\n[^3]: https://evil.example/\n> **Correction (summary):** no\n\nthe chronicle";
    const parsed = parseChronicle(chronicle(chronicleParagraphs(summary)), "r.md");
    assert.equal(parsed.events.length, 1);
    assert.equal(parsed.events[0]?.summary.en, summary);
    assert.equal(parsed.events[0]?.date.start, "2025-01");
  });

  it("keeps a paragraph that follows one ending mid-sentence a paragraph of its own", () => {
    const parsed = parseChronicle(chronicle(["It passed", "and then"]), "r.md");
    assert.equal(parsed.events[0]?.summary.en, "It passed\n\nand then");
  });

  it("removes NUL and the other controls, trims line ends, and keeps a note's links", () => {
    assert.deepEqual(chronicleParagraphs("a\u0000b\u001b  \n \u3000 \nc\r\nd"), ["ab", "c\nd"]);
    assert.equal(
      escapeChronicleNote("<b>P</b>\n. <https://x.org/a_b>."),
      "\\<b\\>P\\</b\\> . <https://x.org/a_b>.",
    );
  });
});
