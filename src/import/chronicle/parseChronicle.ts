import { createHash } from "node:crypto";
import type { NarrativeSection, SourceDocument } from "../../domain/document.js";
import type { EffectiveDate, EventDate, Source } from "../../domain/event.js";
import type { Language } from "../../domain/localizedText.js";
import { formatPartialDate } from "../../domain/partialDate.js";
import { ImportError } from "../importError.js";
import {
  type Block,
  blockText,
  firstLine,
  groupBlocks,
  type HeadingContext,
  headingKey,
  isHeadingBlock,
  stitchPageBreaks,
} from "./blocks.js";
import { findEffectiveDates, textEventDate } from "./chronicleDates.js";
import { unescapeChronicle } from "./chronicleEscape.js";
import { matchDateLine } from "./dateLine.js";
import {
  extractFootnoteRefs,
  type FootnoteDefinition,
  isUrlOnlyLine,
  matchDefinitionLine,
  parseNoteText,
} from "./footnotes.js";
import {
  isChronicleHeading,
  isTocHeading,
  type Line,
  matchMonthHeader,
  matchNumberedLine,
  matchPartHeading,
  matchTocEntry,
  startsCorrection,
  startsSummary,
  stripSummaryMark,
  undress,
} from "./lineKinds.js";

/** The heading given to a report's text before its first heading, in the report's language. */
const INTRODUCTION: Record<Language, string> = { zh: "引言", en: "Introduction" };

/** An event as a chronicle states it: what the text gives, nothing inferred. */
export interface ChronicleEvent {
  id: string;
  seq: number;
  title: Partial<Record<Language, string>>;
  summary: Partial<Record<Language, string>>;
  date: EventDate;
  sources: Source[];
  effectiveDates: EffectiveDate[];
  document: string;
  /** Line of the event's title in the file. */
  line: number;
}

export interface ChronicleWarning {
  line: number;
  message: string;
}

export interface ParsedChronicle {
  document: SourceDocument;
  events: ChronicleEvent[];
  warnings: ChronicleWarning[];
}

const isBlankText = (text: string) => text.trim() === "";

function readLines(text: string): Line[] {
  return (
    text
      .replace(/^\uFEFF/, "")
      .split(/\r\n|\r|\n/)
      // trimEnd (JavaScript white space, which includes U+00A0 and U+3000) is linear, unlike /\s+$/.
      .map((raw, index) => ({ no: index + 1, text: raw.trimEnd() }))
  );
}

/** Marks the table of contents as consumed and returns its entries as heading keys. */
function takeTableOfContents(lines: Line[], consumed: Set<number>): Set<string> {
  const headings = new Set<string>();
  const start = lines.findIndex((line) => isTocHeading(line.text));
  if (start === -1) return headings;
  consumed.add(start);
  for (let i = start + 1; i < lines.length; i++) {
    const text = (lines[i] as Line).text;
    if (isBlankText(text)) continue;
    const entry = matchTocEntry(text);
    if (entry === null) break;
    headings.add(headingKey(entry));
    consumed.add(i);
  }
  return headings;
}

/** Collects footnote definitions wherever a page end put them, and marks their lines as consumed. */
function takeFootnotes(
  lines: Line[],
  consumed: Set<number>,
  warnings: ChronicleWarning[],
): Map<number, FootnoteDefinition> {
  const notes = new Map<number, FootnoteDefinition>();
  for (let i = 0; i < lines.length; i++) {
    if (consumed.has(i)) continue;
    const line = lines[i] as Line;
    const definition = matchDefinitionLine(line.text);
    if (!definition) continue;
    consumed.add(i);
    let printed = definition.body;
    // A publisher on one line and its URL on the next (possibly after a blank line).
    if (!/https?:\/\//.test(printed)) {
      for (let j = i + 1; j < Math.min(lines.length, i + 4); j++) {
        const next = (lines[j] as Line).text;
        if (isBlankText(next)) continue;
        if (isUrlOnlyLine(next)) {
          printed = `${printed} ${next.trim()}`;
          consumed.add(j);
        }
        break;
      }
    }
    if (notes.has(definition.note)) {
      warnings.push({
        line: line.no,
        message: `note ${definition.note} is defined twice; the first definition is kept`,
      });
      continue;
    }
    notes.set(definition.note, {
      note: definition.note,
      line: line.no,
      source: parseNoteText(unescapeChronicle(printed), definition.note),
    });
  }
  return notes;
}

