import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { CORRECTED_FIELDS, Correction } from "../../domain/correction.js";
import type { EventCorrection } from "../../domain/correctionsByEvent.js";
import { compactCorrection } from "./compactCorrection.js";
import { compactCorrectionNote, correctionNote } from "./correctionNote.js";

const correction = (fields: Partial<Correction> = {}): EventCorrection => {
  const { event: _event, ...rest } = Correction.parse({
    event: "x",
    field: "summary",
    claim: { zh: "加州议会通过", en: "the legislature passed it" },
    correction: { zh: "州长于 9 月 29 日签署。", en: "The Governor signed it on 29 September." },
    verification: "official",
    sources: ["https://leginfo.legislature.ca.gov/a", "https://www.gov.ca.gov/b"],
    ...fields,
  });
  return rest;
};

/** The text a reader sees: tags dropped, the entities html() writes read back, white space collapsed. */
const visible = (markup: string) =>
  markup
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();

describe("correctionNote", () => {
  it("names the field, says what the record shows and what the text says, how it was checked, with numbered sources", () => {
    const en = correctionNote(correction(), 0, "en").toString();
    assert.equal(
      visible(en),
      "Correction (summary): The Governor signed it on 29 September. " +
        "The text says: the legislature passed it checked against the official text · sources: [1] [2]",
    );
    assert.match(en, /id="correction-1"/);
    assert.match(en, /role="note"/);
    assert.match(
      en,
      /<a href="https:\/\/www\.gov\.ca\.gov\/b" rel="noopener noreferrer external">\[2\]<\/a>/,
    );
    assert.equal(
      visible(correctionNote(correction({ verification: "secondary" }), 2, "zh").toString()),
      "更正（摘要）：州长于 9 月 29 日签署。 原文称：加州议会通过 仅对照二手来源 · 来源：[1] [2]",
    );
  });

  it("names every correctable field in the page's language", () => {
    const names: Record<string, string> = {
      title: "标题",
      summary: "摘要",
      date: "日期",
      effectiveDates: "生效日期",
      type: "类型",
      bindingness: "约束力",
      level: "层级",
      jurisdictions: "法域",
    };
    for (const field of CORRECTED_FIELDS) {
      const zh = visible(correctionNote(correction({ field }), 0, "zh").toString());
      assert.ok(zh.startsWith(`更正（${names[field]}）：`), zh);
      const en = visible(correctionNote(correction({ field }), 0, "en").toString());
      assert.match(en, /^Correction \([a-z ]+\): /);
      assert.match(
        correctionNote(correction({ field }), 0, "en").toString(),
        new RegExp(`data-field="${field}"`),
      );
    }
  });

  it("escapes the texts and links only http(s) sources", () => {
    const evil = correction({
      correction: { en: `<script>alert("x")</script>` },
      claim: { en: `<img src=x onerror=alert(1)>` },
      sources: ["https://example.org/?a=1&b=<2>"],
    });
    const out = correctionNote(evil, 0, "en").toString();
    assert.ok(!out.includes("<script>") && !out.includes("<img"), out);
    assert.match(out, /&lt;script&gt;/);
    assert.match(out, /href="https:\/\/example\.org\/\?a=1&amp;b=&lt;2&gt;"/);
  });

  it("marks a text shown in the other language with its language", () => {
    const out = correctionNote(correction({ correction: { en: "Signed." } }), 0, "zh").toString();
    assert.match(out, /<span lang="en">Signed\.<\/span>/);
  });
});

describe("compactCorrectionNote", () => {
  it("reads “Corrected: …” / “已更正：…” and links to the full note on the event page", () => {
    const en = compactCorrectionNote(
      compactCorrection(correction(), 1, "/events/x?lang=en", "en"),
    ).toString();
    assert.equal(visible(en), "Corrected: The Governor signed it on 29 September.");
    assert.match(en, /<a href="\/events\/x\?lang=en#correction-2"/);
    const zh = compactCorrectionNote(
      compactCorrection(correction(), 0, "/events/x?lang=zh", "zh"),
    ).toString();
    assert.equal(visible(zh), "已更正：州长于 9 月 29 日签署。");
  });

  it("escapes the text", () => {
    const evil = correction({ correction: { en: "<b>signed</b> & chaptered" } });
    const out = compactCorrectionNote(compactCorrection(evil, 0, "/events/x?lang=en", "en")).toString();
    assert.ok(!out.includes("<b>"), out);
    assert.match(out, /&lt;b&gt;signed&lt;\/b&gt; &amp; chaptered/);
  });
});
