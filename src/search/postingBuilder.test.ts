import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { PostingBuilder } from "./postingBuilder.js";

/** One term occurrence: a string term, or a CJK term as code units (second 0 for a lone character). */
type Occurrence = { term: string } | { first: number; second: number };

const cjkCode = fc.integer({ min: 0x4e00, max: 0x4e40 });
const occurrence: fc.Arbitrary<Occurrence> = fc.oneof(
  fc.record({ term: fc.constantFrom("ai", "act", "10^25", "2025", "flop", "\u4e00\u4e01", "\u4e03") }),
  fc.record({ first: cjkCode, second: fc.oneof(fc.constant(0), cjkCode) }),
);
const termOf = (o: Occurrence) =>
  "term" in o
    ? o.term
    : o.second === 0
      ? String.fromCharCode(o.first)
      : String.fromCharCode(o.first, o.second);

describe("PostingBuilder", () => {
  it("gives every term exactly the documents it occurred in, however often and whenever flushed", () => {
    fc.assert(
      fc.property(
        // Documents (each a list of occurrences, repeats allowed) and after which ones to flush.
        fc.array(fc.tuple(fc.array(occurrence, { maxLength: 12 }), fc.boolean()), { maxLength: 60 }),
        (documents) => {
          const builder = new PostingBuilder();
          const expected = new Map<string, Set<number>>();
          documents.forEach(([occurrences, flushAfter], doc) => {
            for (const o of occurrences) {
              if ("term" in o) builder.add(o.term, doc);
              else builder.addPair(o.first, o.second, doc);
              const term = termOf(o);
              if (!expected.has(term)) expected.set(term, new Set());
              expected.get(term)?.add(doc);
            }
            if (flushAfter) builder.flush();
          });
          const built = builder.build();
          assert.deepEqual(
            new Map([...built].map(([term, bitmap]) => [term, [...bitmap]])),
            new Map([...expected].map(([term, docs]) => [term, [...docs].sort((a, b) => a - b)])),
          );
        },
      ),
    );
  });

  it("keeps one term whether it came as a string or as code units", () => {
    const builder = new PostingBuilder();
    builder.add("\u4e00\u4e01", 0);
    builder.addPair(0x4e00, 0x4e01, 1);
    builder.addPair(0x4e00, 0, 2);
    builder.add("\u4e00", 3);
    const built = builder.build();
    assert.deepEqual([...(built.get("\u4e00\u4e01") ?? [])], [0, 1]);
    assert.deepEqual([...(built.get("\u4e00") ?? [])], [2, 3]);
    assert.equal(built.size, 2);
  });

  it("takes documents out of order (a live update re-indexes old documents)", () => {
    const builder = new PostingBuilder();
    for (const doc of [7, 3, 9, 3, 0]) builder.add("ai", doc);
    assert.deepEqual([...(builder.build().get("ai") ?? [])], [0, 3, 7, 9]);
  });

  it("grows past its first buffers", () => {
    const builder = new PostingBuilder();
    for (let doc = 0; doc < 70_000; doc++) {
      builder.add(`t${doc % 1500}`, doc);
      builder.addPair(0x4e00 + (doc % 300), 0x4e00, doc);
    }
    const built = builder.build();
    assert.equal(built.size, 1800);
    assert.equal(built.get("t0")?.size, Math.ceil(70_000 / 1500));
  });
});
