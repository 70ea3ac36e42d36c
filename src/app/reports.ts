import { z } from "zod";
import type { Event } from "../domain/event.js";
import { AsOf } from "../domain/asOf.js";
import { EventFilterInput, toEventFilter } from "../domain/eventQuery.js";
import { Language } from "../domain/localizedText.js";
import { buildReport, type ReportInput } from "../report/buildReport.js";
import { ChromiumError, type WithBrowser } from "../report/chromium.js";
import { RenderBusyError, RenderTimeoutError, RETRY_AFTER_SECONDS } from "../report/chromiumPool.js";
import { loadReportInput, type ReportEvents } from "../report/loadReportInput.js";
import type { EventSearcher } from "../search/searchService.js";
import { REPORT_FORMATS, type ReportFormat, renderReport } from "../report/renderReport.js";
import type { Report } from "../report/reportModel.js";
import { ReportPeriodError } from "../report/reportPeriod.js";
import { type AppError, invalidRequest, unavailable } from "./appError.js";
import type { AppServices } from "./appServices.js";
import { searcherAt } from "./history.js";

/** What a report is asked: the period and filters of the events, its language and its format. */
export const ReportQuery = EventFilterInput.extend({
  format: z.enum(REPORT_FORMATS).default("md"),
  lang: Language.default("zh"),
  /** The archive as published at this moment: a published report regenerated exactly. */
  asOf: AsOf.optional(),
}).strict();
export type ReportQuery = z.output<typeof ReportQuery>;

/** Each report format's media type. */
export const REPORT_MEDIA: Record<ReportFormat, string> = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** A period the report cannot cover (impossible, too long, empty) as bad input naming from and to. */
function periodRefused(error: ReportPeriodError): AppError {
  return invalidRequest(
    error.message,
    error.parameters.map((parameter) => ({ parameter, message: error.message })),
    error,
  );
}

/**
 * What a report of a period is made from: the events matching the filters, each with its corrections,
 * over a period no longer than the services' maximum. A period that cannot be reported (impossible, too
 * long, or without an event) is bad input naming from/to.
 */
export async function reportInput(
  services: AppServices,
  query: EventFilterInput & { asOf?: string },
): Promise<ReportInput> {
  const events = query.asOf === undefined ? undefined : pastEvents(await searcherAt(services, query.asOf));
  try {
    return await loadReportInput(services.db, {
      ...(events ? { events } : {}),
      from: query.from,
      to: query.to,
      filter: toEventFilter(query),
      corrections: services.corrections,
      maxYears: services.reportMaxYears,
    });
  } catch (error) {
    if (error instanceof ReportPeriodError) throw periodRefused(error);
    throw error;
  }
}

/** A report's events from a view of the archive at a moment, oldest first as the database lists them. */
function pastEvents(searcher: EventSearcher): ReportEvents {
  return {
    count: async (filter) => (await searcher.search({ filter, limit: 0 })).total,
    list: async (filter, page = {}) => {
      if (page.limit !== undefined)
        return (
          await searcher.search({ filter, sort: "date", offset: page.offset ?? 0, limit: page.limit })
        ).hits.map((hit) => hit.event);
      const { pages } = await searcher.matchingEvents({ filter, sort: "date" }, 500);
      const events: Event[] = [];
      for await (const batch of pages) events.push(...batch);
      return events;
    },
  };
}

/** The report of a period's events, laid out (not yet written in a format). */
export async function prepareReport(
  services: AppServices,
  query: EventFilterInput & { lang: Language; asOf?: string },
): Promise<Report> {
  return buildReport(await reportInput(services, query), query.lang);
}

/** A written report: its bytes or text, media type and the file name a download of it gets. */
export interface WrittenReport {
  report: Report;
  body: string | Buffer;
  contentType: string;
  filename: string;
}

/**
 * A report written in its format: Markdown and HTML at once, PDF and DOCX by the headless Chromium that
 * `browsers` lends (the server's shared pool; the CLI's one-shot browser). A missing Chromium, a full
 * render queue or a render past its timeout is "unavailable" (the last two with a time to retry).
 */
export async function writeReport(
  services: AppServices,
  query: ReportQuery,
  browsers?: WithBrowser,
): Promise<WrittenReport> {
  return renderPreparedReport(await prepareReport(services, query), query, browsers);
}

/** A laid-out report written in the query's format (see writeReport), for callers that look at it first. */
export async function renderPreparedReport(
  report: Report,
  query: Pick<ReportQuery, "format" | "from" | "to">,
  browsers?: WithBrowser,
): Promise<WrittenReport> {
  let body: string | Buffer;
  try {
    body = await renderReport(report, query.format, browsers);
  } catch (error) {
    if (error instanceof RenderBusyError || error instanceof RenderTimeoutError)
      throw unavailable(error.message, RETRY_AFTER_SECONDS);
    if (error instanceof ChromiumError) throw unavailable(error.message);
    throw error;
  }
  return {
    report,
    body,
    contentType: REPORT_MEDIA[query.format],
    filename: `${reportFileName(report)}.${query.format}`,
  };
}

/**
 * A report's download name from what it holds, so that the languages and periods do not overwrite
 * each other: `aigov-2025-en` for a calendar year, `aigov-2025-06-01-2025-09-30-zh` otherwise.
 */
export function reportFileName(report: Pick<Report, "period" | "lang">): string {
  const { from, to } = report.period;
  const year = from.slice(0, 4);
  const period = from === `${year}-01-01` && to === `${year}-12-31` ? year : `${from}-${to}`;
  return `aigov-${period}-${report.lang}`;
}
