import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatPower, parseQuantity } from "./quantity.js";

describe("parseQuantity", () => {
  const cases: [string, number][] = [
    ["3e25", 3e25],
    ["3E+25", 3e25],
    ["1.5e26", 1.5e26],
    ["3×10^25", 3e25],
    ["3 × 10^25", 3e25],
    ["3x10^25", 3e25],
    ["3*10^25", 3e25],
    ["3·10²⁵", 3e25],
    ["3 · 10²⁵", 3e25],
    ["10^25", 1e25],
    ["10^{26}", 1e26],
    ["10²⁶", 1e26],
    ["1,000,000", 1e6],
    ["500 000 000", 5e8],
    ["2e9", 2e9],
    ["0", 0],
    [" 42 ", 42],
  ];
  for (const [text, expected] of cases)
    it(`reads ${JSON.stringify(text)} as ${expected}`, () => assert.equal(parseQuantity(text), expected));

  for (const text of ["", "abc", "3e", "10^", "1,00,0", "3×10", "1e999", "--3", "3e25 FLOP"])
    it(`refuses ${JSON.stringify(text)}`, () => assert.equal(parseQuantity(text), undefined));
});

describe("formatPower", () => {
  it("writes compute as laws do", () => {
    assert.equal(formatPower(3e25), "3×10^25");
    assert.equal(formatPower(1e26), "10^26");
    assert.equal(formatPower(1.5e26), "1.5×10^26");
    assert.equal(formatPower(5000), "5,000");
  });
  it("reads back what it writes", () => {
    for (const value of [3e25, 1e26, 1.5e26, 7e23]) assert.equal(parseQuantity(formatPower(value)), value);
  });
});
