import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Correction } from "../domain/correction.js";
import { type CorrectionsByEvent, correctionsByEvent } from "../domain/correctionsByEvent.js";
import { Event, type EventInput } from "../domain/event.js";
import type { EventFilter } from "../domain/eventQuery.js";
import type { Language } from "../domain/localizedText.js";
import { readBundledDataset } from "../import/bundledDataset.js";
import { isChronicleHeading } from "../import/chronicle/lineKinds.js";
import { type ChronicleEvent, parseChronicle } from "../import/chronicle/parseChronicle.js";
import { narrativeTranslations } from "../reference/narrativeTranslations.js";
import { buildReport } from "./buildReport.js";
import { jurisdictionNamer } from "./jurisdictionNames.js";
import { writeMarkdownReport } from "./markdownReport.js";
import type { ReportPeriod } from "./reportDates.js";

const dataset = readBundledDataset();
const YEAR: ReportPeriod = { from: "2025-01-01", to: "2025-12-31" };

function markdown(
  events: Event[],
  lang: Language,
  period = YEAR,
  withNarrative = false,
  filter: EventFilter = {},
  corrections?: CorrectionsByEvent,
  translated = false,
) {
  const report = buildReport(
    {
      period,
      events,
      filter,
      documents: withNarrative ? dataset.documents : [],
      ...(translated ? { translations: narrativeTranslations() } : {}),
      name: jurisdictionNamer(dataset.jurisdictions),
      corrections,
    },
    lang,
  );
  return { report, text: writeMarkdownReport(report) };
}

/** What a round trip must keep: number, title in the report's language, date and sources. */
const essentials = (
  events: { seq: number | null; title: Event["title"]; date: Event["date"]; sources: Event["sources"] }[],
  lang: Language,
) => events.map((e) => ({ seq: e.seq, title: e.title[lang], date: e.date, sources: e.sources }));

const inPeriod = (period: ReportPeriod) =>
  dataset.events.filter(
    (e) => e.date.start.slice(0, 10) <= period.to && (e.date.end ?? e.date.start) >= period.from.slice(0, 7),
  );

