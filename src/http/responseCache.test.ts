import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type CachedResponse, encodingClass, ResponseCache } from "./responseCache.js";

const answer = (bytes: number): CachedResponse => ({ status: 200, headers: {}, body: Buffer.alloc(bytes) });

describe("ResponseCache", () => {
  it("keeps an answer on its second ask, not its first", () => {
    const cache = new ResponseCache({ entries: 10, bytes: 1 << 20 });
    assert.equal(cache.admits("a"), false);
    assert.equal(cache.admits("b"), false);
    assert.equal(cache.admits("a"), true);
    cache.set("a", answer(10));
    assert.ok(cache.get("a"));
    assert.equal(cache.get("b"), undefined);
  });

  it("forgets first asks beyond four times its size", () => {
    const cache = new ResponseCache({ entries: 2, bytes: 1 << 20 });
    for (let i = 0; i < 9; i++) cache.admits(`page ${i}`);
    assert.equal(cache.admits("page 0"), false, "asked once, too long ago");
    assert.equal(cache.admits("page 8"), true);
  });

  it("holds at most its entries and bytes, dropping the least recently used", () => {
    const cache = new ResponseCache({ entries: 3, bytes: 1600 });
    for (const key of ["a", "b", "c"]) cache.set(key, answer(100));
    cache.get("a");
    cache.set("d", answer(100));
    assert.deepEqual(
      ["a", "b", "c", "d"].map((key) => Boolean(cache.get(key))),
      [true, false, true, true],
    );
    cache.set("big", answer(101));
    assert.equal(cache.get("big"), undefined, "over a sixteenth of the bytes: not kept");
    cache.set("e", answer(100));
    cache.set("f", answer(100));
    assert.equal([..."acdef"].filter((key) => cache.get(key)).length, 3);
  });
});

describe("encodingClass (Accept-Encoding with weights)", () => {
  it("honours q-values: q=0 refuses a coding, the higher weight wins, * covers the others", () => {
    assert.equal(encodingClass("br;q=0, gzip"), "gzip");
    assert.equal(encodingClass("br;q=0, gzip;q=0"), "identity");
    assert.equal(encodingClass("gzip;q=1, br;q=0.5"), "gzip");
    assert.equal(encodingClass("gzip, br"), "br");
    assert.equal(encodingClass("*;q=0.2"), "br");
    assert.equal(encodingClass("*;q=0, gzip"), "gzip");
    assert.equal(encodingClass("identity"), "identity");
    assert.equal(encodingClass("BR;Q=0.9"), "br");
    assert.equal(encodingClass("gzip;q=nonsense"), "identity");
    assert.equal(encodingClass(undefined), "identity");
  });
});
