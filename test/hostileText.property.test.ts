// Issue 24, points 6–8: whatever text an imported event holds, every output stays well formed for its
// format, and the Markdown report imports back into the same events.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseFeed } from "@rowanmanning/feed-parser";
import fc from "fast-check";
import { XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { formatEventDetail, formatEventLine } from "../src/cli/formatEvent.js";
import { terminalOutput } from "../src/cli/terminalText.js";
import { Event } from "../src/domain/event.js";
import type { Language } from "../src/domain/localizedText.js";
import { hasXmlInvalid } from "../src/domain/xmlText.js";
import { eventsToAtom } from "../src/export/eventsAtom.js";
import { eventsToCsv } from "../src/export/eventsCsv.js";
import { eventsToIcs } from "../src/export/eventsIcs.js";
import { sourcesToCsl } from "../src/export/sourcesCsl.js";
import { chronicleParagraphs, chronicleTitle } from "../src/import/chronicle/chronicleEscape.js";
import { parseNoteText } from "../src/import/chronicle/footnotes.js";
import { parseChronicle } from "../src/import/chronicle/parseChronicle.js";
import { readTextEvents } from "../src/import/importFiles.js";
import { buildReport } from "../src/report/buildReport.js";
import { writeDocxReport } from "../src/report/docxReport.js";
import { writeHtmlReport } from "../src/report/htmlReport.js";
import { writeMarkdownReport } from "../src/report/markdownReport.js";
import { readZip } from "../src/report/readZip.js";

// Pieces of hostile text: markup, controls, escapes, bidi controls, XML-invalid characters, and lines
// that open a structure of Markdown or of the chronicle reader.
const HOSTILE = [
  "<script>alert(1)</script>",
  "<b>bold</b>",
  "&amp; &#65; &",
  "\u0000",
  "\u0007",
  "\u001b[31m",
  "\u001b]8;;https://evil.example\u0007link\u001b]8;;\u0007",
  "\u0085",
  "\u009b2J",
  "\u202e",
  "\u2066",
  "\u200f",
  "\u061c",
  "\ufffe",
  "\uffff",
  "\ud800",
  "\r\n",
  "\r",
  "\n",
  "\n\n",
  "\n#### 2. Forged event\n",
  "\n### March\n",
  "\nJanuary\n",
  "\n3 月\n",
  "\n[^3]: https://evil.example/\n",
  "[^1]",
  "^{2}",
  "¹",
  "²³ ",
  "\nDate: 2025-12-31\n",
  "\n日期：2025 年 12 月 31 日\n",
  "\n> **Correction (summary):** forged\n",
  "\n> **更正（摘要）**：伪造\n",
  "\n> quoted\n",
  "\n- item\n",
  "\n1) item\n",
  "\n2、item\n",
  "**bold**",
  "`code`",
  "\\",
  "\\*",
  "\t",
  " \u3000 ",
  " ".repeat(300),
  "\nSummary: again\n",
  "\n摘要：又一个\n",
  "\nAppendix: Chronicle of AI Governance, 2025\n",
  "\nthe chronicle\n",
  "\n目录\n",
  "\nFigure 1 forged\n",
  "\n一、部分\n",
  "\n---\n",
  "\n===\n",
  "|a|b|",
  "~~struck~~",
  "\u2028",
  "😀",
  "$x^{2}$",
  "#",
  ">",
];
const WORDS = ["The", "legislature", "passed", "the", "act", "on", "time", "Commission", "guidance", "AI"];
const piece = fc.oneof(
  fc.constantFrom(...HOSTILE),
  fc.constantFrom(...WORDS).map((w) => ` ${w} `),
);
const hostileText = fc.array(piece, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(""));

interface Sample {
  title: string;
  summary: string;
  month: number;
  day: number;
  note: string;
}
const sample: fc.Arbitrary<Sample> = fc.record({
  title: hostileText,
  summary: hostileText,
  month: fc.integer({ min: 1, max: 12 }),
  day: fc.integer({ min: 1, max: 28 }),
  note: hostileText,
});

/** Events in the order the report prints them (by date, then id), their sources numbered from 1. */
function toEvents(samples: Sample[]): Event[] {
  let note = 0;
  const events = samples.map((s, i) =>
    Event.parse({
      id: `2025-hostile-${String(i).padStart(2, "0")}`,
      // "Act" keeps every title non-empty whatever the pieces clean down to.
      title: { en: `Act ${s.title}` },
      summary: { en: `Passed ${s.summary}` },
      date: { start: `2025-${String(s.month).padStart(2, "0")}-${String(s.day).padStart(2, "0")}` },
      jurisdictions: ["EU"],
      sources: [{ note: null, url: "https://example.org/a?b=1&c=2", publisher: "P", text: null }],
    }),
  );
  events.sort((a, b) => a.date.start.localeCompare(b.date.start) || a.id.localeCompare(b.id));
  return events.map((event, i) => {
    note++;
    const text = `${samples[i]?.note ?? ""}. <https://example.org/${i}>.`;
    return { ...event, sources: [{ ...parseNoteText(text, note), text }] };
  });
}

const report = (events: Event[], lang: Language) =>
  buildReport(
    {
      period: { from: "2025-01-01", to: "2025-12-31" },
      events,
      filter: {},
      documents: [],
      name: (code: string) => code,
    },
    lang,
  );

const asUtf8 = (text: string) => Buffer.from(text, "utf8").toString("utf8");
const TERMINAL_UNSAFE =
  // eslint-disable-next-line no-control-regex -- the controls are what the test looks for
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const RUNS = { numRuns: 60, seed: 24 };
const samples = fc.array(sample, { minLength: 1, maxLength: 4 });

function assertXml(xml: string, what: string) {
  assert.equal(hasXmlInvalid(xml), false, `${what} holds a character XML forbids`);
  const valid = XMLValidator.validate(xml);
  assert.equal(valid, true, `${what} is not well formed: ${JSON.stringify(valid)}`);
}

describe("hostile event texts › every output stays well formed", () => {
  it("Atom parses as XML and as a feed, its texts declared text", () => {
    fc.assert(
      fc.property(samples, (s) => {
        const events = toEvents(s);
        const xml = eventsToAtom(events, { baseUrl: "http://x", lang: "en" });
        assertXml(xml, "the feed");
        assert.doesNotMatch(xml, /type="html"/);
        assert.equal(parseFeed(xml).items.length, events.length);
      }),
      RUNS,
    );
  });

  it("the DOCX report's document.xml and footnotes.xml parse as XML", async () => {
    await fc.assert(
      fc.asyncProperty(samples, async (s) => {
        const files = readZip(await writeDocxReport(report(toEvents(s), "en"), []));
        for (const name of ["word/document.xml", "word/footnotes.xml"]) {
          const xml = files.get(name)?.toString("utf8");
          assert.ok(xml, `${name} is missing`);
          assertXml(xml, name);
        }
      }),
      { ...RUNS, numRuns: 15 },
    );
  });

  it("iCalendar parses with ical.js into one event per event", () => {
    fc.assert(
      fc.property(samples, (s) => {
        const events = toEvents(s);
        const ics = eventsToIcs(events, { lang: "en", baseUrl: "http://x" });
        // eslint-disable-next-line no-control-regex -- the controls are what the test looks for
        assert.doesNotMatch(ics.replaceAll("\r\n", ""), /[\u0000-\u0008\u000a-\u001f\u007f]/);
        const vevents = new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents("vevent");
        assert.equal(vevents.length, events.length);
      }),
      RUNS,
    );
  });

  it("CSV reads back with the project's reader into the same events", async () => {
    await fc.assert(
      fc.asyncProperty(samples, async (s) => {
        const events = toEvents(s);
        const back = await readTextEvents(eventsToCsv(events), "csv", "hostile.csv");
        assert.deepEqual(
          back.map((e) => [e.title.en, e.summary.en]),
          // A NUL, which no text file holds, is left out; a lone surrogate is U+FFFD in any UTF-8 file.
          events
            .map((e) => {
              const text = (t: string | undefined) => asUtf8((t ?? "").replaceAll("\0", ""));
              // Read as any record is read (the schema trims the texts).
              return Event.parse({
                ...e,
                title: { en: text(e.title.en) },
                summary: { en: text(e.summary.en) },
              });
            })
            .map((e) => [e.title.en, e.summary.en]),
        );
      }),
      { ...RUNS, numRuns: 30 },
    );
  });

  it("CSL-JSON is JSON", () => {
    fc.assert(
      fc.property(samples, (s) => {
        const csl = sourcesToCsl(toEvents(s), "en");
        assert.deepEqual(JSON.parse(JSON.stringify(csl)), csl);
      }),
      RUNS,
    );
  });

  it("the HTML report holds no unescaped <script and no character XML forbids", () => {
    fc.assert(
      fc.property(samples, (s) => {
        const html = writeHtmlReport(report(toEvents(s), "en"));
        assert.doesNotMatch(html, /<script/i);
        assert.equal(hasXmlInvalid(html), false);
      }),
      { ...RUNS, numRuns: 30 },
    );
  });

  it("what the CLI prints to a terminal holds no control or bidi character", () => {
    fc.assert(
      fc.property(samples, (s) => {
        const events = toEvents(s);
        for (const event of events) {
          assert.doesNotMatch(formatEventLine(event, "en"), TERMINAL_UNSAFE);
          assert.doesNotMatch(formatEventDetail(event), TERMINAL_UNSAFE);
        }
        const tty = { isTTY: true };
        const outputs = [
          writeMarkdownReport(report(events, "en")),
          eventsToAtom(events, { baseUrl: "http://x", lang: "en" }),
          eventsToCsv(events),
        ];
        for (const output of outputs) assert.doesNotMatch(terminalOutput(tty, output), TERMINAL_UNSAFE);
      }),
      { ...RUNS, numRuns: 30 },
    );
  });
});

describe("hostile event texts › the Markdown report imports back into the same events", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`keeps titles, summaries, dates and sources (${lang})`, () => {
      fc.assert(
        fc.property(samples, (s) => {
          const events = toEvents(s).map((event) =>
            // A Chinese report carries Chinese text (the reader tells the language from the text).
            lang === "zh"
              ? {
                  ...event,
                  title: { zh: `${event.title.en}人工智能治理法案` },
                  summary: { zh: `${event.summary.en}${"立法机关通过了该法案。".repeat(8)}` },
                }
              : event,
          );
          const markdown = writeMarkdownReport(report(events, lang));
          const parsed = parseChronicle(markdown, "hostile.md");
          assert.deepEqual(
            parsed.events.map((e) => ({
              title: e.title[lang],
              summary: e.summary[lang] ?? "",
              date: e.date,
              sources: e.sources,
            })),
            events.map((e) => ({
              title: chronicleTitle(e.title[lang] ?? ""),
              summary: chronicleParagraphs(e.summary[lang] ?? "").join("\n\n"),
              date: e.date,
              sources: e.sources.map((source) =>
                parseNoteText(chronicleTitle(source.text ?? ""), source.note),
              ),
            })),
          );
        }),
        RUNS,
      );
    });
  }
});
