import { countedJurisdictions } from "../domain/jurisdictionCounting.js";
import { formatPartialDate as monthKey } from "../domain/partialDate.js";
import { BINDINGNESS, type Event, LEVELS } from "../domain/event.js";
import type { LocalizedText } from "../domain/localizedText.js";
import { dateBounds } from "../domain/partialDate.js";
import type { ReportPeriod } from "./reportDates.js";
import { type MonthSpan, periodMonths, widenSpan } from "./reportPeriod.js";
import type { Bindingness, EventType, Level } from "./reportLabels.js";

export interface Count<K> {
  key: K;
  count: number;
}

/** An instrument's effective date, with the event that states it. */
export interface EffectiveEntry {
  event: Event;
  date: string;
  label?: LocalizedText;
}

/** What a report counts: only what the records hold. */
export interface ReportStatistics {
  total: number;
  sources: number;
  /** Every month of the period the data holds, in order, with the events filed under it (zero included). */
  byMonth: { year: number; month: number; count: number }[];
  /** In the order of LEVELS, then unclassified; levels without events left out. */
  byLevel: Count<Level | null>[];
  /** Most frequent first. */
  byType: Count<EventType | null>[];
  /** In the order of BINDINGNESS, then unclassified; values without events left out. */
  byBindingness: Count<Bindingness | null>[];
  /** Most events first, then by code; an event counts once for each of its jurisdictions. */
  byJurisdiction: Count<string>[];
  byTag: Count<string>[];
  /** Effective dates within the period, and after it, in date order. */
  effectiveInPeriod: EffectiveEntry[];
  upcoming: EffectiveEntry[];
}

/**
 * The month a report files an event under: the month it starts in, or the period's first month for an
 * event that started before the period, or the first month of its year within the period for an event
 * dated by its year only.
 */
export function filingMonth(event: Event, period: ReportPeriod): { year: number; month: number } {
  const start = event.date.precision === "year" ? `${event.date.start}-01` : event.date.start.slice(0, 7);
  const first = period.from.slice(0, 7);
  const month = start.localeCompare(first) < 0 ? first : start;
  return { year: Number(month.slice(0, 4)), month: Number(month.slice(5, 7)) };
}

function tally<K>(keys: K[]): Map<K, number> {
  const counts = new Map<K, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

function inOrder<K>(counts: Map<K, number>, order: readonly K[]): Count<K>[] {
  return order.flatMap((key) => {
    const count = counts.get(key);
    return count ? [{ key, count }] : [];
  });
}

function mostFirst<K extends string | null>(counts: Map<K, number>): Count<K>[] {
  return [...counts]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || String(a.key ?? "~").localeCompare(String(b.key ?? "~")));
}

/** What a set of events is counted by, apart from months and dates: what the narrative's paragraphs say. */
export type EventCounts = Pick<
  ReportStatistics,
  "byLevel" | "byType" | "byBindingness" | "byJurisdiction" | "byTag"
>;

/** Counts events by level, type, bindingness, jurisdiction and tag (no months: no period to walk). */
export function countEvents(events: Event[]): EventCounts {
  return {
    byLevel: inOrder(tally(events.map((e) => e.level)), [...LEVELS, null]),
    byType: mostFirst(tally(events.map((e) => e.type))),
    byBindingness: inOrder(tally(events.map((e) => e.bindingness)), [...BINDINGNESS, null]),
    // By the one rule (domain/jurisdictionCounting.ts): a state's event is its country's too.
    byJurisdiction: mostFirst(tally(events.flatMap((e) => countedJurisdictions(e.jurisdictions)))),
    byTag: mostFirst(tally(events.flatMap((e) => [...new Set(e.tags)]))),
  };
}

/**
 * Counts a period's events by month, level, type, bindingness, jurisdiction and tag, and their effective
 * dates. With `within` (the months the data holds), the months counted stop where the data does, widened
 * to the events' own months; without it they are all the period's.
 */
export function computeStatistics(
  events: Event[],
  period: ReportPeriod,
  within?: MonthSpan,
): ReportStatistics {
  const filed = events.map((event) => {
    const { year, month } = filingMonth(event, period);
    return monthKey(year, month);
  });
  const perMonth = tally(filed);
  const effective = events
    .flatMap((event) => event.effectiveDates.map((e) => ({ event, date: e.date, label: e.label })))
    .sort((a, b) => a.date.localeCompare(b.date) || (a.event.seq ?? 0) - (b.event.seq ?? 0));
  return {
    total: events.length,
    sources: events.reduce((sum, event) => sum + event.sources.length, 0),
    byMonth: periodMonths(period, within && widenSpan(within, filed)).map(({ year, month }) => ({
      year,
      month,
      count: perMonth.get(monthKey(year, month)) ?? 0,
    })),
    ...countEvents(events),
    effectiveInPeriod: effective.filter(
      (e) => dateBounds(e.date).first >= period.from && dateBounds(e.date).first <= period.to,
    ),
    upcoming: effective.filter((e) => dateBounds(e.date).first > period.to),
  };
}
