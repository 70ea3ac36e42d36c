import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractFootnoteRefs, matchDefinitionLine, parseNoteText } from "./footnotes.js";

describe("extractFootnoteRefs", () => {
  it("removes superscript marks and records their notes", () => {
    assert.deepEqual(extractFootnoteRefs("发布¹。随后²³"), {
      text: "发布。随后",
      refs: [
        { note: 1, offset: 2 },
        { note: 23, offset: 5 },
      ],
    });
  });
  it("reads ^{53,54} as two notes and [^7] as one", () => {
    assert.deepEqual(
      extractFootnoteRefs("成本^{53,54}。见[^7]").refs.map((r) => r.note),
      [53, 54, 7],
    );
  });
  it("leaves exponents alone", () => {
    for (const text of ["超过 10^{23} FLOP", "$\\geq 10^{26}$ FLOPs", "10²⁵ FLOP"])
      assert.deepEqual(extractFootnoteRefs(text), { text, refs: [] });
  });
  it("reads a defined note after a year as a note, not an exponent", () => {
    assert.deepEqual(extractFootnoteRefs("takes effect on 1 February 2026².", (n) => n === 2).refs, [
      { note: 2, offset: 31 },
    ]);
  });
  it("reads a mark after a name that ends in a digit as a note", () => {
    assert.deepEqual(extractFootnoteRefs("G7¹ 声明").refs, [{ note: 1, offset: 2 }]);
  });
  it("splits an ambiguous run by the notes the document defines", () => {
    const defined = new Set([1, 2]);
    assert.deepEqual(
      extractFootnoteRefs("见¹²", (n) => defined.has(n)).refs.map((r) => r.note),
      [1, 2],
    );
  });
});

describe("footnote definitions", () => {
  it("recognise printed and Markdown definitions but not a page that starts with a mark", () => {
    assert.deepEqual(matchDefinitionLine("¹² OECD. <https://x.org>."), {
      note: 12,
      body: "OECD. <https://x.org>.",
    });
    assert.deepEqual(matchDefinitionLine("[^3]: UN. https://un.org"), {
      note: 3,
      body: "UN. https://un.org",
    });
    assert.equal(matchDefinitionLine("⁵，这是首份报告"), null);
  });
  it("take the URL without <> and the final dot, and the publisher before it", () => {
    assert.deepEqual(parseNoteText("The White House.  <https://wh.gov/a/>.", 1), {
      note: 1,
      url: "https://wh.gov/a/",
      publisher: "The White House",
      text: "The White House. <https://wh.gov/a/>.",
    });
    assert.deepEqual(parseNoteText("https://x.org/a.pdf.", 5), {
      note: 5,
      url: "https://x.org/a.pdf",
      publisher: null,
      text: "https://x.org/a.pdf.",
    });
  });
});
