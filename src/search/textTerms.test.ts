import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { hanTerms, indexTerms, stemWord, tokenize } from "./textTerms.js";

describe("textTerms", () => {
  it("cuts Chinese into overlapping bigrams, keeping a lone character", () => {
    assert.deepEqual(hanTerms("人工智能"), ["人工", "工智", "智能"]);
    assert.deepEqual(hanTerms("法"), ["法"]);
  });
  it("stems English words so that inflections meet", () => {
    assert.equal(stemWord("labelling"), stemWord("label"));
    assert.equal(stemWord("labeling"), stemWord("labels"));
    assert.equal(stemWord("flops"), stemWord("flop"));
  });
  it("splits mixed text into Han runs and lowercase words, folding full-width forms", () => {
    assert.deepEqual(
      tokenize("ＧＰＡＩ 指南, 10^{23} FLOP").map((t) => t.text),
      ["gpai", "指南", "10", "23", "flop"],
    );
  });
  it("indexes a field under each distinct term once", () => {
    assert.deepEqual([...indexTerms("芯片 芯片 chips")].sort(), ["chip", "芯片"].sort());
  });
});
