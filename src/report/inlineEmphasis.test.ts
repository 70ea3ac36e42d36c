import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { splitEmphasis } from "./inlineEmphasis.js";

describe("splitEmphasis", () => {
  it("reads bold and italic as the seed marks them", () => {
    assert.deepEqual(splitEmphasis("标准涵盖**数据处理**等（*Living guidelines*）。"), [
      { text: "标准涵盖", bold: false, italic: false },
      { text: "数据处理", bold: true, italic: false },
      { text: "等（", bold: false, italic: false },
      { text: "Living guidelines", bold: false, italic: true },
      { text: "）。", bold: false, italic: false },
    ]);
  });
  it("leaves lone asterisks and TeX alone", () => {
    const plain = "训练算力 $\\geq 10^{26}$ FLOPs, 2 * 3 = 6";
    assert.deepEqual(splitEmphasis(plain), [{ text: plain, bold: false, italic: false }]);
  });
});
