import type { Hono } from "hono";
import { z } from "zod";
import type { CorrectionsByEvent } from "../../domain/correctionsByEvent.js";
import { EventFilterInput, toEventFilter } from "../../domain/eventQuery.js";
import { Language } from "../../domain/localizedText.js";
import { buildReport } from "../../report/buildReport.js";
import { ChromiumError } from "../../report/chromium.js";
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

/**
 * GET /api/report: the report `aigov report` writes, as a download (md, html, pdf, docx; the last two
 * drawn by headless Chromium), with each event's corrections (from `corrections`) beside its text. A
 * period without events is a 400; a missing Chromium a 503.
 */
export function registerReportRoutes(app: Hono, context: AppContext, corrections: CorrectionsByEvent): void {
  app.get("/api/report", async (c) => {
    const query = parseSearchParams(ReportQuery, new URL(c.req.url).searchParams);
    let body: string | Buffer;
    try {
      const input = await loadReportInput(context.db, {
        from: query.from,
        to: query.to,
        filter: toEventFilter(query),
        corrections,
      });
      body = await renderReport(buildReport(input, query.lang), query.format);
    } catch (error) {
      if (error instanceof ReportPeriodError) throw new HttpProblem(400, error.message);
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
