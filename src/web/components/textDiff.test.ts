import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { textDiff } from "./textDiff.js";

describe("textDiff", () => {
  it("marks the words removed in the first text and those added in the second", () => {
    const { before, after } = textDiff("Removing Barriers to AI", "Removing barriers to American AI", "en");
    assert.equal(before?.value, "Removing <del>Barriers</del> to AI");
    assert.equal(after?.value, "Removing <ins>barriers</ins> to<ins> American</ins> AI");
  });

  it("breaks Chinese into words, not the whole sentence", () => {
    const { after } = textDiff("美国发布行政令", "美国撤销行政令", "zh-CN");
    assert.match(after?.value ?? "", /^美国<ins>[^<]+<\/ins>行政令$/);
  });

  it("marks a text that is only on one side whole, and escapes what it marks", () => {
    assert.deepEqual(
      {
        before: textDiff(null, "<b>new</b>", "en").before,
        after: textDiff(null, "<b>new</b>", "en").after?.value,
      },
      { before: null, after: "<ins>&lt;b&gt;new&lt;/b&gt;</ins>" },
    );
    assert.equal(textDiff("a <i>", "a <j>", "en").before?.value.includes("<i>"), false);
  });
});
