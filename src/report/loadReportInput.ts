import type { CorrectionsByEvent } from "../domain/correctionsByEvent.js";
import type { Event } from "../domain/event.js";
import type { EventFilter } from "../domain/eventQuery.js";
import { dateBounds } from "../domain/partialDate.js";
import type { Database } from "../storage/database.js";
import { listDocuments } from "../storage/repos/documentRepo.js";
import { countEvents, listEvents } from "../storage/repos/eventRepo.js";
import { listJurisdictions } from "../storage/repos/jurisdictionRepo.js";
import { narrativeTranslations } from "../reference/narrativeTranslations.js";
import type { ReportInput } from "./buildReport.js";
import { jurisdictionNamer, readBundledJurisdictions } from "./jurisdictionNames.js";
import { type MonthSpan, ReportPeriodError, resolvePeriod } from "./reportPeriod.js";

/**
 * Where a report's events come from: the database as it is (storedEvents), or the archive as it was at
 * a moment (a published report regenerated exactly). Lists are oldest first.
 */
export interface ReportEvents {
  count(filter: EventFilter): Promise<number>;
  list(filter: EventFilter, page?: { limit?: number; offset?: number }): Promise<Event[]>;
}

/** The events as stored now. */
export const storedEvents = (db: Database): ReportEvents => ({
  count: (filter) => countEvents(db, filter),
  list: (filter, page) => listEvents(db, filter, page),
});

/** The year the latest event matching the filters starts in, or null when none matches. */
async function lastYearWithData(db: ReportEvents, filter: EventFilter): Promise<number | null> {
  const count = await db.count(filter);
  if (count === 0) return null;
  const [latest] = await db.list(filter, { limit: 1, offset: count - 1 });
  return latest ? Number(latest.date.start.slice(0, 4)) : null;
}

/**
 * The months the database holds, from the earliest event's start to the latest's (whatever the
 * filters), or null when it holds none: a report's months stop there, however long the period asked.
 */
async function dataSpan(db: ReportEvents): Promise<MonthSpan | null> {
  const count = await db.count({});
  if (count === 0) return null;
  const [earliest] = await db.list({}, { limit: 1 });
  const [latest] = await db.list({}, { limit: 1, offset: count - 1 });
  if (!earliest || !latest) return null;
  return {
    first: dateBounds(earliest.date.start).first.slice(0, 7),
    last: dateBounds(latest.date.start).first.slice(0, 7),
  };
}

/**
 * Reads what a report needs from the database: the period (resolved from --from/--to or the data), the
 * events of that period matching the filters, the stored documents and the jurisdictions' names; the
 * corrections, reference data rather than rows, come from the caller and are handed on as given.
 * Throws ReportPeriodError when the period is impossible, longer than `maxYears` (default
 * MAX_REPORT_YEARS) or holds no event.
 */
export async function loadReportInput(
  db: Database,
  options: {
    from?: string;
    to?: string;
    filter: EventFilter;
    corrections?: CorrectionsByEvent;
    maxYears?: number;
    /** The events to report from (default: as stored now). */
    events?: ReportEvents;
  },
): Promise<ReportInput> {
  const source = options.events ?? storedEvents(db);
  const { from: _from, to: _to, ...filter } = options.filter;
  const needsData = options.from === undefined || options.to === undefined;
  const period = resolvePeriod(
    options.from,
    options.to,
    needsData ? await lastYearWithData(source, filter) : null,
    options.maxYears,
  );
  const events = await source.list({ ...filter, from: period.from, to: period.to });
  if (events.length === 0)
    throw new ReportPeriodError(
      `no events from ${period.from} to ${period.to} match; there is nothing to report`,
    );
  const span = await dataSpan(source);
  return {
    period,
    events,
    ...(span ? { dataSpan: span } : {}),
    filter,
    documents: await listDocuments(db),
    translations: narrativeTranslations(),
    name: jurisdictionNamer(await listJurisdictions(db), readBundledJurisdictions()),
    ...(options.corrections ? { corrections: options.corrections } : {}),
  };
}
