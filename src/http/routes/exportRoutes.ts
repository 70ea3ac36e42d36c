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
import { streamedResponse } from "../streamedResponse.js";

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
    const { pages } = await context.search.matchingEvents({
      q: query.q,
      filter: toEventFilter(query),
      sort,
      limit: cap,
    });
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

  app.get("/api/events.csv", async (c) => {
    const { pages } = await matchingPages(c, false);
    async function* csv() {
      yield csvHeader();
      for await (const events of pages) yield csvRows(events, corrections);
    }
    return streamedResponse(csv(), {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="aigov-events.csv"',
    });
  });

  app.get("/api/feed.atom", async (c) => {
    const { events, lang } = await matching(c, true, 50);
    return c.body(eventsToAtom(events, { baseUrl: baseUrl(), lang, corrections }), 200, {
      "content-type": "application/atom+xml; charset=utf-8",
    });
  });

  app.get("/api/calendar.ics", async (c) => {
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
    return streamedResponse(calendar(), { "content-type": "text/calendar; charset=utf-8" });
  });

  app.get("/api/sources.csl.json", async (c) => {
    const { pages, lang } = await matchingPages(c, false);
    async function* csl() {
      yield "[";
      let first = true;
      for await (const events of pages)
        for (const item of sourcesToCsl(events, lang, corrections)) {
          yield `${first ? "" : ","}${JSON.stringify(item)}`;
          first = false;
        }
      yield "]";
    }
    return streamedResponse(csl(), {
      "content-type": "application/vnd.citationstyles.csl+json; charset=utf-8",
    });
  });
}

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
