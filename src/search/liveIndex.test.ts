import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { Event } from "../domain/event.js";
import { dayString } from "./orderedSearch.js";
import { LiveIndex } from "./liveIndex.js";
import { parseQuery } from "./queryParser.js";
import { type SearchRequest, SearchIndex, type SearchSort } from "./searchIndex.js";

const WORDS = ["labelling", "model", "safety", "compute", "人工智能", "标识", "欧盟", "法案"];
const CODES = ["EU", "CN", "US", "US-CA", "JP"];

/** An event on day `day` (distinct days give one order, as ties are ordered differently by design). */
function event(id: string, day: number, words: string[], code: string, tag: string): Event {
  const en = words.filter((w) => /^[a-z]/.test(w)).join(" ");
  const zh = words.filter((w) => !/^[a-z]/.test(w)).join("");
  return Event.parse({
    id,
    title: { ...(en ? { en } : {}), ...(zh ? { zh } : {}) },
    summary: { en: `about ${words[0] ?? ""}` },
    date: { start: dayString(19_000 + day) },
    jurisdictions: [code],
    tags: [tag],
    type: day % 2 ? "law" : "regulation",
  });
}

const eventArb = (id: string, days: fc.Arbitrary<number>) =>
  fc
    .record({
      day: days,
      words: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 4 }),
      code: fc.constantFrom(...CODES),
      tag: fc.constantFrom("gpai", "labelling"),
    })
    .map(({ day, words, code, tag }) => event(id, day, words, code, tag));

/** Newest first, as the database streams events to a build. */
function newestFirst(events: Event[]): Event[] {
  return [...events].sort((a, b) => (a.date.start < b.date.start ? 1 : a.date.start > b.date.start ? -1 : 0));
}

const REQUESTS: Omit<SearchRequest, "offset" | "limit">[] = [];
for (const q of [null, "model", "safety compute", "欧盟", "人工", "label*"])
  for (const sort of ["relevance", "date", "-date"] as SearchSort[])
    REQUESTS.push({ query: q ? parseQuery(q) : null, filter: {}, sort, facets: true });
REQUESTS.push(
  { query: parseQuery("model"), filter: { jurisdictions: ["US"] }, sort: "relevance", facets: true },
  { query: null, filter: { from: dayString(19_010), tags: ["gpai"] }, sort: "date", facets: true },
);

describe("a live index", () => {
  it("answers every search exactly as an index built from the final events", () => {
    // Days are drawn without repeats (a pool of 200), so that the order is the same in both.
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 199 }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom("change", "remove", "add")), { maxLength: 30 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (days, operations, batches, seed) => {
          const rng = seed;
          const initial = days.slice(0, Math.max(1, days.length - 20));
          const spare = days.slice(initial.length);
          const current = new Map<string, Event>();
          initial.forEach((day, i) => current.set(`e${i}`, sampleEvent(`e${i}`, day, rng + i)));
          let live = LiveIndex.of(new SearchIndex(newestFirst([...current.values()])));
          const pending: { events: Event[]; removed: string[] } = { events: [], removed: [] };
          const flush = () => {
            live = live.apply(pending.events, pending.removed);
            pending.events = [];
            pending.removed = [];
          };
          operations.forEach(([n, kind], step) => {
            const ids = [...current.keys()];
            if (kind === "add" || ids.length === 0) {
              const day = spare.pop();
              if (day === undefined) return;
              const id = `n${step}`;
              const added = sampleEvent(id, day, rng + step);
              current.set(id, added);
              pending.events.push(added);
            } else {
              const id = ids[n % ids.length] as string;
              if (kind === "remove") {
                current.delete(id);
                pending.events = pending.events.filter((e) => e.id !== id);
                pending.removed.push(id);
              } else {
                const old = current.get(id) as Event;
                const changed = { ...old, title: { en: "changed model", zh: "修改" } };
                current.set(id, changed);
                pending.events = [...pending.events.filter((e) => e.id !== id), changed];
              }
            }
            if (step % batches === 0) flush();
          });
          flush();
          const fresh = new SearchIndex(newestFirst([...current.values()]));
          assert.equal(live.size, fresh.size);
          assert.deepEqual(live.overallCounts(), fresh.overallCounts());
          assert.deepEqual(live.crossCounts("month", "type"), fresh.crossCounts("month", "type"));
          for (const request of REQUESTS)
            for (const [offset, limit] of [
              [0, 5],
              [3, 7],
              [0, 100],
            ] as const) {
              const page = { ...request, offset, limit };
              assert.deepEqual(live.search(page), fresh.search(page), JSON.stringify(page));
            }
          for (const request of REQUESTS.slice(0, 6)) {
            const pages = [...live.matchingIdPages(request, 4).pages].flat();
            const expected = [...fresh.matchingIdPages(request, 4).pages].flat();
            assert.deepEqual(pages, expected);
          }
        },
      ),
      { numRuns: 80 },
    );
  });

  it("keeps the view a reader started with while newer ones are made", () => {
    const base = new SearchIndex(
      newestFirst([event("a", 1, ["model"], "EU", "gpai"), event("b", 2, ["model"], "CN", "gpai")]),
    );
    const before = LiveIndex.of(base);
    const request = { query: parseQuery("model"), filter: {}, sort: "date" as const };
    const reading = before.matchingIdPages(request, 1);
    const after = before.apply([event("c", 3, ["model"], "US", "gpai")], ["a"]);
    assert.deepEqual([...reading.pages].flat(), ["a", "b"]);
    assert.deepEqual(after.search({ ...request, offset: 0, limit: 10, facets: false }).ids, ["b", "c"]);
  });

  it("places an event of a day the base also has after the base's events of that day", () => {
    const base = new SearchIndex(
      newestFirst([event("a", 5, ["model"], "EU", "gpai"), event("b", 3, ["model"], "EU", "gpai")]),
    );
    const live = LiveIndex.of(base).apply([event("c", 5, ["model"], "EU", "gpai")], []);
    const ids = live.search({
      query: null,
      filter: {},
      sort: "-date",
      offset: 0,
      limit: 10,
      facets: false,
    }).ids;
    assert.deepEqual(ids, ["a", "c", "b"]);
  });
});

/** An event drawn from its arbitrary with a fixed seed, so each property run is reproducible. */
function sampleEvent(id: string, day: number, seed: number): Event {
  return fc.sample(eventArb(id, fc.constant(day)), { seed, numRuns: 1 })[0] as Event;
}
