import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ImportError } from "../importError.js";
import { parseChronicle } from "./parseChronicle.js";

const HEAD =
  "2025 年全球人工智能治理大事记\n\n1 月\n\n1. 某国发布人工智能法¹\n\n摘要：2025 年 1 月 5 日，某国发布。";
const N = 200_000;

// Each input made one of the reader's regexes or loops quadratic (minutes at this size); read linearly,
// each takes well under a second. The test timeout is the only clock, far from the expected time.
const CRAFTED: Record<string, string> = {
  "trailing spaces before a character": `${HEAD}${" ".repeat(N)}x\n`,
  "a date line of spaces": `${HEAD}\n日期：${" ".repeat(N)}x\n`,
  "a table-of-contents line of spaces": `目录\n第一章${" ".repeat(N)}x\n${HEAD}\n`,
  "a footnote of dots and spaces": `${HEAD}\n\n¹ Gov${" .".repeat(N / 2)}x\n`,
  "a footnote URL ending in dots": `${HEAD}\n\n¹ Gov <https://x.org/${".".repeat(N)}a>\n`,
  "unclosed URL brackets": `${HEAD}\n\n¹ ${"<https://".repeat(N / 9)}\n`,
  "many short paragraphs": `${HEAD}\n${"x\n\n".repeat(N / 4)}`,
  "many month headers": `${HEAD}\n${"1 月\n\n".repeat(N / 8)}`,
  "many references after numbers": `${HEAD}${"1¹ $a$ ".repeat(N / 8)}\n\n¹ Gov.\n`,
};

describe("parseChronicle on crafted input", () => {
  for (const [name, text] of Object.entries(CRAFTED))
    it(`reads ${name} in linear time`, { timeout: 60_000 }, () => {
      try {
        parseChronicle(text, "crafted.txt");
      } catch (error) {
        assert.ok(error instanceof ImportError, String(error));
      }
    });
});
