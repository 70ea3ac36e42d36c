import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { plainToSuperscript, readableMath, superscriptToPlain } from "./superscript.js";

describe("readableMath", () => {
  it("shows TeX signs and powers from a PDF as a reader writes them", () => {
    assert.equal(readableMath("训练算力 $\\geq 10^{26}$ FLOPs"), "训练算力 ≥ 10²⁶ FLOPs");
    assert.equal(readableMath("more than 10^23 FLOP"), "more than 10²³ FLOP");
    assert.equal(readableMath("10^{25} and 10^-3"), "10²⁵ and 10⁻³");
  });

  it("leaves money, lone carets and plain text alone", () => {
    for (const text of ["price $10 and $20", "a ^ b", "no math here", "cost $5"])
      assert.equal(readableMath(text), text);
  });

  it("writes exponents the search reads back as the same power", () => {
    assert.equal(superscriptToPlain(plainToSuperscript("26")), "26");
  });
});
