import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchDateLine } from "./dateLine.js";

const day = (start: string, end: string | null = null) => ({ date: { start, end, precision: "day" } });

describe("matchDateLine", () => {
  it("reads a Chinese date line, with or without spaces and Markdown bold", () => {
    assert.deepEqual(matchDateLine("日期：2025 年 1 月 20 日"), day("2025-01-20"));
    assert.deepEqual(matchDateLine("**日期**：2025年1月20日"), day("2025-01-20"));
    assert.deepEqual(matchDateLine("日期: 2025 年 4 月"), {
      date: { start: "2025-04", end: null, precision: "month" },
    });
    assert.deepEqual(matchDateLine("日期：2025 年"), {
      date: { start: "2025", end: null, precision: "year" },
    });
  });

  it("reads ISO and English date lines", () => {
    assert.deepEqual(matchDateLine("Date: 2025-01-20"), day("2025-01-20"));
    assert.deepEqual(matchDateLine("date: 2025-02"), {
      date: { start: "2025-02", end: null, precision: "month" },
    });
    assert.deepEqual(matchDateLine("Date: 20 January 2025"), day("2025-01-20"));
  });

  it("reads spans, across months and years", () => {
    assert.deepEqual(
      matchDateLine("日期：2025 年 2 月 4 日至 2025 年 2 月 7 日"),
      day("2025-02-04", "2025-02-07"),
    );
    assert.deepEqual(matchDateLine("Date: 2024-12-30 to 2025-01-02"), day("2024-12-30", "2025-01-02"));
    assert.deepEqual(matchDateLine("Date: 2025-02-04/2025-02-07"), day("2025-02-04", "2025-02-07"));
    assert.deepEqual(matchDateLine("Date: 2025-02 – 2025-04"), {
      date: { start: "2025-02", end: "2025-04", precision: "month" },
    });
  });

  it("tells a line that is no date line from a date line it cannot read", () => {
    assert.equal(matchDateLine("摘要：2025 年 1 月 20 日，美国…"), null);
    assert.equal(matchDateLine("2025 年 1 月 20 日"), null);
    assert.deepEqual(matchDateLine("日期：不详"), { date: null });
    assert.deepEqual(matchDateLine("Date: 2025-02-30"), { date: null });
    assert.deepEqual(matchDateLine("Date: 2025-03-01 to 2025-02-01"), { date: null });
    assert.deepEqual(matchDateLine("日期：2025 年 1 月 20 日，在巴黎"), { date: null });
  });
});
