import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readJsonLinesRecords } from "./readJsonLinesRecords.js";

/** A text as a stream of chunks of `size` bytes, as a slow network or a pipe may deliver it. */
async function* chunksOf(text: string, size: number): AsyncGenerator<Buffer> {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) {
    // A turn of the event loop now and then, so that the test's timeout can fire on a slow reader.
    if (at % 4096 === 0) await new Promise((resolve) => setImmediate(resolve));
    yield bytes.subarray(at, at + size);
  }
}

// A long line in small chunks summed its pieces on every chunk: 200 KB in 1-byte chunks took 200 s in
// the fuzz test. The suite's timeout is what fails on a quadratic reader (no timed assertion).
describe("readJsonLinesRecords", { timeout: 20_000 }, () => {
  it("reads a 400 KB line delivered a byte at a time in linear time", async () => {
    const title = "x".repeat(400_000);
    const records = [];
    for await (const record of readJsonLinesRecords(chunksOf(`{"t":"${title}"}\n{"t":"b"}\n`, 1), "e.jsonl"))
      records.push(record);
    assert.deepEqual(
      records.map((r) => [r.line, (r.record as { t: string }).t.length]),
      [
        [1, 400_000],
        [2, 1],
      ],
    );
  });
});
