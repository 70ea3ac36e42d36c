import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Event, type EventInput } from "../domain/event.js";
import { parseQuery } from "./queryParser.js";
import { type IndexFilter, SearchIndex, type SearchSort } from "./searchIndex.js";

let counter = 0;
const makeEvent = (overrides: Partial<EventInput>): Event =>
  Event.parse({
    id: `e${++counter}`,
    title: { en: "Untitled" },
    date: { start: "2025-01-01" },
    ...overrides,
  });

// Newest first, as the index expects.
const events = [
  makeEvent({
    id: "sources-only",
    date: { start: "2025-12-01" },
    title: { en: "Other" },
    sources: [{ text: "欧盟 Commission" }],
  }),
  makeEvent({
    id: "summary",
    date: { start: "2025-11-01" },
    title: { en: "A plan" },
    summary: { zh: "欧盟发布计划" },
    jurisdictions: ["EU"],
    tags: ["a"],
  }),
  makeEvent({
    id: "scattered",
    date: { start: "2025-10-01" },
    title: { zh: "协议与科技繁荣" },
    jurisdictions: ["US"],
    tags: ["a", "b"],
  }),
  makeEvent({
    id: "phrase",
    date: { start: "2025-09-01" },
    title: { zh: "美英签署《科技繁荣协议》" },
    jurisdictions: ["US", "GB"],
    type: "agreement",
  }),
  makeEvent({
    id: "title",
    date: { start: "2025-02-04", end: "2025-03-02" },
    title: { zh: "欧盟人工智能法" },
    summary: { en: "Labelling duties; models above 10^25 FLOPs" },
    jurisdictions: ["EU"],
    type: "law",
  }),
  makeEvent({
    id: "ca",
    date: { start: "2024-09" },
    title: { en: "California frontier AI act" },
    jurisdictions: ["US-CA"],
    type: "law",
  }),
];
const index = new SearchIndex(events);
const run = (
  q: string | null,
  filter: IndexFilter = {},
  sort: SearchSort = q ? "relevance" : "date",
  offset = 0,
  limit = 10,
) => index.search({ query: q ? parseQuery(q) : null, filter, sort, offset, limit, facets: true });

describe("SearchIndex", () => {
  it("ranks title matches above summary above sources, newest first within each", () => {
    assert.deepEqual(run("欧盟").ids, ["title", "summary", "sources-only"]);
  });
  it("puts the exact phrase above the same words scattered", () => {
    assert.deepEqual(run("科技繁荣 协议").ids, ["phrase", "scattered"]);
  });
  it("finds inflections, word prefixes and one-character queries", () => {
    assert.deepEqual(run("label").ids, ["title"]);
    assert.deepEqual(run("FLOP").ids, ["title"]);
    assert.deepEqual(run("calif").ids, ["ca"]);
    assert.deepEqual(run("法").ids, ["title"]);
    assert.equal(run("nothing-like-this").total, 0);
  });
  it("filters by date overlap, subdivisions and tags, and counts facets over all matches", () => {
    assert.deepEqual(run(null, { from: "2025-03-01", to: "2025-09-30" }).ids, ["title", "phrase"]);
    assert.deepEqual(run(null, { to: "2024" }).ids, ["ca"]);
    assert.deepEqual(
      run(null, { from: "2024-09-15", to: "2024-12" }).ids,
      ["ca"],
      "a month reaches past its first day",
    );
    assert.deepEqual(run(null, { jurisdictions: ["US"] }).ids, ["ca", "phrase", "scattered"]);
    assert.deepEqual(run(null, { tags: ["a", "b"] }).ids, ["scattered"]);
    const facets = run(null, { jurisdictions: ["EU"] }).facets;
    assert.deepEqual(facets?.type, { law: 1 });
    assert.deepEqual(facets?.month, { "2025-11": 1, "2025-02": 1 });
  });
  it("pages through results in either date order", () => {
    assert.deepEqual(run(null, {}, "date", 0, 2).ids, ["ca", "title"]);
    assert.deepEqual(run(null, {}, "date", 2, 2).ids, ["phrase", "scattered"]);
    assert.deepEqual(run(null, {}, "-date", 1, 2).ids, ["summary", "scattered"]);
    assert.deepEqual(run("欧盟", {}, "relevance", 1, 5).ids, ["summary", "sources-only"]);
  });
  it("hands out every match page by page, in the order search pages through them", () => {
    for (const [q, sort] of [
      ["欧盟", "relevance"],
      [null, "date"],
      [null, "-date"],
    ] as const) {
      const { total, pages } = index.matchingIdPages(
        { query: q ? parseQuery(q) : null, filter: {}, sort },
        2,
      );
      const paged = [...pages];
      assert.ok(paged.every((page) => page.length <= 2));
      assert.equal(total, run(q, {}, sort, 0, 100).total);
      assert.deepEqual(paged.flat(), run(q, {}, sort, 0, 100).ids, `${q} ${sort}`);
    }
  });
});

describe("SearchIndex › identifiers written otherwise", () => {
  const own = new SearchIndex([
    makeEvent({ id: "mixed", date: { start: "2025-12-01" }, title: { en: "SB 1047 vetoed; AB 53 signed" } }),
    makeEvent({
      id: "gdpr",
      date: { start: "2025-11-01" },
      title: { en: "A fine" },
      summary: { en: "Fine under Article 25(1)(e) of the GDPR" },
    }),
    makeEvent({ id: "sb53", date: { start: "2025-10-01" }, title: { en: "California SB 53 signed" } }),
    makeEvent({ id: "flop", date: { start: "2025-09-01" }, title: { en: "Models above 10^25 FLOP" } }),
  ]);
  const ids = (q: string) =>
    own.search({ query: parseQuery(q), filter: {}, sort: "relevance", offset: 0, limit: 10, facets: false })
      .ids;

  it("finds a number written as one where a text writes it apart, the bill itself first", () => {
    assert.deepEqual(ids("SB53"), ["sb53", "mixed"]);
  });

  it("takes 1e25 for the power of ten alone, not for its letters and digits anywhere", () => {
    assert.deepEqual(ids("1e25"), ["flop"]);
  });

  it("reads dotted initials as one word (S.B. 53 is SB 53)", () => {
    assert.deepEqual(ids("S.B. 53")[0], "sb53");
  });
});