describe("writeMarkdownReport › round trip through the chronicle importer", () => {
  for (const lang of ["zh", "en"] as const) {
    it(`gives back the 47 bundled events of 2025 with their numbers, titles, dates and sources (${lang})`, () => {
      const { text } = markdown(dataset.events, lang);
      const parsed = parseChronicle(text, `report.${lang}.md`);
      assert.deepEqual(parsed.warnings, []);
      assert.equal(parsed.document.lang, lang);
      const bySeq = [...dataset.events].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
      assert.deepEqual(essentials(parsed.events, lang), essentials(bySeq, lang));
    });
  }

  it("keeps the chronicle's own numbers in a report of part of the year", () => {
    const period = { from: "2025-06-01", to: "2025-09-30" };
    const events = inPeriod(period);
    const parsed = parseChronicle(markdown(events, "zh", period).text, "summer.md");
    assert.deepEqual(
      parsed.events.map((e) => e.seq),
      events.map((e) => e.seq).sort((a, b) => (a ?? 0) - (b ?? 0)),
    );
    assert.equal(parsed.events[0]?.sources[0]?.note, 24);
    assert.deepEqual(
      essentials(parsed.events, "zh"),
      essentials(
        [...events].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)),
        "zh",
      ),
    );
  });

  it("numbers events and notes from 1 when a filter breaks the sequence, keeping titles, dates and sources", () => {
    const events = dataset.events.filter((e) => e.jurisdictions.includes("US"));
    const { text, report } = markdown(events, "en", YEAR, false, { jurisdictions: ["US"] });
    assert.match(report.title, /^Global AI Governance Report 2025: United States/);
    const parsed = parseChronicle(text, "us.md");
    assert.deepEqual(
      parsed.events.map((e) => e.seq),
      events.map((_e, i) => i + 1),
    );
    const withoutNotes = (
      list: { title: Event["title"]; date: Event["date"]; sources: Event["sources"] }[],
    ) =>
      list.map((e) => ({
        title: e.title.en,
        date: e.date,
        sources: e.sources.map((s) => ({ ...s, note: null })),
      }));
    assert.deepEqual(withoutNotes(parsed.events), withoutNotes(events));
    assert.deepEqual(
      parsed.events.flatMap((e) => e.sources.map((s) => s.note)),
      events.flatMap((e) => e.sources).map((_s, i) => i + 1),
    );
  });

  it("prints a date line only for events whose summary does not give their date back", () => {
    const make = (input: Partial<EventInput>) =>
      Event.parse({
        id: `e-${input.seq}`,
        title: { zh: `事件${input.seq}`, en: `Event ${input.seq}` },
        ...input,
      });
    const events = [
      make({ seq: 1, date: { start: "2025-03-04" }, summary: { en: "On 4 March 2025, it happened." } }),
      make({ seq: 2, date: { start: "2025-03-05" }, summary: { en: "It happened, without a date." } }),
      make({ seq: 3, date: { start: "2025-03-10", end: "2025-04-02" }, summary: { en: "A long meeting." } }),
      make({ seq: 4, date: { start: "2025" }, summary: { en: "Some time in 2025." } }),
      make({ seq: 5, date: { start: "2025-03" }, summary: { en: "In March, with no year." } }),
    ];
    const { text } = markdown(events, "en");
    assert.deepEqual(
      text.split("\n").filter((line) => line.startsWith("Date: ")),
      ["Date: 2025", "Date: 2025-03-05", "Date: 2025-03-10 to 2025-04-02"],
    );
    const parsed = parseChronicle(text, "dates.md");
    assert.deepEqual(
      parsed.events.map((e) => [e.title.en, e.date]),
      // The year-only event is filed first, under January; March keeps the chronicle's order.
      [3, 0, 1, 2, 4].map((i) => [events[i]?.title.en, events[i]?.date]),
    );
  });

  it("writes the year in month headers when the chronicle spans years", () => {
    const make = (seq: number, start: string) =>
      Event.parse({
        id: `e-${seq}`,
        seq,
        title: { zh: `事件${seq}` },
        date: { start },
        summary: { zh: "无日期。" },
      });
    const events = [make(1, "2024-12-30"), make(2, "2025-01-02")];
    const period = { from: "2024-12-01", to: "2025-01-31" };
    const { text } = markdown(events, "zh", period);
    assert.match(text, /^### 2024 年 12 月$/m);
    assert.match(text, /^### 2025 年 1 月$/m);
    assert.deepEqual(
      parseChronicle(text, "span.md").events.map((e) => e.date.start),
      ["2024-12-30", "2025-01-02"],
    );
  });
});