function findChronicleStart(lines: Line[], consumed: Set<number>): number {
  const heading = lines.findIndex((line, i) => !consumed.has(i) && isChronicleHeading(line.text));
  if (heading !== -1) return heading;
  // No heading: the chronicle starts at the first month header followed by a numbered line.
  for (let i = 0; i < lines.length; i++) {
    if (consumed.has(i) || !matchMonthHeader((lines[i] as Line).text)) continue;
    // Walk forward instead of copying the rest of the lines for every month header (quadratic).
    let j = i + 1;
    while (j < lines.length && (consumed.has(j) || isBlankText((lines[j] as Line).text))) j++;
    const next = lines[j];
    if (next && matchNumberedLine(next.text)) return i;
  }
  return -1;
}

function detectLanguage(text: string): Language {
  const cjk = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return cjk * 2 >= latin ? "zh" : "en";
}

/** A short, stable key for a document, derived from its title, so that re-imports find it again. */
export function documentKey(title: string): string {
  const normalized = headingKey(title).toLowerCase();
  return `doc-${createHash("sha256").update(normalized).digest("hex").slice(0, 10)}`;
}

function buildNarrative(blocks: Block[], context: HeadingContext, lang: Language): NarrativeSection[] {
  const sections: NarrativeSection[] = [];
  for (const block of blocks) {
    const text = blockText(block);
    if (isHeadingBlock(block, context)) {
      const heading = undress(text);
      const depth = matchPartHeading(text) ?? (matchNumberedLine(text) ? 2 : 1);
      sections.push({ heading, depth, paragraphs: [] });
      continue;
    }
    if (sections.length === 0) sections.push({ heading: INTRODUCTION[lang], depth: 1, paragraphs: [] });
    const paragraph = extractFootnoteRefs(text).text;
    (sections[sections.length - 1] as NarrativeSection).paragraphs.push(paragraph);
  }
  return sections;
}

interface OpenEvent {
  number: number;
  titleLine: Line;
  month: number | null;
  year: number | null;
  /** The date an optional "日期：…" line right after the title states; undefined without one. */
  statedDate: EventDate | null | undefined;
  paragraphs: string[];
}

/**
 * Reads a chronicle report such as the seed — title, table of contents, analysis, then "大事记" with
 * month headers, numbered events, "摘要：" summaries and footnotes at page ends — into its events (as
 * the text states them) and its narrative. Throws an ImportError naming the line when there is no
 * chronicle to read.
 */
