import { REPORT_MEDIA, ReportQuery, writeReport } from "../../app/reports.js";
import { defineEndpoint, type Endpoint, problemAnswer, textAnswer } from "../endpoint.js";
import { mementoDatetime } from "./eventRoutes.js";
import { essence } from "./exportRoutes.js";

/**
 * GET /api/report: the report `aigov report` writes, as a download (md, html, pdf, docx; the last two
 * drawn by headless Chromium, shared and queued), with each event's corrections beside its text. A
 * period without events or longer than the maximum is a 400 naming from/to; a missing Chromium, a full
 * render queue or a render past its timeout a 503.
 */
export const reportRoutes: Endpoint[] = [
  defineEndpoint({
    method: "get",
    path: "/api/report",
    summary:
      "A report like the seed's (what `aigov report` writes) as a download; without from/to, the last calendar year with data",
    query: ReportQuery,
    responses: {
      200: textAnswer("The report in the format asked for", ...Object.values(REPORT_MEDIA).map(essence)),
      400: problemAnswer("A bad parameter: which one and why, as an RFC 9457 problem document."),
      503: problemAnswer(
        "Chromium is not installed, or every PDF/DOCX render slot and its queue are busy or a render took too long (then with `Retry-After`)",
      ),
    },
    handler: async ({ c, query, deps }) => {
      const written = await writeReport(deps.services, query, deps.browsers);
      const { body } = written;
      return c.body(typeof body === "string" ? body : new Uint8Array(body), 200, {
        "content-type": written.contentType,
        "content-disposition": `attachment; filename="${written.filename}"`,
        // A report regenerated as of a moment says which, as every answer about the past does.
        ...(query.asOf === undefined ? {} : mementoDatetime(query.asOf)),
      });
    },
  }),
];
