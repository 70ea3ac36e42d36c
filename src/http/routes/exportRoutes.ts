import {
  EXPORT_MEDIA,
  type EventExport,
  type ExportFormat,
  ExportQuery,
  exportEvents,
  FEED_SIZE,
} from "../../app/exportEvents.js";
import { MAX_LIMIT } from "../../app/eventsQuery.js";
import { CslItems } from "../../app/responses.js";
import { type Answer, defineEndpoint, type Endpoint, problemAnswer, textAnswer } from "../endpoint.js";
import { takeExportSlot } from "../exportSlots.js";
import { streamedResponse } from "../streamedResponse.js";
import { mementoDatetime } from "./eventRoutes.js";

/** A media type without its parameters: `text/csv; charset=utf-8` → `text/csv`. */
export const essence = (type: string) => type.split(";")[0]?.trim() ?? type;

const BAD_PARAMETER = problemAnswer("A bad parameter: which one and why, as an RFC 9457 problem document.");

/** A streamed export holds one of the server's slots while it runs (SECURITY.md, "Bounded work"). */
const BUSY_EXPORT: Record<number, Answer> = {
  429: problemAnswer(
    "This client already has as many exports running as it may; try again after `Retry-After` seconds",
  ),
  503: problemAnswer(
    "The server already runs as many exports as it allows; try again after `Retry-After` seconds",
  ),
};

/** The exports' `limit` caps the export, where /api/events's pages it. */
const EXPORT_PARAMETERS = {
  limit: `At most this many events (1 to ${MAX_LIMIT}); default: every matching one (the feed: ${FEED_SIZE}).`,
};

/**
 * An export's headers; a download (`attachment`) is named by the use case's file name for its format.
 * An export as of a moment says which (Memento-Datetime), as GET /api/events does.
 */
const headersOf = (
  made: Pick<EventExport, "contentType" | "filename">,
  attachment = false,
  asOf?: string,
): Record<string, string> => ({
  "content-type": made.contentType,
  ...(attachment ? { "content-disposition": `attachment; filename="${made.filename}"` } : {}),
  ...(asOf === undefined ? {} : mementoDatetime(asOf)),
});

/** An export of every matching event, streamed to the client while it holds one of the server's slots. */
function streamedExport(
  path: string,
  format: ExportFormat,
  summary: string,
  ok: Answer,
  attachment = false,
): Endpoint {
  return defineEndpoint({
    method: "get",
    path,
    summary,
    query: ExportQuery,
    parameterDescriptions: EXPORT_PARAMETERS,
    responses: { 200: ok, 400: BAD_PARAMETER, ...BUSY_EXPORT },
    handler: async ({ c, query, deps }) => {
      const type = EXPORT_MEDIA[format];
      // A HEAD is refused for the parameters its GET would be refused for (they are read before this).
      // Still a streamed response, empty: the read cache (whose key has no method) must not keep it as
      // the GET's. Nothing reads a HEAD's body, so nothing is searched for it.
      if (c.req.method === "HEAD")
        return streamedResponse(nothing(), headersOf(type, attachment, query.asOf));
      // A few exports must not take the whole server (issue 24): each holds one of the server's slots
      // while it streams; refused, it is a 503 or 429 with Retry-After.
      const slot = takeExportSlot(c);
      if (slot instanceof Response) return slot;
      try {
        const made = await exportEvents(deps.services, format, query);
        return streamedResponse(
          made.chunks[Symbol.asyncIterator](),
          headersOf(made, attachment, query.asOf),
          slot.release,
        );
      } catch (error) {
        slot.release();
        throw error;
      }
    },
  });
}

/**
 * GET /api/events.csv, /api/feed.atom, /api/calendar.ics and /api/sources.csl.json, with the filters of
 * /api/events: the export use case (app/exportEvents.ts) sent to the client. The media types declared
 * are the ones the use case answers with (EXPORT_MEDIA).
 */
export const exportRoutes: Endpoint[] = [
  streamedExport(
    "/api/events.csv",
    "csv",
    "The matching events as CSV (the columns `aigov import` reads back)",
    textAnswer("CSV", essence(EXPORT_MEDIA.csv.contentType)),
    true,
  ),
  defineEndpoint({
    method: "get",
    path: "/api/feed.atom",
    summary: "The newest matching events as an Atom feed (50 unless `limit` says otherwise)",
    query: ExportQuery,
    parameterDescriptions: EXPORT_PARAMETERS,
    responses: { 200: textAnswer("Atom", essence(EXPORT_MEDIA.atom.contentType)), 400: BAD_PARAMETER },
    // The feed is small (FEED_SIZE newest unless `limit` says otherwise): built whole, without a slot.
    handler: async ({ c, query, deps }) => {
      const made = await exportEvents(deps.services, "atom", query);
      let body = "";
      for await (const chunk of made.chunks) body += chunk;
      return c.body(body, 200, headersOf(made, false, query.asOf));
    },
  }),
  streamedExport(
    "/api/calendar.ics",
    "ics",
    "Event days, stated effective dates and the instruments' applicability dates (one entry per instrument and day, stable UIDs) as all-day iCalendar events",
    textAnswer("iCalendar", essence(EXPORT_MEDIA.ics.contentType)),
  ),
  streamedExport(
    "/api/sources.csl.json",
    "csl",
    "Every source of the matching events as CSL-JSON, for Zotero and citeproc",
    { description: "CSL-JSON", content: { [essence(EXPORT_MEDIA.csl.contentType)]: CslItems } },
  ),
];

/** An export's body for HEAD, which nobody reads. */
async function* nothing(): AsyncGenerator<string> {}
