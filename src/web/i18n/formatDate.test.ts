import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatDate, formatDateSpan } from "./formatDate.js";

describe("formatDate", () => {
  it("writes a partial date at its precision, as each language does", () => {
    assert.equal(formatDate("2025-03-07", "zh"), "2025年3月7日");
    assert.equal(formatDate("2025-03", "zh"), "2025年3月");
    assert.equal(formatDate("2025", "zh"), "2025年");
    assert.equal(formatDate("2025-03-07", "en"), "7 March 2025");
    assert.equal(formatDate("2025-03", "en"), "March 2025");
    assert.equal(formatDate("not a date", "en"), "not a date");
  });

  it("writes spans as start – end", () => {
    assert.equal(
      formatDateSpan({ start: "2025-02-10", end: "2025-02-11" }, "en"),
      "10 February 2025 – 11 February 2025",
    );
    assert.equal(formatDateSpan({ start: "2025-02", end: null }, "zh"), "2025年2月");
  });
});