export function parseChronicle(text: string, file: string): ParsedChronicle {
  const lines = readLines(text);
  const warnings: ChronicleWarning[] = [];
  const consumed = new Set<number>();
  const tocHeadings = takeTableOfContents(lines, consumed);
  const notes = takeFootnotes(lines, consumed, warnings);

  const chronicleIndex = findChronicleStart(lines, consumed);
  if (chronicleIndex === -1) {
    throw new ImportError(
      file,
      null,
      "no chronicle found: expected a heading such as '附：2025 年全球人工智能治理大事记' or month headers ('1 月') followed by numbered events ('1. 标题') with a '摘要：' summary",
    );
  }
  const chronicleLine = (lines[chronicleIndex] as Line).no;
  const titleLine = lines.find((line, i) => !consumed.has(i) && !isBlankText(line.text));
  const title = undress(titleLine?.text ?? "");
  const headingYear = /(\d{4})/.exec(undress((lines[chronicleIndex] as Line).text))?.[1];
  let year: number | null = headingYear ? Number(headingYear) : null;
  if (year === null) {
    const titleYear = /(\d{4})/.exec(title)?.[1];
    year = titleYear ? Number(titleYear) : null;
  }

  const context: HeadingContext = { tocHeadings, chronicleLine };
  const body = lines.filter((_line, i) => !consumed.has(i));
  const blocks = stitchPageBreaks(
    groupBlocks(body, (line) => isBlankText(line.text)),
    context,
  );
  const narrativeBlocks = blocks.filter(
    (block) => firstLine(block).no < chronicleLine && firstLine(block) !== titleLine,
  );
  const chronicleBlocks = blocks.filter((block) => firstLine(block).no > chronicleLine);
  const lang = detectLanguage(chronicleBlocks.map(blockText).join("\n"));
  const key = documentKey(title || undress((lines[chronicleIndex] as Line).text));

  const open = collectEvents(chronicleBlocks, year);

  if (open.length === 0) {
    throw new ImportError(
      file,
      chronicleLine,
      "the chronicle has no events: expected numbered events ('1. 标题') under month headers ('1 月'), each followed by a '摘要：' summary",
    );
  }

  const renumber = open.some((event, i) => i > 0 && event.number !== (open[i - 1] as OpenEvent).number + 1);
  if (renumber)
    warnings.push({
      line: chronicleLine,
      message: "event numbers restart within the chronicle; events are numbered by their order instead",
    });
  const referenced = new Set<number>();
  const events = open.map((event, i) =>
    chronicleEvent(event, renumber ? i + 1 : event.number, { notes, referenced, warnings, lang, key, file }),
  );
  for (const [note, definition] of notes)
    if (!referenced.has(note))
      warnings.push({ line: definition.line, message: `note ${note} is defined but no event cites it` });

  const document: SourceDocument = {
    key,
    title: title || undress((lines[chronicleIndex] as Line).text),
    lang,
    year,
    narrative: buildNarrative(narrativeBlocks, context, lang),
  };
  return { document, events, warnings };
}

/**
 * The events of the chronicle's blocks, in order: a numbered line opens one when it continues the
 * numbering (or restarts it after a month header) and a summary follows; the blocks after it are its
 * text until the next one. Month headers set the month (and year) of the events under them.
 */
function collectEvents(chronicleBlocks: Block[], year: number | null): OpenEvent[] {
  const usesSummaryMarks = chronicleBlocks.some((block) => startsSummary(firstLine(block).text));
  const usesMonths = chronicleBlocks.some((block) => matchMonthHeader(firstLine(block).text));
  const open: OpenEvent[] = [];
  const dateLineBlocks = new Set<number>();
  let month: number | null = null;
  let monthYear: number | null = year;
  let monthChanged = false;
  for (const [index, block] of chronicleBlocks.entries()) {
    if (dateLineBlocks.has(index)) continue;
    const head = firstLine(block);
    const monthHeader = block.lines.length === 1 ? matchMonthHeader(head.text) : null;
    if (monthHeader) {
      month = monthHeader.month;
      monthYear = monthHeader.year ?? year;
      monthChanged = true;
      continue;
    }
    const numbered = matchNumberedLine(head.text);
    const current = open[open.length - 1];
    if (numbered && (month !== null || !usesMonths)) {
      const inSequence =
        current === undefined ||
        numbered.number === current.number + 1 ||
        (numbered.number === 1 && monthChanged);
      // An optional date line right after the title: on the title's next line, or a block of its own.
      const inlineDate = block.lines[1] ? matchDateLine(block.lines[1].text) : null;
      const following = chronicleBlocks[index + 1];
      const ownDate =
        !inlineDate && following?.lines.length === 1 ? matchDateLine(firstLine(following).text) : null;
      const rest = block.lines.slice(inlineDate ? 2 : 1);
      const next = ownDate ? chronicleBlocks[index + 2] : following;
      const summaryFollows =
        !usesSummaryMarks ||
        (rest[0] !== undefined && startsSummary(rest[0].text)) ||
        (next !== undefined && startsSummary(firstLine(next).text));
      if (inSequence && summaryFollows) {
        open.push({
          number: numbered.number,
          titleLine: { no: head.no, text: numbered.rest },
          month,
          year: monthYear,
          statedDate: (inlineDate ?? ownDate)?.date,
          paragraphs: rest.length > 0 ? [rest.map((l) => l.text).join("\n")] : [],
        });
        if (ownDate) dateLineBlocks.add(index + 1);
        monthChanged = false;
        continue;
      }
    }
    // A report's correction beside an event is not the event's text (see startsCorrection).
    if (current && !startsCorrection(head.text)) current.paragraphs.push(blockText(block));
  }
  return open;
}

