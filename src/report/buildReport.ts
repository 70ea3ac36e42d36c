import type { CorrectionsByEvent } from "../domain/correctionsByEvent.js";
import type { NarrativeSection, NarrativeTranslation, SourceDocument } from "../domain/document.js";
import type { Event } from "../domain/event.js";
import type { EventFilter } from "../domain/eventQuery.js";
import type { Language } from "../domain/localizedText.js";
import { joinList } from "../domain/languageForms.js";
import { REPORT_PHRASES } from "./reportPhrases.js";
import { documentKey } from "../import/chronicle/parseChronicle.js";
import { buildChronicle } from "./buildChronicle.js";
import { buildGeneratedNarrative } from "./generatedNarrative.js";
import type { NameJurisdiction } from "./jurisdictionNames.js";
import { formatPeriod, periodLabel, type ReportPeriod } from "./reportDates.js";
import { buildFigures } from "./reportFigures.js";
import {
  BINDINGNESS_LABELS,
  type Bindingness,
  type EventType,
  LEVEL_LABELS,
  type Level,
  TYPE_LABELS,
  tagLabel,
  WORDS,
} from "./reportLabels.js";
import type { Report, ReportChronicle, ReportSection } from "./reportModel.js";
import type { MonthSpan } from "./reportPeriod.js";
import { computeStatistics } from "./reportStatistics.js";

/** Everything a report is made from, read from the database by loadReportInput. */
export interface ReportInput {
  period: ReportPeriod;
  /** The events of the period that match the filters. */
  events: Event[];
  filter: EventFilter;
  documents: SourceDocument[];
  name: NameJurisdiction;
  /** The corrections to print beside the events they correct (reference data, from the caller); default none. */
  corrections?: CorrectionsByEvent;
  /** The months the whole database holds: the report counts no month outside them; default the whole period. */
  dataSpan?: MonthSpan;
  /** Curated translations of stored narratives (data/translations/); default none. */
  translations?: NarrativeTranslation[];
}

/** A narrative a report reuses: a stored document's, or a curated translation of it. */
export interface ReusedNarrative {
  /** The stored document the narrative is (or translates) the analysis of. */
  document: SourceDocument;
  narrative: NarrativeSection[];
  /** The translation reused, or null when the document is in the report's language. */
  translation: NarrativeTranslation | null;
}

const isFiltered = (filter: EventFilter) =>
  [filter.jurisdictions, filter.types, filter.levels, filter.bindingness, filter.tags].some(
    (list) => list?.length,
  );

/** Whether the period is exactly one calendar year, and which. */
function calendarYear(period: ReportPeriod): number | null {
  const year = period.from.slice(0, 4);
  return period.from === `${year}-01-01` && period.to === `${year}-12-31` ? Number(year) : null;
}

/**
 * The stored narrative a report may reuse verbatim: that of a document about exactly the report's
 * calendar year, with events in the report, when no filter narrows the events (the narrative speaks of
 * them all). The document with the most events in the report wins; in the report's language, else in a
 * curated translation into it (the English report reuses the Chinese seed's analysis, translated).
 */
export function findStoredNarrative(input: ReportInput, lang: Language): ReusedNarrative | null {
  const year = calendarYear(input.period);
  if (year === null || isFiltered(input.filter)) return null;
  const translationOf = (doc: SourceDocument) =>
    (input.translations ?? []).find((t) => t.translationOf.key === doc.key && t.lang === lang) ?? null;
  const candidates = input.documents
    .filter((doc) => doc.year === year && doc.narrative.some((s) => s.paragraphs.length))
    .map((doc) => ({
      doc,
      translation: doc.lang === lang ? null : translationOf(doc),
      events: input.events.filter((e) => e.document === doc.key).length,
    }))
    .filter((c) => c.events > 0 && (c.doc.lang === lang || c.translation))
    .sort(
      (a, b) =>
        Number(b.doc.lang === lang) - Number(a.doc.lang === lang) ||
        b.events - a.events ||
        b.doc.narrative.length - a.doc.narrative.length,
    );
  const best = candidates[0];
  if (!best) return null;
  return {
    document: best.doc,
    narrative: best.translation?.narrative ?? best.doc.narrative,
    translation: best.translation,
  };
}

