import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { matchDateLine } from "./dateLine.js";
import * as kinds from "./lineKinds.js";
import { parseChronicle } from "./parseChronicle.js";

// Issue 24 point 5: a line of spaces then one character took 13 s at 100 KB and 46 s at 200 KB through two
// of these tests. Each line kind gets long whitespace runs, alone and around its own mark; the test's
// timeout is what fails on a quadratic reader (no timed assertion).
const RUN = " ".repeat(300_000);
const lines = [
  `${RUN}x`,
  `${RUN}\tx${RUN}`,
  `摘要：${RUN}x`,
  `**摘要**${RUN}：${RUN}x`,
  `Summary${RUN}x`,
  `日期：${RUN}x`,
  `Date: 2025-01-01${RUN}x${RUN}to`,
  `日期：2025 年 1 月 5 日${RUN}至${RUN}`,
  `1.${RUN}x`,
  `#### 12.${RUN}`,
  `1 月${RUN}x`,
  `> **更正（${RUN}`,
  `[^1]:${RUN}x`,
  `-${RUN}x`,
];

describe("chronicle line readers on long whitespace runs", { timeout: 20_000 }, () => {
  it("reads every line kind in linear time", () => {
    for (const line of lines) {
      kinds.undress(line);
      kinds.matchMonthHeader(line);
      kinds.matchNumberedLine(line);
      kinds.startsSummary(line);
      kinds.stripSummaryMark(line);
      kinds.startsCorrection(line);
      kinds.isChronicleHeading(line);
      kinds.matchPartHeading(line);
      kinds.matchTocEntry(line);
      kinds.isTocHeading(line);
      kinds.isCaption(line);
      kinds.isBullet(line);
      kinds.endsSentence(line);
      matchDateLine(line);
    }
  });

  it("parses a chronicle whose lines are such runs, to events or to a file:line error", () => {
    const text = [
      "2025 年全球人工智能治理大事记",
      "",
      "1 月",
      "",
      "1. 某国发布人工智能法",
      "",
      "摘要：2025 年 1 月 5 日，某国发布。",
      "",
      ...lines,
    ].join("\n");
    try {
      assert.ok(parseChronicle(text, "runs.txt").events.length >= 1);
    } catch (error) {
      assert.match((error as Error).message, /^runs\.txt:\d+: /);
    }
  });

  it("still reads the marks the runs surround", () => {
    assert.equal(kinds.startsSummary("  **摘要**：text"), true);
    assert.equal(kinds.stripSummaryMark("  **Summary:** text"), "text");
    assert.equal(kinds.stripSummaryMark("not a summary"), "not a summary");
    assert.deepEqual(matchDateLine("日期：2025-01-05 至 2025-02-01")?.date, {
      start: "2025-01-05",
      end: "2025-02-01",
      precision: "day",
    });
  });
});
