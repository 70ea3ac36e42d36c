import { httpUrlOrNull } from "../domain/httpUrl.js";
import {
  chronicleParagraphs,
  cleanChronicleText,
  chronicleTitle,
  escapeChronicleInline,
  escapeChronicleNote,
  escapeChronicleParagraphs,
  escapeMarkdownText,
} from "../import/chronicle/chronicleEscape.js";
import { printedNote } from "./printedNote.js";
import { formatPeriod } from "./reportDates.js";
import { WORDS } from "./reportLabels.js";
import { REPORT_PHRASES } from "./reportPhrases.js";
import type { Report, ReportBlock, ReportCorrection, ReportEvent } from "./reportModel.js";

/** Anchors as GitHub and most renderers derive them from a heading: lower case, punctuation dropped. */
export function headingSlugger(): (heading: string) => string {
  const seen = new Map<string, number>();
  return (heading) => {
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  };
}

function block(b: ReportBlock): string {
  return b.kind === "paragraph" ? b.text : b.items.map((item) => `- ${item}`).join("\n");
}

/**
 * A correction as a quoted paragraph after the summary: "> **更正（摘要）**：…（已对照官方文本；来源：<…>）".
 * The chronicle reader knows it by that opening (startsCorrection) and leaves it out of the event; its
 * sources are written as links, not `[^N]` notes, which the reader would take for the event's sources.
 */
function correctionLine(correction: ReportCorrection, report: Report): string {
  const { heading, verification, sourcesLabel } = correction;
  // On its one line, no HTML or link in it; the reader skips the line whole.
  const text = escapeMarkdownText(correction.text);
  // Markdown makes <…> a link whatever its scheme: only an http(s) URL is written that way.
  const links = correction.sources.map((url) => (httpUrlOrNull(url) ? `<${url}>` : escapeMarkdownText(url)));
  return REPORT_PHRASES[report.lang].markdownCorrection(heading, text, verification, sourcesLabel, links);
}

/**
 * An event as the chronicle prints it. Its title and summary are escaped (chronicleEscape.ts) so that no
 * line of them opens a heading, an event, a date line, a footnote or a quote, and no HTML passes: the
 * reader reads them back as they were.
 */
function eventLines(item: ReportEvent, report: Report): string[] {
  const words = WORDS[report.lang];
  const lines = [`#### ${item.number}. ${escapeChronicleInline(chronicleTitle(item.title))}`, ""];
  if (item.dateLine) lines.push(`${words.dateLine}${item.dateLine}`, "");
  const marks = item.notes.map((note) => `[^${note.number}]`).join("");
  const shaped = item.paragraphs.flatMap(chronicleParagraphs);
  const paragraphs = escapeChronicleParagraphs(shaped.length ? shaped : [""], words.summary);
  paragraphs[0] = `${words.summary}${paragraphs[0]}`;
  // Where each mark stood is not stored: the marks close the summary, in the order of the sources.
  paragraphs[paragraphs.length - 1] += marks;
  for (const paragraph of paragraphs) lines.push(paragraph.trimEnd(), "");
  for (const correction of item.corrections) lines.push(correctionLine(correction, report), "");
  return lines;
}

/**
 * Writes a report as Markdown in the seed's chronicle style, which `aigov import` reads back into the
 * same events: month headers, numbered titles, a "摘要：" summary with `[^N]` marks, and definitions
 * `[^N]: …` holding each source's text as stored. Corrections follow the summary as quoted paragraphs,
 * which the importer skips. Event texts are escaped (chronicleEscape.ts): none can open a structure of
 * the chronicle or of Markdown, and the importer undoes the escapes.
 */
export function writeMarkdownReport(report: Report): string {
  const words = WORDS[report.lang];
  const slug = headingSlugger();
  const sectionSlugs = report.sections.map((section) => slug(section.heading));
  const chronicleSlug = slug(report.chronicle.heading);
  const monthSlugs = report.chronicle.months.map((month) => slug(month.heading));
  const { total, sources } = report.statistics;
  const tooltip = REPORT_PHRASES[report.lang].chronicleTooltip(
    formatPeriod(report.period, report.lang),
    total,
    sources,
  );

  // The title block has no blank line, so that the importer keeps the period and the contents out of
  // the narrative; the contents' entry for the chronicle runs past 80 characters (with its tooltip) so
  // that it is not taken for the chronicle's heading.
  const head = [
    report.title,
    "=".repeat(Math.min(80, Math.max(3, report.title.length * 2))),
    report.periodLine,
  ];
  if (report.filterLine) head.push(report.filterLine);
  if (report.translationLine) head.push(report.translationLine);
  head.push(`## ${words.toc}`);
  report.sections.forEach((section, i) => {
    const indent = "  ".repeat(Math.max(0, section.depth - 1));
    head.push(`${indent}- [${section.heading}](#${sectionSlugs[i]})`);
  });
  head.push(`- [${report.chronicle.heading}](#${chronicleSlug} "${tooltip}")`);
  report.chronicle.months.forEach((month, i) => {
    head.push(`  - [${month.heading}](#${monthSlugs[i]})`);
  });

  const body: string[] = [];
  for (const section of report.sections) {
    body.push(`${"#".repeat(section.depth + 1)} ${section.heading}`, "");
    for (const b of section.blocks) body.push(block(b), "");
  }
  body.push(`## ${report.chronicle.heading}`, "");
  for (const month of report.chronicle.months) {
    body.push(`### ${month.heading}`, "");
    for (const item of month.events) body.push(...eventLines(item, report));
  }
  const notes = report.chronicle.months.flatMap((month) => month.events.flatMap((item) => item.notes));
  for (const note of notes) {
    const printed = printedNote(note.source);
    // A note the source document cites but never printed stays a bare mark, as it was.
    if (printed !== null) body.push(`[^${note.number}]: ${escapeChronicleNote(printed)}`);
  }
  // No control character from the data reaches the file (the narrative and title included): a NUL made
  // a report that no reader would import back.
  return `${cleanChronicleText([...head, "", ...body].join("\n")).trimEnd()}\n`;
}
