import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { colourFor, NO_DATA_COLOUR, sequentialScale } from "./sequentialScale.js";

describe("sequentialScale", () => {
  it("gives each count its own class while there are few, darkest for the most", () => {
    const scale = sequentialScale(3);
    assert.deepEqual(
      scale.map((c) => [c.min, c.max]),
      [
        [1, 1],
        [2, 2],
        [3, 3],
      ],
    );
    assert.equal(colourFor(3, scale), "#0f4a86");
  });

  it("covers 1..max without gaps for larger counts, and keeps 0 apart", () => {
    const scale = sequentialScale(120);
    assert.equal(scale[0]?.min, 1);
    assert.equal(scale.at(-1)?.max, 120);
    for (let i = 1; i < scale.length; i++) assert.equal(scale[i]?.min, (scale[i - 1]?.max ?? 0) + 1);
    assert.equal(colourFor(0, scale), NO_DATA_COLOUR);
    assert.notEqual(colourFor(1, scale), colourFor(120, scale));
  });
});
