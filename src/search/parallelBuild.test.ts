import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Event } from "../domain/event.js";
import { readBundledDataset } from "../import/bundledDataset.js";
import { RoaringBitmap32 } from "./bitmaps.js";
import { buildInParallel } from "./parallelBuild.js";
import { parseQuery } from "./queryParser.js";
import { FACETS, FIELDS, SearchIndex } from "./searchIndex.js";

/** The bundled events many times over (new ids, days moved back a year a copy), newest first. */
function manyEvents(copies: number): Event[] {
  const events = readBundledDataset().events;
  const all: Event[] = [];
  for (let copy = 0; copy < copies; copy++)
    for (const event of events) {
      const year = (date: string) => `${Number(date.slice(0, 4)) - copy}${date.slice(4)}`;
      all.push({
        ...event,
        id: `${event.id}-copy-${copy}`,
        date: { ...event.date, start: year(event.date.start), end: event.date.end && year(event.date.end) },
      });
    }
  return all.sort((a, b) => (a.date.start < b.date.start ? 1 : a.date.start > b.date.start ? -1 : 0));
}

/** The events' JSON in batches of uneven sizes (an empty one too), as storage hands them over. */
async function* bodies(events: Event[]): AsyncGenerator<Buffer[]> {
  const json = events.map((event) => Buffer.from(JSON.stringify(event)));
  for (let at = 0, size = 1; at < json.length; at += size, size = (size * 7) % 1013)
    yield json.slice(at, at + size);
  yield [];
}

describe("a parallel index build", () => {
  it(
    "makes the same index as one thread: every term, facet, word and document",
    { timeout: 60_000 },
    async () => {
      const events = manyEvents(50);
      const single = new SearchIndex(events);
      const parallel = await buildInParallel(bodies(events), 3);
      const [a, b] = [single.toContent(), parallel.toContent()];
      assert.equal(b.ids.length, events.length);
      assert.deepEqual(b.ids.toArray(), a.ids.toArray());
      assert.deepEqual(b.firstDayNumbers, a.firstDayNumbers);
      assert.deepEqual(b.titles.toArray(), a.titles.toArray());
      assert.deepEqual(b.spanLastDay.sort(), a.spanLastDay.sort());
      assert.equal(b.longestSpanDays, a.longestSpanDays);
      assert.deepEqual(b.words, a.words);
      for (const field of FIELDS) {
        assert.deepEqual([...b.postings[field].keys()].sort(), [...a.postings[field].keys()].sort(), field);
        for (const [term, bitmap] of a.postings[field])
          assert.ok(
            bitmap.isEqual(b.postings[field].get(term) ?? new RoaringBitmap32()),
            `${field}: ${term}`,
          );
      }
      for (const facet of FACETS)
        for (const [value, bitmap] of a.facetValues[facet])
          assert.ok(
            bitmap.isEqual(b.facetValues[facet].get(value) ?? new RoaringBitmap32()),
            `${facet}: ${value}`,
          );
      for (const q of ["欧盟", "人工智能 法", "label*", "compute 10^26"]) {
        const request = {
          query: parseQuery(q),
          filter: {},
          sort: "relevance" as const,
          offset: 0,
          limit: 20,
          facets: true,
        };
        assert.deepEqual(parallel.search(request), single.search(request), q);
      }
    },
  );
});
