import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Correction } from "../domain/correction.js";
import { type CorrectionsByEvent, correctionsByEvent, NO_CORRECTIONS } from "../domain/correctionsByEvent.js";
import { Event } from "../domain/event.js";
import { buildReport } from "./buildReport.js";
import { writeHtmlReport } from "./htmlReport.js";
import { jurisdictionNamer } from "./jurisdictionNames.js";

const hostile = Event.parse({
  id: "2025-hostile",
  seq: 1,
  title: { zh: "<script>alert('title')</script>", en: "<script>alert('title')</script>" },
  summary: { zh: "2025 年 3 月 1 日，<img src=x onerror=alert(1)> 与 **粗体** & 其他。" },
  date: { start: "2025-03-01" },
  jurisdictions: ["XX"],
  level: "national",
  type: "law",
  bindingness: "binding",
  sources: [
    {
      note: 1,
      url: "https://example.org/?a=1&b=<2>",
      publisher: "P",
      text: 'P "quoted" <https://example.org/?a=1&b=<2>>.',
    },
  ],
});
const sneaky = Event.parse({
  ...hostile,
  id: "2025-sneaky",
  seq: 2,
  title: { zh: "链接" },
  sources: [{ note: 2, url: null, publisher: null, text: "javascript:alert(1)" }],
});

function html(lang: "zh" | "en", corrections: CorrectionsByEvent = NO_CORRECTIONS) {
  const name = jurisdictionNamer([
    { code: "XX", kind: "country", name: { zh: "<b>某国</b>", en: "<b>X</b>" }, parent: null },
  ]);
  const report = buildReport(
    {
      period: { from: "2025-01-01", to: "2025-12-31" },
      events: [hostile, sneaky],
      filter: {},
      documents: [],
      name,
      corrections,
    },
    lang,
  );
  return writeHtmlReport(report);
}

describe("writeHtmlReport", () => {
  for (const lang of ["zh", "en"] as const) {
    it(`escapes every text from the data: no tag from a title, summary, name or note gets through (${lang})`, () => {
      const page = html(lang);
      assert.doesNotMatch(page, /<script>/i);
      assert.doesNotMatch(page, /<img/i);
      assert.doesNotMatch(page, /<b>/);
      assert.match(page, /&lt;script&gt;alert\(&#39;title&#39;\)&lt;\/script&gt;/);
      assert.doesNotMatch(page, /href="javascript:/i);
    });
  }

  it("is a self-contained page: inline styles and figures, nothing to fetch", () => {
    const page = html("zh");
    assert.match(page, /^<!doctype html>/);
    assert.match(page, /<html lang="zh-CN">/);
    assert.match(page, /font-family: "Noto Sans CJK SC", "Noto Serif CJK SC"/);
    assert.equal((page.match(/<svg /g) ?? []).length, 4);
    assert.doesNotMatch(page, /<link |<script|src="http/);
  });

  it("links a note's URL, escaped, and shows the data's bold as bold", () => {
    const page = html("zh");
    assert.match(page, /<a href="https:\/\/example\.org\/\?a=1&amp;b=&lt;2&gt;">/);
    assert.match(page, /<strong>粗体<\/strong>/);
    assert.match(page, /<sup class="fn"><a href="#n-1" id="r-1">1<\/a><\/sup>/);
  });
});

describe("writeHtmlReport › corrections", () => {
  const corrections = correctionsByEvent([
    Correction.parse({
      event: hostile.id,
      field: "summary",
      claim: { zh: "原文" },
      correction: {
        zh: "官方记录：<script>alert('c')</script> & 其他。",
        en: "The record: <img src=x> & more.",
      },
      verification: "unverified",
      sources: ["https://example.org/record?a=1&b=2"],
    }),
  ]);

  it("prints a correction after the summary, before the notes, every text escaped and its source a link", () => {
    const page = html("zh", corrections);
    const article = /<article class="event" id="e-1">[\s\S]*?<\/article>/.exec(page)?.[0] ?? "";
    const correction = /<p class="correction"[^>]*>[\s\S]*?<\/p>/.exec(article)?.[0] ?? "";
    assert.match(correction, /data-field="summary"/);
    assert.match(
      correction,
      /<strong class="label">更正（摘要）：<\/strong>官方记录：&lt;script&gt;alert\(&#39;c&#39;\)&lt;\/script&gt; &amp; 其他。/,
    );
    assert.match(correction, /（未核实；来源：<a href="https:\/\/example\.org\/record\?a=1&amp;b=2">/);
    assert.ok(article.indexOf("摘要：") < article.indexOf('class="correction"'));
    assert.ok(article.indexOf('class="correction"') < article.indexOf('class="notes"'));
    assert.doesNotMatch(page, /<script>|<img/i);
    assert.match(
      html("en", corrections),
      /<strong class="label">Correction \(summary\):<\/strong> The record: &lt;img src=x&gt; &amp; more\./,
    );
  });

  it("prints nothing of the kind for an uncorrected event", () => {
    assert.doesNotMatch(html("zh"), /class="correction"/);
  });
});

describe("writeHtmlReport › mathematics from the source", () => {
  it("shows TeX and carets as signs and exponents (≥ 10²⁶), which the Markdown keeps as the source wrote them", () => {
    const event = Event.parse({
      id: "tex",
      title: { zh: "前沿人工智能透明法案" },
      summary: { zh: "首次将“训练算力 $\\geq 10^{26}$ FLOPs”的大模型定义为“前沿模型”" },
      date: { start: "2025-09-29" },
    });
    const report = buildReport(
      {
        period: { from: "2025-09-01", to: "2025-09-30" },
        events: [event],
        filter: {},
        documents: [],
        name: jurisdictionNamer([]),
      },
      "zh",
    );
    const page = writeHtmlReport(report);
    assert.match(page, /训练算力 ≥ 10²⁶ FLOPs/);
    assert.doesNotMatch(page, /\\geq|10\^\{26\}/);
  });
});