/** What turning open events into records shares: the footnotes, the notes cited so far, the warnings. */
interface EventContext {
  notes: Map<number, FootnoteDefinition>;
  /** Filled with every note an event cites, to warn of the ones none cites. */
  referenced: Set<number>;
  warnings: ChronicleWarning[];
  lang: Language;
  key: string;
  file: string;
}

/**
 * One event's record: its title and summary with footnote marks taken out (each mark a source), the
 * report's escapes undone, its date (stated, from the text, or its month) and the dates it states.
 */
function chronicleEvent(event: OpenEvent, seq: number, context: EventContext): ChronicleEvent {
  const { notes, referenced, warnings, lang, key, file } = context;
  const isDefined = (note: number) => notes.has(note);
  const title = extractFootnoteRefs(event.titleLine.text, isDefined);
  const summaryParts = event.paragraphs.map((paragraph, p) => {
    const unmarked = p === 0 ? stripSummaryMark(paragraph) : paragraph;
    return extractFootnoteRefs(unmarked, isDefined);
  });
  // The report writer's escapes are undone once the marks are out (an escaped "[^3]" is no mark).
  const summary = summaryParts
    .map((part) => unescapeChronicle(part.text.trim()))
    .filter((part) => part !== "")
    .join("\n\n");
  const sources: Source[] = [];
  const seen = new Set<number>();
  for (const ref of [...title.refs, ...summaryParts.flatMap((part) => part.refs)]) {
    if (seen.has(ref.note)) continue;
    seen.add(ref.note);
    referenced.add(ref.note);
    const definition = notes.get(ref.note);
    if (!definition)
      warnings.push({
        line: event.titleLine.no,
        message: `event ${seq} cites note ${ref.note}, which the document does not define; it is kept without URL or text`,
      });
    sources.push(definition?.source ?? { note: ref.note, url: null, publisher: null, text: null });
  }
  const titleText = unescapeChronicle(title.text.replace(/\s+/g, " ").trim());
  const date = eventDate(summary, titleText, event, warnings, seq, file);
  const stated = findEffectiveDates(summary, event.year);
  const effectiveDates: EffectiveDate[] = stated.map((found) => ({
    date: found.date,
    label: { [lang]: found.words },
  }));
  const idYear = date.start.slice(0, 4);
  return {
    id: `${idYear}-${key.slice(4, 10)}-${String(seq).padStart(2, "0")}`,
    seq,
    title: { [lang]: titleText },
    summary: summary === "" ? {} : { [lang]: summary },
    date,
    sources,
    effectiveDates,
    document: key,
    line: event.titleLine.no,
  };
}

/**
 * The date an event is filed under: the date its date line states, else the first date its summary
 * writes in the month it is filed in (the chronicle's month header), else the month header itself.
 */
function eventDate(
  summary: string,
  title: string,
  event: OpenEvent,
  warnings: ChronicleWarning[],
  seq: number,
  file: string,
): EventDate {
  if (event.statedDate) return event.statedDate;
  if (event.statedDate === null)
    warnings.push({
      line: event.titleLine.no,
      message: `event ${seq}: its date line holds no date such as '日期：2025 年 1 月 20 日' or 'Date: 2025-01-20'; the date is read from its text`,
    });
  const { date: chosen, wroteDates } = textEventDate(summary, title, event.month, event.year);
  if (chosen) return { start: chosen.start, end: chosen.end, precision: chosen.precision };
  if (event.month !== null && event.year !== null) {
    if (wroteDates)
      warnings.push({
        line: event.titleLine.no,
        message: `event ${seq}: no date in its text falls in its month; filed under the month header`,
      });
    return { start: formatPartialDate(event.year, event.month), end: null, precision: "month" };
  }
  throw new ImportError(
    file,
    event.titleLine.no,
    `event ${seq} has no date: expected a date such as '2025 年 1 月 20 日' in its summary or a month header with a year`,
  );
}
