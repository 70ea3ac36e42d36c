import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ReportPeriodError, resolvePeriod } from "./reportPeriod.js";

describe("resolvePeriod", () => {
  it("defaults to the last calendar year with data", () => {
    assert.deepEqual(resolvePeriod(undefined, undefined, 2025), { from: "2025-01-01", to: "2025-12-31" });
  });
  it("reads months and years as all of them", () => {
    assert.deepEqual(resolvePeriod("2025-03", "2025-06", 2025), { from: "2025-03-01", to: "2025-06-30" });
    assert.deepEqual(resolvePeriod("2024", "2025", 2025), { from: "2024-01-01", to: "2025-12-31" });
    assert.deepEqual(resolvePeriod("2025-02-10", "2025-02-10", 2025), {
      from: "2025-02-10",
      to: "2025-02-10",
    });
  });
  it("completes a period given by one end", () => {
    assert.deepEqual(resolvePeriod("2024-07", undefined, 2025), { from: "2024-07-01", to: "2025-12-31" });
    assert.deepEqual(resolvePeriod("2026-07", undefined, 2025), { from: "2026-07-01", to: "2026-12-31" });
    assert.deepEqual(resolvePeriod(undefined, "2025-06", 2025), { from: "2025-01-01", to: "2025-06-30" });
  });
  it("refuses an empty database and a period that ends before it starts", () => {
    assert.throws(() => resolvePeriod(undefined, undefined, null), ReportPeriodError);
    assert.throws(() => resolvePeriod("2025-06", "2025-03", 2025), /--from 2025-06 is after --to 2025-03/);
  });
});