describe("writeMarkdownReport › structure", () => {
  it("has one chronicle heading, the real one, even for a single day", () => {
    for (const lang of ["zh", "en"] as const) {
      const period = { from: "2025-02-07", to: "2025-02-07" };
      const { text } = markdown(inPeriod(period).slice(0, 1), lang, period);
      const headings = text.split("\n").filter((line) => isChronicleHeading(line));
      assert.equal(headings.length, 1, headings.join(" | "));
      assert.match(headings[0] ?? "", /^## (附：|Appendix: Chronicle)/);
    }
  });

  it("reuses the stored narrative of the year verbatim, which imports back as the same sections", () => {
    const { text, report } = markdown(dataset.events, "zh", YEAR, true);
    assert.equal(report.narrativeFrom, dataset.documents[0]?.key);
    const stored = dataset.documents[0]?.narrative ?? [];
    const parsed = parseChronicle(text, "with-narrative.md");
    assert.deepEqual(
      parsed.document.narrative.map((s) => [s.heading, s.paragraphs]),
      stored.map((s) => [s.heading, s.paragraphs]),
    );
    assert.equal(parsed.document.title, "2025 年度全球人工智能治理报告");
  });

  it("reuses the curated English translation of the stored narrative, and says it is a translation", () => {
    const { text, report } = markdown(dataset.events, "en", YEAR, true, {}, undefined, true);
    const [translation] = narrativeTranslations();
    assert.equal(report.narrativeFrom, dataset.documents[0]?.key);
    assert.equal(translation?.translationOf.key, dataset.documents[0]?.key);
    assert.deepEqual(
      report.sections.map((s) => s.heading),
      translation?.narrative.map((s) => s.heading),
    );
    assert.match(text, /^Translation: aigov's own translation of the Chinese original/m);
    assert.match(text, /^## Executive Summary$/m);
    // The parts in the seed's order: international, regional, national, trends; China among the nations.
    const parts = report.sections.filter((s) => s.depth === 1).map((s) => s.heading);
    assert.deepEqual(
      parts.slice(1).map((h) => h.slice(0, 2)),
      ["1.", "2.", "3.", "4."],
    );
    const national = report.sections.findIndex((s) => s.depth === 1 && s.heading.startsWith("3."));
    const trends = report.sections.findIndex((s) => s.depth === 1 && s.heading.startsWith("4."));
    const china = report.sections.findIndex((s) => /^1\. China/.test(s.heading));
    assert.ok(national < china && china < trends, "China under the national level");
    // The Chinese report is unchanged by the translation beside it.
    const zh = markdown(dataset.events, "zh", YEAR, true, {}, undefined, true);
    assert.equal(zh.report.translationLine, null);
  });

  it("builds the narrative from the data in English, where no English narrative is stored", () => {
    const { text, report } = markdown(dataset.events, "en", YEAR, true);
    assert.equal(report.narrativeFrom, null);
    assert.match(text, /^## Executive summary$/m);
    assert.match(text, /47 AI-governance events/);
    assert.match(text, /^## I\. International bodies and multilateral agreements$/m);
    assert.match(text, /^## IV\. Trends$/m);
    assert.match(text, /2026-01-22|22 January 2026/);
  });
});

describe("writeMarkdownReport › corrections", () => {
  // Fixture corrections of bundled events, whatever data/corrections holds at the moment: the first
  // event's summary and title, and the tenth's date.
  const corrected = [dataset.events[0], dataset.events[9]] as Event[];
  const fixture = (event: Event, field: Correction["field"], en: string) =>
    Correction.parse({
      event: event.id,
      field,
      claim: { zh: "原文所称", en: "what the text says" },
      correction: {
        zh: `官方记录显示：${en}，于 2031 年 2 月 3 日起施行`,
        en: `${en}, applying from 3 February 2031`,
      },
      verification: field === "date" ? "secondary" : "official",
      sources: ["https://example.org/record", "https://example.org/other?a=1"],
    });
  const corrections = correctionsByEvent([
    fixture(corrected[0] as Event, "summary", "The record says otherwise"),
    fixture(corrected[0] as Event, "title", "Another name"),
    fixture(corrected[1] as Event, "date", "Another day"),
  ]);
  const withoutLines = (events: ChronicleEvent[]) => events.map(({ line: _line, ...event }) => event);

  for (const lang of ["zh", "en"] as const) {
    it(`prints each correction after the summary, and imports back into the same events without it (${lang})`, () => {
      const plain = markdown(dataset.events, lang);
      const { text, report } = markdown(dataset.events, lang, YEAR, false, {}, corrections);
      const printed = report.chronicle.months.flatMap((m) => m.events);
      assert.deepEqual(
        printed
          .filter((e) => e.corrections.length)
          .map((e) => [e.event.id, e.corrections.map((c) => c.field)]),
        [
          [corrected[0]?.id, ["summary", "title"]],
          [corrected[1]?.id, ["date"]],
        ],
      );
      const heading =
        lang === "zh" ? "> **更正（摘要）**：官方记录显示" : "> **Correction (summary):** The record says";
      assert.ok(text.includes(heading), heading);
      assert.match(
        text,
        lang === "zh"
          ? /来源：<https:\/\/example\.org\/record>、<https:\/\/example\.org\/other\?a=1>）$/m
          : /sources: <https:\/\/example\.org\/record>, <https:\/\/example\.org\/other\?a=1>\)$/m,
      );

      const parsed = parseChronicle(text, `corrected.${lang}.md`);
      assert.deepEqual(parsed.warnings, []);
      // Summaries, dates, effective dates and sources as without the corrections: none is absorbed.
      assert.deepEqual(
        withoutLines(parsed.events),
        withoutLines(parseChronicle(plain.text, "plain.md").events),
      );
      for (const event of parsed.events) {
        const summary = event.summary[lang] ?? "";
        assert.doesNotMatch(
          summary,
          /更正|Correction|example\.org\/record|2031 年 2 月 3 日|3 February 2031/,
        );
      }
    });
  }
});