/** Stored sections as they are, their depths made relative to the shallowest (a re-imported Markdown report starts at 2). */
function storedSections(narrative: NarrativeSection[]): Omit<ReportSection, "id">[] {
  const shallowest = narrative.reduce((min, s) => Math.min(min, s.depth), Infinity);
  return narrative.map((section) => ({
    heading: section.heading,
    depth: Math.min(3, section.depth - shallowest + 1),
    blocks: section.paragraphs.map((text) => ({ kind: "paragraph" as const, text })),
  }));
}

/** The filters as a reader reads them, or null without filters. */
function describeFilters(filter: EventFilter, lang: Language, name: NameJurisdiction): string | null {
  const join = (items: string[]) => joinList(items, lang);
  const parts = [
    join((filter.jurisdictions ?? []).map((code) => name(code, lang))),
    join((filter.types ?? []).map((t) => TYPE_LABELS[lang][t as EventType] ?? t)),
    join((filter.levels ?? []).map((l) => LEVEL_LABELS[lang][l as Level] ?? l)),
    join((filter.bindingness ?? []).map((b) => BINDINGNESS_LABELS[lang][b as Bindingness] ?? b)),
    join((filter.tags ?? []).map((t) => tagLabel(t, lang))),
  ].filter(Boolean);
  return parts.length ? parts.join(REPORT_PHRASES[lang].filterSeparator) : null;
}

/**
 * The report's title, in the seed's words for a calendar year. Re-importing the report must not merge
 * its events into a stored chronicle's under other numbers: when the title's document key is that of a
 * document whose events the report does not hold one to one, the title says it is a compilation.
 */
function reportTitle(
  input: ReportInput,
  lang: Language,
  filters: string | null,
  chronicle: ReportChronicle,
): string {
  const year = calendarYear(input.period);
  const label = periodLabel(input.period, lang);
  const phrases = REPORT_PHRASES[lang];
  let title = phrases.title(year, label);
  if (filters) title += phrases.filteredBy(filters);
  const key = documentKey(title);
  const printed = chronicle.months.flatMap((month) => month.events);
  const known =
    input.documents.some((doc) => doc.key === key) || input.events.some((e) => e.document === key);
  const sameNumbers = printed.every((e) => e.event.document === key && e.event.seq === e.number);
  if (known && !sameNumbers) title += phrases.compilation;
  return title;
}

/**
 * Lays out a report in one language: title and period, executive summary and analysis (stored
 * narrative reused verbatim where it fits, else built from the data), figures, and the chronicle.
 */
export function buildReport(input: ReportInput, lang: Language): Report {
  const { period, events } = input;
  const statistics = computeStatistics(events, period, input.dataSpan);
  const chronicle = buildChronicle(events, period, lang, input.corrections);
  const numbers = new Map(
    chronicle.months.flatMap((m) => m.events.map((e) => [e.event.id, e.number] as const)),
  );
  const stored = findStoredNarrative(input, lang);
  const sections = stored
    ? storedSections(stored.narrative)
    : buildGeneratedNarrative({
        lang,
        period,
        events: chronicle.months.flatMap((m) => m.events.map((e) => e.event)),
        numberOf: (event) => numbers.get(event.id) ?? 0,
        statistics,
        name: input.name,
      });
  const filters = describeFilters(input.filter, lang, input.name);
  const words = WORDS[lang];
  const counts = REPORT_PHRASES[lang].counts(statistics.total, statistics.sources);
  const separator = REPORT_PHRASES[lang].labelSeparator;
  return {
    lang,
    title: reportTitle(input, lang, filters, chronicle),
    period,
    periodLine: `${words.period}${separator}${formatPeriod(period, lang)} · ${counts}`,
    filterLine: filters === null ? null : `${words.filters}${separator}${filters}`,
    sections: sections.map((section, i) => ({ ...section, id: `s-${i + 1}` })),
    narrativeFrom: stored?.document.key ?? null,
    translationLine: stored?.translation
      ? `${words.translation}${separator}${stored.translation.translationOf.note}`
      : null,
    figures: buildFigures(statistics, lang),
    chronicle,
    statistics,
  };
}
