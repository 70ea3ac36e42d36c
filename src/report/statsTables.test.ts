import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Event, type EventInput } from "../domain/event.js";
import { SearchIndex } from "../search/searchIndex.js";
import { buildStatsTable, monthRange, statsTableChart, statsTableCsv } from "./statsTables.js";

const event = (id: string, start: string, extra: Partial<EventInput> = {}) =>
  Event.parse({ id, title: { en: id }, date: { start }, ...extra });
const index = new SearchIndex([
  event("d", "2025-04-01", {
    type: "guideline",
    level: "national",
    bindingness: "voluntary",
    jurisdictions: ["CN"],
  }),
  event("c", "2025-03-02", { type: "law", level: "regional", bindingness: "binding", jurisdictions: ["EU"] }),
  event("b", "2025-01-20", { bindingness: "binding", jurisdictions: ["US-CA"] }),
  event("a", "2025-01-05", { type: "law", level: "national", bindingness: "draft", jurisdictions: ["US"] }),
]);
const name = (code: string) => `name of ${code}`;

describe("statsTables", () => {
  it("fills the months between the first and last", () => {
    assert.deepEqual(monthRange(["2025-11", "2026-02", "2025"]), [
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
  });

  it("fills no more than the last 50 years: a stray 0001 keeps its row, not 24,000 empty ones", () => {
    const months = monthRange(["0001-03", "2024-02", "2025-12"]);
    assert.equal(months.length, 1 + 50 * 12);
    assert.deepEqual(months.slice(0, 3), ["0001-03", "1976-01", "1976-02"]);
    assert.equal(months.at(-1), "2025-12");
    const five = monthRange(["2020-05", "2025-05"], 5);
    assert.equal(five.length, 1 + 5 * 12);
    assert.deepEqual(five.slice(0, 2), ["2020-05", "2020-06"]);
  });

  it("counts events per month by type, with a zero row for a month without events", () => {
    const table = buildStatsTable(index, "by-type", { lang: "en", name });
    assert.deepEqual(
      table.columns.map((c) => c.key),
      ["month", "law", "guideline", "total"],
    );
    assert.deepEqual(table.rows, [
      ["2025-01", 1, 0, 1],
      ["2025-02", 0, 0, 0],
      ["2025-03", 1, 0, 1],
      ["2025-04", 0, 1, 1],
    ]);
  });

  it("gives the binding share of all events of the month, unclassified ones included", () => {
    const table = buildStatsTable(index, "binding-share", { lang: "en", name });
    assert.deepEqual(table.rows[0], ["2025-01", 1, 2, 50]);
    assert.deepEqual(table.rows[1], ["2025-02", 0, 0, ""]);
  });

  it("counts a profile's own events, a country with its subdivisions", () => {
    const table = buildStatsTable(index, "jurisdictions", {
      lang: "zh",
      name,
      filter: { jurisdictions: ["US"] },
    });
    // By the one rule (domain/jurisdictionCounting.ts): California's event is the United States' too.
    assert.deepEqual(table.rows, [
      ["US", "name of US", 2],
      ["US-CA", "name of US-CA", 1],
    ]);
  });

  it("serves the same rows as CSV under stable keys, and draws them", () => {
    const table = buildStatsTable(index, "by-level", { lang: "zh", name });
    const csv = statsTableCsv(table);
    assert.equal(csv.split("\n")[0], "month,regional,national,total");
    assert.match(statsTableChart(table).svg, /^<svg /);
  });
});
