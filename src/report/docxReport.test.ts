import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Correction } from "../domain/correction.js";
import { correctionsByEvent } from "../domain/correctionsByEvent.js";
import { readBundledDataset } from "../import/bundledDataset.js";
import { buildReport } from "./buildReport.js";
import { writeDocxReport } from "./docxReport.js";
import { jurisdictionNamer } from "./jurisdictionNames.js";
import { readZip } from "./readZip.js";

// A 1×1 white PNG stands in for the figures, which Chromium draws in the CLI (see test/report.test.ts).
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC",
  "base64",
);

const dataset = readBundledDataset();
const report = buildReport(
  {
    period: { from: "2025-01-01", to: "2025-12-31" },
    events: dataset.events,
    filter: {},
    documents: dataset.documents,
    name: jurisdictionNamer(dataset.jurisdictions),
  },
  "zh",
);
const files = readZip(
  await writeDocxReport(
    report,
    report.figures.map(() => PIXEL),
  ),
);
const xml = (name: string) => files.get(name)?.toString("utf8") ?? "";
const paragraphsOfStyle = (style: string) =>
  [...xml("word/document.xml").matchAll(/<w:p>(?:(?!<\/w:p>).)*?<\/w:p>/gs)]
    .map((m) => m[0])
    .filter((p) => p.includes(`<w:pStyle w:val="${style}"/>`))
    .map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));

describe("writeDocxReport › the 2025 report", () => {
  it("makes every source a real footnote: 58 of them, each cited once from the text", () => {
    const notes = [...xml("word/footnotes.xml").matchAll(/<w:footnote w:id="(\d+)">/g)].map((m) =>
      Number(m[1]),
    );
    assert.deepEqual(
      notes,
      Array.from({ length: 58 }, (_, i) => i + 1),
    );
    const references = [...xml("word/document.xml").matchAll(/<w:footnoteReference w:id="(\d+)"\/>/g)];
    assert.equal(references.length, 58);
    assert.match(xml("word/footnotes.xml"), /The White House\. &lt;/);
  });

  it("uses Word headings: the analysis and the chronicle, all 12 months, every event", () => {
    const h1 = paragraphsOfStyle("Heading1");
    assert.ok(h1.includes("执行摘要"));
    assert.ok(h1.includes("附：2025 年全球人工智能治理大事记"));
    const months = paragraphsOfStyle("Heading2").filter((text) => /^\d{1,2} 月$/.test(text));
    assert.deepEqual(
      months,
      Array.from({ length: 12 }, (_, i) => `${i + 1} 月`),
    );
    assert.equal(paragraphsOfStyle("Heading3").length, 47);
  });

  it("holds a table-of-contents field that Word updates on opening, and the four figures", () => {
    assert.match(xml("word/document.xml"), /TOC \\h \\o &quot;1-3&quot;/);
    assert.match(xml("word/settings.xml"), /<w:updateFields(?: w:val="true")?\/>/);
    assert.equal((xml("word/document.xml").match(/<a:blip r:embed=/g) ?? []).length, 4);
    assert.ok([...files.keys()].some((name) => name.startsWith("word/media/")));
  });
});

describe("writeDocxReport › corrections", () => {
  it("prints a correction as a paragraph after the summary, its sources as links", async () => {
    // A fixture correction of the first bundled event, whatever data/corrections holds at the moment.
    const [first] = dataset.events;
    const corrected = buildReport(
      {
        period: { from: "2025-01-01", to: "2025-01-31" },
        events: dataset.events.filter((e) => e.date.start.startsWith("2025-01")),
        filter: {},
        documents: [],
        name: jurisdictionNamer(dataset.jurisdictions),
        corrections: correctionsByEvent([
          Correction.parse({
            event: first?.id,
            field: "date",
            claim: { en: "20 January" },
            correction: { zh: "官方记录为 1 月 23 日 & 其后。", en: "The record says 23 January." },
            verification: "official",
            sources: ["https://example.org/record?a=1&b=2"],
          }),
        ]),
      },
      "zh",
    );
    const docx = readZip(
      await writeDocxReport(
        corrected,
        corrected.figures.map(() => PIXEL),
      ),
    );
    const document = docx.get("word/document.xml")?.toString("utf8") ?? "";
    const paragraph =
      [...document.matchAll(/<w:p>(?:(?!<\/w:p>).)*?<\/w:p>/gs)]
        .map((m) => m[0])
        .find((p) => p.includes("更正（日期）")) ?? "";
    const text = [...paragraph.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("");
    assert.equal(
      text,
      "更正（日期）：官方记录为 1 月 23 日 &amp; 其后。（已对照官方文本；来源：https://example.org/record?a=1&amp;b=2）",
    );
    assert.match(paragraph, /<w:hyperlink [^>]*r:id="/);
    assert.match(
      docx.get("word/_rels/document.xml.rels")?.toString("utf8") ?? "",
      /Target="https:\/\/example\.org\/record\?a=1&amp;b=2"/,
    );
    // After the event's summary, before the next event's heading.
    const at = document.indexOf("更正（日期）");
    assert.ok(document.lastIndexOf("摘要：", at) > document.lastIndexOf('w:val="Heading3"', at));
  });
});
