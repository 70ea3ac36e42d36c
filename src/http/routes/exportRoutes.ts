import type { Context, Hono } from "hono";
import type { CorrectionsByEvent } from "../../domain/correctionsByEvent.js";
import { toEventFilter } from "../../domain/eventQuery.js";
import { eventsToAtom } from "../../export/eventsAtom.js";
import { csvHeader, csvRows } from "../../export/eventsCsv.js";
import { type AllDayEntry, icsPieces } from "../../export/eventsIcs.js";
import { type Language, pickText } from "../../domain/localizedText.js";
import { dateBounds } from "../../domain/partialDate.js";
import { listDeadlines } from "../../obligations/deadlines.js";
import type { ObligationsData } from "../../obligations/obligationsData.js";
import { sourcesToCsl } from "../../export/sourcesCsl.js";
import type { AppContext } from "../appContext.js";
import { EventsQuery, parseSearchParams } from "../eventsQuery.js";
import { takeExportSlot } from "../exportSlots.js";
import { streamedResponse } from "../streamedResponse.js";

/**
 * Events read and written per chunk of an export. A page is read and formatted without a break, so
 * it is what another request may wait for beside each export streaming (issue 24); 100 keeps that
 * to a few milliseconds at the throughput of 500 (npm run bench -- export).
 */
const EXPORT_PAGE_SIZE = 100;

/**
 * GET /api/events.csv, /api/feed.atom, /api/calendar.ics and /api/sources.csl.json, with the filters of
 * /api/events; each shows a corrected event's corrections (looked up in `corrections`) beside its text.
 */
export function registerExportRoutes(
  app: Hono,
  context: AppContext,
  data: ObligationsData,
  corrections: CorrectionsByEvent,
  baseUrl: () => string,
): void {
  const queryOf = (c: Context, newestFirst: boolean) => {
    const params = new URL(c.req.url).searchParams;
    const query = parseSearchParams(EventsQuery.omit({ cursor: true }), params);
    const sort = query.q?.trim()
      ? (query.sort ?? "relevance")
      : (query.sort ?? (newestFirst ? "-date" : "date"));
    return { query, sort, cap: params.has("limit") ? query.limit : undefined };
  };
  // Every matching event, a page at a time as the client reads; `limit` caps them when given.
  const matchingPages = async (c: Context, newestFirst: boolean) => {
    const { query, sort, cap } = queryOf(c, newestFirst);
    const { pages } = await context.search.matchingEvents(
      { q: query.q, filter: toEventFilter(query), sort, limit: cap },
      EXPORT_PAGE_SIZE,
    );
    return { pages, lang: query.lang, query };
  };
  // The feed is small (50 newest by default, at most the largest page of /api/events): built whole.
  const matching = async (c: Context, newestFirst: boolean, defaultCap: number) => {
    const { query, sort, cap } = queryOf(c, newestFirst);
    const page = await context.search.search({
      q: query.q,
      filter: toEventFilter(query),
      sort,
      limit: cap ?? defaultCap,
    });
    return { events: page.hits.map((hit) => hit.event), lang: query.lang };
  };

  /**
   * Streams the body `open` makes while the export holds one of the server's slots (issue 24: a few
   * exports must not take the whole server); refused, it is a 503 or 429 with Retry-After. A HEAD
   * gets the headers alone: nothing reads its body, so nothing is searched for it.
   */
  const streamExport = async (
    c: Context,
    headers: Record<string, string>,
    open: () => Promise<AsyncIterator<string>>,
  ): Promise<Response> => {
    // A HEAD is refused for the parameters its GET would be refused for.
    queryOf(c, false);
    // Still a streamed response, empty: the read cache (whose key has no method) must not keep it as the GET's.
    if (c.req.method === "HEAD") return streamedResponse(nothing(), headers);
    const slot = takeExportSlot(c);
    if (slot instanceof Response) return slot;
    try {
      return streamedResponse(await open(), headers, slot.release);
    } catch (error) {
      slot.release();
      throw error;
    }
  };

  app.get("/api/events.csv", (c) =>
    streamExport(
      c,
      {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="aigov-events.csv"',
      },
      async () => {
        const { pages } = await matchingPages(c, false);
        async function* csv() {
          yield csvHeader();
          for await (const events of pages) yield csvRows(events, corrections);
        }
        return csv();
      },
    ),
  );

  app.get("/api/feed.atom", async (c) => {
    const { events, lang } = await matching(c, true, 50);
    return c.body(eventsToAtom(events, { baseUrl: baseUrl(), lang, corrections }), 200, {
      "content-type": "application/atom+xml; charset=utf-8",
    });
  });

  app.get("/api/calendar.ics", (c) =>
    streamExport(c, { "content-type": "text/calendar; charset=utf-8" }, async () => {
      const { pages, lang, query } = await matchingPages(c, false);
      // Applicability dates of the instruments join the calendar unless a text query or an event facet
      // (type, level, bindingness, tag) narrows it to events; jurisdiction and date filters apply to them.
      const narrowed =
        query.q?.trim() || [query.type, query.level, query.bindingness, query.tag].some((l) => l.length);
      const extra = narrowed ? [] : deadlineEntries(data, lang, query);
      const ics = icsPieces({ baseUrl: baseUrl(), lang, extra, corrections });
      async function* calendar() {
        yield ics.head;
        for await (const events of pages) yield ics.events(events);
        yield ics.tail;
      }
      return calendar();
    }),
  );

  app.get("/api/sources.csl.json", (c) =>
    streamExport(
      c,
      { "content-type": "application/vnd.citationstyles.csl+json; charset=utf-8" },
      async () => {
        const { pages, lang } = await matchingPages(c, false);
        async function* csl() {
          yield "[";
          let first = true;
          // One chunk per page, not per item: each chunk waits a turn of the event loop.
          for await (const events of pages) {
            const items = sourcesToCsl(events, lang, corrections).map((item) => JSON.stringify(item));
            if (!items.length) continue;
            yield `${first ? "" : ","}${items.join(",")}`;
            first = false;
          }
          yield "]";
        }
        return csl();
      },
    ),
  );
}

/** An export's body for HEAD, which nobody reads. */
async function* nothing(): AsyncGenerator<string> {}

/** The instruments' applicability dates as calendar entries, one per instrument and day (stable UIDs). */
function deadlineEntries(
  data: ObligationsData,
  lang: Language,
  filter: { jurisdiction?: string[]; from?: string; to?: string },
): AllDayEntry[] {
  const codes = filter.jurisdiction ?? [];
  return listDeadlines(data)
    .filter(
      (d) =>
        !codes.length ||
        codes.some((code) => d.jurisdiction === code || d.jurisdiction.startsWith(`${code}-`)),
    )
    .filter((d) => !filter.from || d.date >= dateBounds(filter.from).first)
    .filter((d) => !filter.to || d.date <= dateBounds(filter.to).last)
    .map((d) => ({
      uid: d.uid,
      day: d.date,
      summary: `${lang === "zh" ? "开始适用" : "Applies"}: ${pickText(d.title, lang) ?? d.instrument}`,
      description: d.what
        .map((w) => pickText(w, lang))
        .filter(Boolean)
        .join("\n"),
      url: d.url ?? undefined,
    }));
}
