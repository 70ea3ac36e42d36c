import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { foldChineseVariants } from "./chineseVariants.js";

describe("foldChineseVariants", () => {
  it("folds every traditional character, wherever it stands, and keeps the rest", () => {
    assert.equal(foldChineseVariants("歐盟與美國"), "欧盟与美国");
    assert.equal(foldChineseVariants("The 歐盟 AI Act, 2024"), "The 欧盟 AI Act, 2024");
    const simplified = "欧盟人工智能法";
    assert.equal(foldChineseVariants(simplified), simplified);
  });

  it("folds character by character: the same length, and a text folds as its pieces do", () => {
    const pieces = ["歐", "盟", "與", "國", "欧", "a", "Z", " ", "。", "𠀋", "語", "ー", "1"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join("");
        const folded = foldChineseVariants(text);
        assert.equal(folded.length, text.length);
        assert.equal(folded, parts.map(foldChineseVariants).join(""));
      }),
    );
  });
});
