import type { Context, Hono } from "hono";
import { z } from "zod";
import { reportLimits } from "../../config.js";
import type { CorrectionsByEvent } from "../../domain/correctionsByEvent.js";
import { EventFilterInput, toEventFilter } from "../../domain/eventQuery.js";
import { Language } from "../../domain/localizedText.js";
import { buildReport } from "../../report/buildReport.js";
import { ChromiumError, type WithBrowser } from "../../report/chromium.js";
import {
  RenderBusyError,
  RenderTimeoutError,
  RETRY_AFTER_SECONDS,
  sharedChromiumPool,
} from "../../report/chromiumPool.js";
import { loadReportInput } from "../../report/loadReportInput.js";
import { REPORT_FORMATS, renderReport } from "../../report/renderReport.js";
import { ReportPeriodError } from "../../report/reportPeriod.js";
import type { AppContext } from "../appContext.js";
import { parseSearchParams } from "../eventsQuery.js";
import { HttpProblem } from "../problem.js";

/** The query of GET /api/report: the report command's period, filters, language and format. */
export const ReportQuery = EventFilterInput.extend({
  format: z.enum(REPORT_FORMATS).default("md"),
  lang: Language.default("zh"),
}).strict();

const TYPES = {
  md: "text/markdown; charset=utf-8",
  html: "text/html; charset=utf-8",
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
} as const;

/** How the route is bounded: the longest period, and who lends the browsers (default: the process's shared pool). */
export interface ReportRouteOptions {
  maxYears?: number;
  browsers?: WithBrowser;
}

/**
 * A busy or stuck renderer as a 503 with Retry-After, answered here: the app's error handler writes
 * the problem document but no extra header.
 */
function unavailable(c: Context, error: RenderBusyError | RenderTimeoutError): Response {
  const problem = new HttpProblem(503, error.message);
  return c.json(problem.toDocument(new URL(c.req.url).pathname), 503, {
    "content-type": "application/problem+json",
    "retry-after": String(RETRY_AFTER_SECONDS),
  });
}

/**
 * GET /api/report: the report `aigov report` writes, as a download (md, html, pdf, docx; the last two
 * drawn by headless Chromium, shared and queued), with each event's corrections (from `corrections`)
 * beside its text. A period without events or longer than the maximum is a 400 naming from/to; a
 * missing Chromium, a full render queue or a render past its timeout a 503.
 */
export function registerReportRoutes(
  app: Hono,
  context: AppContext,
  corrections: CorrectionsByEvent,
  options: ReportRouteOptions = {},
): void {
  const limits = reportLimits();
  const maxYears = options.maxYears ?? limits.maxYears;
  // Made now but started on the first PDF or DOCX: most servers never print one.
  const browsers = options.browsers ?? sharedChromiumPool(limits.pool).run;
  app.get("/api/report", async (c) => {
    const query = parseSearchParams(ReportQuery, new URL(c.req.url).searchParams);
    let body: string | Buffer;
    try {
      const input = await loadReportInput(context.db, {
        from: query.from,
        to: query.to,
        filter: toEventFilter(query),
        corrections,
        maxYears,
      });
      body = await renderReport(buildReport(input, query.lang), query.format, browsers);
    } catch (error) {
      if (error instanceof ReportPeriodError)
        throw new HttpProblem(
          400,
          error.message,
          error.parameters.map((parameter) => ({ parameter, message: error.message })),
        );
      if (error instanceof RenderBusyError || error instanceof RenderTimeoutError)
        return unavailable(c, error);
      if (error instanceof ChromiumError) throw new HttpProblem(503, error.message);
      throw error;
    }
    const name = `aigov-report-${query.from ?? "latest"}${query.to ? `-${query.to}` : ""}.${query.format}`;
    return c.body(typeof body === "string" ? body : new Uint8Array(body), 200, {
      "content-type": TYPES[query.format],
      "content-disposition": `attachment; filename="${name}"`,
    });
  });
}
