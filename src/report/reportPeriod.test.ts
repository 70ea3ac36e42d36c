import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { MAX_REPORT_YEARS, periodMonths, ReportPeriodError, resolvePeriod } from "./reportPeriod.js";

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

describe("resolvePeriod › the longest period", () => {
  const refusal = (from: string | undefined, to: string | undefined, maxYears?: number) => {
    try {
      resolvePeriod(from, to, 2025, maxYears);
    } catch (error) {
      assert.ok(error instanceof ReportPeriodError);
      return error;
    }
    assert.fail(`${from}..${to} was accepted`);
  };
  it("refuses a period longer than MAX_REPORT_YEARS, naming the ends given, as a data error (exit 1)", () => {
    const both = refusal("0001", "9999");
    assert.deepEqual(both.parameters, ["from", "to"]);
    assert.equal(both.usage, false);
    assert.match(both.message, /spans 9999 years; a report covers at most 50 years/);
    assert.deepEqual(refusal("1900", undefined).parameters, ["from"]);
  });
  it("accepts exactly the maximum, and a maximum the operator chose", () => {
    assert.equal(MAX_REPORT_YEARS, 50);
    assert.deepEqual(resolvePeriod("1976", "2025", 2025), { from: "1976-01-01", to: "2025-12-31" });
    assert.ok(refusal("1975", "2025"));
    assert.deepEqual(refusal("2016", "2025", 5).parameters, ["from", "to"]);
    assert.deepEqual(resolvePeriod("2021", "2025", 2025, 5), { from: "2021-01-01", to: "2025-12-31" });
  });
});

describe("periodMonths", () => {
  it("lists every month of the period, across years", () => {
    const months = periodMonths({ from: "2024-11-15", to: "2025-02-01" });
    assert.deepEqual(months, [
      { year: 2024, month: 11 },
      { year: 2024, month: 12 },
      { year: 2025, month: 1 },
      { year: 2025, month: 2 },
    ]);
  });
  it("stops where the data does: 0001 to 9999 over two years of data is 24 months, not 119,988", () => {
    const months = periodMonths(
      { from: "0001-01-01", to: "9999-12-31" },
      { first: "2024-01", last: "2025-12" },
    );
    assert.equal(months.length, 24);
    assert.deepEqual(months[0], { year: 2024, month: 1 });
    assert.deepEqual(months.at(-1), { year: 2025, month: 12 });
  });
  it("keeps the period's own ends inside the data, and is empty when they do not meet", () => {
    assert.equal(
      periodMonths({ from: "2025-03-01", to: "2025-06-30" }, { first: "2020-01", last: "2030-12" }).length,
      4,
    );
    assert.deepEqual(
      periodMonths({ from: "2030-01-01", to: "2030-12-31" }, { first: "2024-01", last: "2025-12" }),
      [],
    );
  });
});
