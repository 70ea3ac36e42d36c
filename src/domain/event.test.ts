import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { describeIssues, Event, EVENT_LIMITS } from "./event.js";

const base = { id: "x", title: { en: "A title" }, date: { start: "2025-01-01" } };
const issues = (input: object) => {
  const parsed = Event.safeParse(input);
  assert.equal(parsed.success, false);
  return describeIssues(parsed.error as never);
};

describe("Event limits", () => {
  it("takes texts up to their limits", () => {
    const ok = Event.safeParse({
      ...base,
      title: { en: "t".repeat(EVENT_LIMITS.title) },
      summary: { zh: "摘".repeat(EVENT_LIMITS.summary) },
    });
    assert.ok(ok.success);
  });

  it("refuses a title, summary or source text past its limit, naming the field and the limit", () => {
    assert.equal(
      issues({ ...base, title: { en: "t".repeat(EVENT_LIMITS.title + 1) } }),
      "title.en: expected at most 2,000 characters",
    );
    assert.equal(
      issues({ ...base, summary: { zh: "摘".repeat(EVENT_LIMITS.summary + 1) } }),
      "summary.zh: expected at most 50,000 characters",
    );
    assert.match(
      issues({ ...base, sources: [{ text: "s".repeat(EVENT_LIMITS.sourceText + 1) }] }),
      /^sources\.0\.text: expected at most 4,000 characters$/,
    );
  });

  it("refuses more items than a list may hold", () => {
    const tags = Array.from({ length: EVENT_LIMITS.tags + 1 }, (_, i) => `t${i}`);
    assert.equal(issues({ ...base, tags }), "tags: expected at most 100 items");
  });
});
