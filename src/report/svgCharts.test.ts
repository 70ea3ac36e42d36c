import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  barChart,
  fitLabel,
  columnChart,
  donutChart,
  shareLineChart,
  stackedColumnChart,
  textWidth,
} from "./svgCharts.js";

describe("svgCharts", () => {
  const data = [
    { label: "<script>x</script>", value: 3 },
    { label: '法律 & "规章"', value: 0 },
    { label: "Guidance", value: 7 },
  ];

  it("escapes labels in every chart", () => {
    for (const chart of [columnChart(data, "t<"), barChart(data, "t<"), donutChart(data, "t<")]) {
      assert.doesNotMatch(chart.svg, /<script>/);
      assert.match(chart.svg, /&lt;script&gt;x&lt;\/script&gt;/);
      assert.match(chart.svg, /法律 &amp; &quot;规章&quot;/);
      assert.match(chart.svg, /aria-label="t&lt;"/);
      assert.match(chart.svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="\d+" height="\d+"/);
    }
  });

  it("draws whole-number ticks and a bar per value", () => {
    const chart = columnChart(data, "per month");
    assert.equal((chart.svg.match(/<rect x=/g) ?? []).length, 3);
    assert.doesNotMatch(chart.svg, />\d+\.\d+</);
  });

  it("gives the binding share as counts and percentages", () => {
    const chart = donutChart(
      [
        { label: "binding", value: 1 },
        { label: "voluntary", value: 3 },
      ],
      "share",
    );
    assert.match(chart.svg, /binding {2}1 \(25%\)/);
    assert.match(chart.svg, /voluntary {2}3 \(75%\)/);
  });

  it("measures CJK text wider than Latin", () => {
    assert.ok(textWidth("中国", 10) > textWidth("CN", 10));
  });

  it("stacks a segment per non-zero series value, with a legend entry per series and tooltips", () => {
    const chart = stackedColumnChart(
      ["Jan", "Feb"],
      [
        { label: "law", values: [2, 0] },
        { label: "<b>", values: [1, 3] },
      ],
      "stacked",
    );
    assert.equal((chart.svg.match(/data-tip=/g) ?? []).length, 3);
    assert.match(chart.svg, /data-tip="Feb · &lt;b&gt;: 3"/);
    assert.match(chart.svg, />law</);
    assert.doesNotMatch(chart.svg, /<b>/);
  });

  it("draws a share line in percent, leaving a gap where a period has no events", () => {
    const chart = shareLineChart(
      [
        { label: "Jan", share: 50 },
        { label: "Feb", share: null },
        { label: "Mar", share: 100 },
      ],
      "share",
    );
    assert.equal((chart.svg.match(/<circle /g) ?? []).length, 2);
    assert.doesNotMatch(chart.svg, /<polyline/);
    assert.match(chart.svg, /data-tip="Mar: 100%"/);
  });
});

describe("labels and colours", () => {
  it("shortens a long label to its room by words, with an ellipsis, and keeps a short one whole", () => {
    const long = "ALECSO (Arab League Educational, Cultural and Scientific Organization)";
    const fitted = fitLabel(long, 12, 150);
    assert.ok(textWidth(fitted, 12) <= 150, fitted);
    assert.match(fitted, /^ALECSO \(Arab League…$|^ALECSO \(Arab…$/);
    assert.equal(fitLabel("China", 12, 150), "China");
  });

  it("draws each of the twelve event types in its own colour", () => {
    const series = Array.from({ length: 12 }, (_, i) => ({ label: `type ${i}`, values: [1] }));
    const { svg } = stackedColumnChart(["2025-01"], series, "types");
    const fills = [
      ...svg.matchAll(/<rect x="[^"]+" y="[^"]+" width="12" height="12" fill="(#[0-9a-f]{6})"/g),
    ].map((m) => m[1]);
    assert.equal(fills.length, 12);
    assert.equal(new Set(fills).size, 12);
  });
});
