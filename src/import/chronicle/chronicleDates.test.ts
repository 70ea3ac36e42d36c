import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { findEffectiveDates, findWrittenDates } from "./chronicleDates.js";

const first = (text: string, year: number | null = 2025) => {
  const [date] = findWrittenDates(text, year);
  return date ? { start: date.start, end: date.end, precision: date.precision } : null;
};

describe("findWrittenDates", () => {
  it("reads Chinese dates with and without spaces", () => {
    assert.deepEqual(first("2025 年 1 月 20 日，"), { start: "2025-01-20", end: null, precision: "day" });
    assert.deepEqual(first("2025年4月，欧盟"), { start: "2025-04", end: null, precision: "month" });
    assert.deepEqual(first("2月4-7日"), { start: "2025-02-04", end: "2025-02-07", precision: "day" });
    assert.deepEqual(first("7 月 7-11 日"), { start: "2025-07-07", end: "2025-07-11", precision: "day" });
    assert.deepEqual(first("9 月 15 日", 2024), { start: "2024-09-15", end: null, precision: "day" });
  });
  it("reads English and ISO dates", () => {
    assert.deepEqual(first("on 10-11 February 2025 in Paris"), {
      start: "2025-02-10",
      end: "2025-02-11",
      precision: "day",
    });
    assert.deepEqual(first("On September 29, 2025"), { start: "2025-09-29", end: null, precision: "day" });
    assert.deepEqual(first("in April 2025"), { start: "2025-04", end: null, precision: "month" });
    assert.deepEqual(first("dated 2025-08-02."), { start: "2025-08-02", end: null, precision: "day" });
  });
  it("ignores impossible dates and a month without a year", () => {
    assert.equal(first("2025 年 2 月 30 日"), null);
    assert.equal(first("今年7月日本承诺"), null);
  });
});

describe("findEffectiveDates", () => {
  it("finds dates stated as taking effect", () => {
    assert.deepEqual(findEffectiveDates("将于 2026 年 1 月 22 日起全面生效", 2025), [
      { date: "2026-01-22", words: "全面生效" },
    ]);
    assert.deepEqual(findEffectiveDates("The act takes effect on 1 March 2026.", 2025), [
      { date: "2026-03-01", words: "takes effect on" },
    ]);
    assert.deepEqual(findEffectiveDates("2025 年 3 月 7 日发布", 2025), []);
  });
});
