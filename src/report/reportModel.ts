import type { CorrectedField } from "../domain/correction.js";
import type { CorrectionParts } from "../domain/correctionText.js";
import type { Event, Source } from "../domain/event.js";
import type { Language } from "../domain/localizedText.js";
import type { ReportPeriod } from "./reportDates.js";
import type { ReportStatistics } from "./reportStatistics.js";

/**
 * A report in one language, laid out once and written by each format's writer (Markdown, HTML, DOCX;
 * PDF prints the HTML). Every text in it comes from the records or from the fixed words of the report.
 */
export interface Report {
  lang: Language;
  title: string;
  period: ReportPeriod;
  /** "报告期：… · 47 件事件 · 58 个来源". */
  periodLine: string;
  /** The filters the events were chosen by, as a line, or null without filters. */
  filterLine: string | null;
  /** Executive summary and the analysis by level, stored (verbatim) or built from the data. */
  sections: ReportSection[];
  /** Key of the stored document whose narrative the sections reuse, or null when they are built. */
  narrativeFrom: string | null;
  /** When the sections are a curated translation of that narrative: whose, and which text prevails. */
  translationLine: string | null;
  figures: ReportFigure[];
  chronicle: ReportChronicle;
  statistics: ReportStatistics;
}

export type ReportBlock = { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

export interface ReportSection {
  heading: string;
  /** 1 for a part, 2 for a section inside it. */
  depth: number;
  /** An anchor, unique in the report. */
  id: string;
  blocks: ReportBlock[];
}

export interface ReportFigure {
  id: string;
  /** "图 1 各月事件数". */
  caption: string;
  svg: string;
  width: number;
  height: number;
}

export interface ReportChronicle {
  heading: string;
  id: string;
  months: ReportMonth[];
}

export interface ReportMonth {
  id: string;
  heading: string;
  year: number;
  month: number;
  events: ReportEvent[];
}

export interface ReportEvent {
  /** The number printed before the title: the chronicle's own number where it can be kept. */
  number: number;
  id: string;
  event: Event;
  title: string;
  /** The value of a date line, printed only where the summary does not give the date back. */
  dateLine: string | null;
  /** The summary's paragraphs (may be empty). */
  paragraphs: string[];
  notes: ReportNote[];
  /** Where the official record disagrees with the text above (which stays as imported), in data order. */
  corrections: ReportCorrection[];
}

/** A correction in the report's language, printed beside the event's text: field, text, how checked, sources. */
export type ReportCorrection = CorrectionParts & { field: CorrectedField };

/** A source as a footnote, numbered through the whole report. */
export interface ReportNote {
  number: number;
  source: Source;
}
