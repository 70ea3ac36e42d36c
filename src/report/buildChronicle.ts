import { formatPartialDate as monthKey } from "../domain/partialDate.js";
import { isDeepStrictEqual } from "node:util";
import { type CorrectionsByEvent, NO_CORRECTIONS } from "../domain/correctionsByEvent.js";
import { correctionParts } from "../domain/correctionText.js";
import type { Event, EventDate } from "../domain/event.js";
import { type Language, pickText } from "../domain/localizedText.js";
import { REPORT_PHRASES } from "./reportPhrases.js";
import { formatPartialDate as isoDate } from "../domain/partialDate.js";
import { textEventDate } from "../import/chronicle/chronicleDates.js";
import { dateLineValue, monthHeading, periodLabel, type ReportPeriod } from "./reportDates.js";
import type { ReportChronicle, ReportEvent, ReportMonth, ReportNote } from "./reportModel.js";
import { filingMonth } from "./reportStatistics.js";

/** "附：2025 年全球人工智能治理大事记", as the seed titles its chronicle; the importer looks for "大事记"/"Chronicle". */
export function chronicleHeading(period: ReportPeriod, lang: Language): string {
  return REPORT_PHRASES[lang].chronicleHeading(periodLabel(period, lang));
}

/** Within a month, the chronicle's own order (its numbers) first, then the date. */
function compareInMonth(a: Event, b: Event): number {
  if (a.seq !== null && b.seq !== null && a.seq !== b.seq) return a.seq - b.seq;
  if ((a.seq === null) !== (b.seq === null)) return a.seq === null ? 1 : -1;
  return a.date.start.localeCompare(b.date.start) || a.id.localeCompare(b.id);
}

/**
 * Whether an event printed under a month header needs a date line: when the date the importer would read
 * back (the first date its summary or title writes in that month, else the month header) differs from
 * its own, or when its text writes dates outside the month only (which the importer warns about).
 */
function needsDateLine(event: Event, summary: string, title: string, year: number, month: number): boolean {
  const { date, wroteDates } = textEventDate(summary, title, month, year);
  const readBack: EventDate = date
    ? { start: date.start, end: date.end, precision: date.precision }
    : { start: isoDate(year, month), end: null, precision: "month" };
  return !isDeepStrictEqual(readBack, event.date) || (date === undefined && wroteDates);
}

/**
 * Lays out a period's events as the seed's chronicle: grouped by month, numbered, each with its summary
 * and its sources as footnotes numbered through the document. Numbers are the chronicle's own (event
 * seq and footnote note) when they run in an unbroken sequence, so that a report of part of a
 * chronicle imports back with the same numbers; otherwise they count from 1. A corrected event carries its
 * corrections (from `corrections`), which the writers print beside its text.
 */
export function buildChronicle(
  events: Event[],
  period: ReportPeriod,
  lang: Language,
  corrections: CorrectionsByEvent = NO_CORRECTIONS,
): ReportChronicle {
  const groups = new Map<string, { year: number; month: number; events: Event[] }>();
  for (const event of events) {
    const { year, month } = filingMonth(event, period);
    const key = monthKey(year, month);
    const group = groups.get(key) ?? { year, month, events: [] };
    group.events.push(event);
    groups.set(key, group);
  }
  const ordered = [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, group]) => group);
  for (const group of ordered) group.events.sort(compareInMonth);
  const all = ordered.flatMap((group) => group.events);
  const keepSeq = all.every(
    (event, i) => event.seq !== null && (i === 0 || event.seq === (all[i - 1]?.seq ?? 0) + 1),
  );
  const sources = all.flatMap((event) => event.sources);
  const keepNotes = sources.every(
    (source, i) => source.note !== null && (i === 0 || source.note === (sources[i - 1]?.note ?? 0) + 1),
  );
  // Month headers carry their year unless the chronicle heading's year (the period's first) is theirs.
  const firstYear = Number(period.from.slice(0, 4));
  const withYear =
    ordered.some((group) => group.year !== firstYear) || period.to.slice(0, 4) !== period.from.slice(0, 4);

  let eventNumber = 0;
  let noteNumber = 0;
  const months = ordered.map((group): ReportMonth => {
    const monthEvents = group.events.map((event): ReportEvent => {
      eventNumber++;
      const number = keepSeq ? (event.seq as number) : eventNumber;
      const title = pickText(event.title, lang) ?? "";
      const summary = pickText(event.summary, lang) ?? "";
      const notes = event.sources.map((source): ReportNote => {
        noteNumber++;
        return { number: keepNotes ? (source.note as number) : noteNumber, source };
      });
      return {
        number,
        id: `e-${number}`,
        event,
        title,
        dateLine: needsDateLine(event, summary, title, group.year, group.month)
          ? dateLineValue(event.date, lang)
          : null,
        paragraphs: summary
          .split(/\n{2,}/)
          .map((paragraph) => paragraph.trim())
          .filter(Boolean),
        notes,
        corrections: (corrections.get(event.id) ?? []).map((c) => ({
          field: c.field,
          ...correctionParts(c, lang),
        })),
      };
    });
    return {
      id: `m-${monthKey(group.year, group.month)}`,
      heading: monthHeading(group.year, group.month, lang, withYear),
      year: group.year,
      month: group.month,
      events: monthEvents,
    };
  });
  return { heading: chronicleHeading(period, lang), id: "chronicle", months };
}
