import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { firstLines } from "./textExcerpt.js";

describe("firstLines", () => {
  it("ends at a sentence where one ends past half the limit", () => {
    assert.equal(
      firstLines("One sentence here. Another sentence that goes on and on.", 30),
      "One sentence here.",
    );
  });

  it("cuts an English text between words, never inside one", () => {
    const text = "The Commission publishes guidelines on the scope of the obligations for providers";
    const cut = firstLines(text, 40);
    assert.equal(cut, "The Commission publishes guidelines on…");
    assert.ok(text.startsWith(cut.slice(0, -1)));
  });

  it("cuts Chinese between any two characters, and never splits a character outside the BMP", () => {
    assert.equal(
      firstLines("欧盟委员会发布通用人工智能模型提供者义务范围指南并征求意见", 10),
      "欧盟委员会发布通用人…",
    );
    assert.equal(firstLines("𠀀".repeat(12), 10), `${"𠀀".repeat(10)}…`);
  });

  it("shows powers as exponents", () => {
    assert.equal(firstLines("训练算力 $\\geq 10^{26}$ FLOPs 的模型"), "训练算力 ≥ 10²⁶ FLOPs 的模型");
  });
});
