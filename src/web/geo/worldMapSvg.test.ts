import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { sequentialScale } from "./sequentialScale.js";
import { worldMapSvg } from "./worldMapSvg.js";

describe("worldMapSvg", () => {
  const counts = new Map([
    ["FR", 2],
    ["SG", 1],
  ]);
  const svg = worldMapSvg({
    counts,
    scale: sequentialScale(2),
    label: (code, count) => `<${code}> & ${count}`,
    href: (code) => `/jurisdictions/${code}?lang=en&x=1`,
    title: "map <title>",
  });

  it("links every country to its profile, filled by its count and named by its label, escaped", () => {
    assert.match(
      svg,
      /<a class="map-country" href="\/jurisdictions\/FR\?lang=en&amp;x=1" data-code="FR" data-count="2" aria-label="&lt;FR&gt; &amp; 2">/,
    );
    assert.match(svg, /data-code="DE" data-count="0"/);
    assert.match(svg, /aria-label="map &lt;title&gt;"/);
    assert.doesNotMatch(svg, /<FR>/);
  });

  it("draws a country too small for the shapes as a dot when it has events, and no style attributes", () => {
    assert.match(svg, /data-code="SG"[^>]*>.*<circle /);
    assert.doesNotMatch(svg, /data-code="MT"/);
    assert.doesNotMatch(svg, /style=/);
  });
});
