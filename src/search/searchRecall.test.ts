import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { Event } from "../domain/event.js";
import { readBundledDataset } from "../import/bundledDataset.js";
import { parseQuery } from "./queryParser.js";
import { SearchIndex } from "./searchIndex.js";

// Recall, not ranking: every query below must find the event it was taken from, among every match.
const byNewest = (events: Event[]) =>
  [...events].sort((a, b) => (a.date.start < b.date.start ? 1 : a.date.start > b.date.start ? -1 : 0));

function finds(index: SearchIndex, query: string, id: string): boolean {
  const limit = index.size;
  const result = index.search({
    query: parseQuery(query),
    filter: {},
    sort: "relevance",
    offset: 0,
    limit,
    facets: false,
  });
  return result.ids.includes(id);
}

/** Every pair of adjacent Han characters in a text, as written. */
function hanBigrams(text: string): string[] {
  const chars = [...text];
  const pairs: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    const pair = `${chars[i]}${chars[i + 1]}`;
    if (/^\p{Script=Han}{2}$/u.test(pair)) pairs.push(pair);
  }
  return pairs;
}

describe("search recall on the bundled dataset", () => {
  const { events } = readBundledDataset();
  const index = new SearchIndex(byNewest(events));

  it("finds every event by every two-character Han string of its Chinese title and summary", () => {
    const misses: string[] = [];
    let checked = 0;
    for (const event of events)
      for (const text of [event.title.zh, event.summary.zh])
        for (const pair of new Set(hanBigrams(text ?? ""))) {
          checked++;
          if (!finds(index, pair, event.id)) misses.push(`${event.id}: ${pair}`);
        }
    assert.ok(checked > 5000, `only ${checked} pairs checked`);
    assert.deepEqual(misses, []);
  });

  it("finds every event by every word of its English title", () => {
    const misses: string[] = [];
    for (const event of events)
      for (const word of new Set(event.title.en?.match(/[\p{L}\p{N}]+(?:['’]\p{L}+)?/gu) ?? []))
        if (!finds(index, word, event.id)) misses.push(`${event.id}: ${word}`);
    assert.deepEqual(misses, []);
  });

  it("finds what 欧盟 finds when the query is written 歐盟, and the other way round", () => {
    const ids = (q: string) =>
      index.search({ query: parseQuery(q), filter: {}, sort: "date", offset: 0, limit: 100, facets: false })
        .ids;
    assert.ok(ids("欧盟").length > 5);
    assert.deepEqual(ids("歐盟"), ids("欧盟"));
    const traditional = new SearchIndex([
      Event.parse({ id: "tw", title: { zh: "歐盟人工智慧法生效" }, date: { start: "2025-08-02" } }),
    ]);
    assert.ok(finds(traditional, "欧盟", "tw") && finds(traditional, "人工智慧", "tw"));
  });
});

// Generated documents: runs of every script the tokenizer tells apart, glued with and without spaces.
const han = fc.constantFrom(..."欧盟人工智能法规标识芯片治理企业發展歐盟臺灣技術安全".split(""));
const latinLetter = fc.constantFrom(..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ".split(""));
const fragment = fc.oneof(
  fc.array(han, { minLength: 1, maxLength: 6 }).map((chars) => chars.join("")),
  fc.array(latinLetter, { minLength: 1, maxLength: 8 }).map((chars) => chars.join("")),
  fc.integer({ min: 0, max: 99999 }).map(String),
  fc
    .array(fc.constantFrom(..."のをはカタナー".split("")), { minLength: 1, maxLength: 4 })
    .map((c) => c.join("")),
  fc
    .array(fc.constantFrom(..."인공지능기본법".split("")), { minLength: 1, maxLength: 4 })
    .map((c) => c.join("")),
  fc.constantFrom(" ", "，", "。", "《", "》", "-", "^", "(", ")", "/", ".", ",", "、", "：", "ＡＩ", "２０"),
);
const documentText = fc
  .array(fragment, { minLength: 1, maxLength: 30 })
  .map((parts) => parts.join(""))
  .filter((text) => text.trim() !== "");

describe("search recall on generated text", () => {
  it("finds a document by every Han bigram and every Latin word in it, whatever surrounds them", () => {
    fc.assert(
      fc.property(documentText, documentText, (text, other) => {
        const index = new SearchIndex([
          Event.parse({ id: "doc", title: { zh: text, en: "generated" }, date: { start: "2025-01-02" } }),
          Event.parse({
            id: "other",
            summary: { zh: other },
            title: { en: "x" },
            date: { start: "2025-01-01" },
          }),
        ]);
        for (const pair of hanBigrams(text)) assert.ok(finds(index, pair, "doc"), `${pair} in ${text}`);
        for (const word of text.normalize("NFKC").match(/[A-Za-z]+/g) ?? [])
          assert.ok(finds(index, word, "doc"), `${word} in ${text}`);
      }),
      // 200 documents a run (each run draws new ones; 500 cost 8 s of the suite for the same kinds of text).
      { numRuns: 200 },
    );
  });
});
