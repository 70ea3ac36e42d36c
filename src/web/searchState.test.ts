import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { apiParams, effectiveSort, pageParams, readSearchState, withoutFilter } from "./searchState.js";

describe("searchState", () => {
  it("round-trips through the URL, with list values repeated or comma-separated", () => {
    const state = readSearchState(
      new URLSearchParams("q=欧盟&jurisdiction=EU,CN&jurisdiction=US&year=2025&sort=date&page=2&lang=en"),
    );
    assert.deepEqual(state.filters.jurisdiction, ["EU", "CN", "US"]);
    assert.equal(state.page, 2);
    const again = readSearchState(pageParams(state, "en"));
    assert.deepEqual(again, state);
  });

  it("turns years into a date range for the API and defaults the sort to the query", () => {
    const state = readSearchState(new URLSearchParams("year=2023&year=2025"));
    const api = apiParams(state, "zh");
    assert.equal(api.get("from"), "2023");
    assert.equal(api.get("to"), "2025");
    assert.equal(api.get("sort"), "-date");
    assert.equal(effectiveSort(readSearchState(new URLSearchParams("q=AI"))), "relevance");
  });

  it("ignores a page that is not a positive whole number, and removing a filter goes back to page 1", () => {
    assert.equal(readSearchState(new URLSearchParams("page=-3")).page, 1);
    const state = readSearchState(new URLSearchParams("type=law&type=standard&page=4"));
    const next = withoutFilter(state, "type", "law");
    assert.deepEqual(next.filters.type, ["standard"]);
    assert.equal(next.page, 1);
  });
});
