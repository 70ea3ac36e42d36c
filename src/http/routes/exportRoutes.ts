import type { Context, Hono } from "hono";
import type { Event } from "../../domain/event.js";
import { toEventFilter } from "../../domain/eventQuery.js";
import { eventsToAtom } from "../../export/eventsAtom.js";
import { eventsToCsv } from "../../export/eventsCsv.js";
import { eventsToIcs } from "../../export/eventsIcs.js";
import { sourcesToCsl } from "../../export/sourcesCsl.js";
import type { AppContext } from "../appContext.js";
import { EventsQuery, parseSearchParams } from "../eventsQuery.js";

const PAGE = 500;

/** GET /api/events.csv, /api/feed.atom, /api/calendar.ics and /api/sources.csl.json, with the filters of /api/events. */
export function registerExportRoutes(app: Hono, context: AppContext, baseUrl: () => string): void {
  // Exports take every matching event; `limit` caps them when given (the feed defaults to 50 newest).
  const matching = async (c: Context, newestFirst: boolean, defaultCap?: number) => {
    const params = new URL(c.req.url).searchParams;
    const query = parseSearchParams(EventsQuery.omit({ cursor: true }), params);
    const cap = params.has("limit") ? query.limit : defaultCap;
    const sort = query.q?.trim()
      ? (query.sort ?? "relevance")
      : (query.sort ?? (newestFirst ? "-date" : "date"));
    const events: Event[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const limit = cap === undefined ? PAGE : Math.min(PAGE, cap - offset);
      if (limit <= 0) break;
      const page = await context.search.search({
        q: query.q,
        filter: toEventFilter(query),
        sort,
        offset,
        limit,
      });
      events.push(...page.hits.map((hit) => hit.event));
      if (page.hits.length < limit || events.length >= page.total) break;
    }
    return { events, lang: query.lang };
  };

  app.get("/api/events.csv", async (c) => {
    const { events } = await matching(c, false);
    return c.body(eventsToCsv(events), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": 'attachment; filename="aigov-events.csv"',
    });
  });

  app.get("/api/feed.atom", async (c) => {
    const { events, lang } = await matching(c, true, 50);
    return c.body(eventsToAtom(events, { baseUrl: baseUrl(), lang }), 200, {
      "content-type": "application/atom+xml; charset=utf-8",
    });
  });

  app.get("/api/calendar.ics", async (c) => {
    const { events, lang } = await matching(c, false);
    return c.body(eventsToIcs(events, { baseUrl: baseUrl(), lang }), 200, {
      "content-type": "text/calendar; charset=utf-8",
    });
  });

  app.get("/api/sources.csl.json", async (c) => {
    const { events, lang } = await matching(c, false);
    return c.body(JSON.stringify(sourcesToCsl(events, lang)), 200, {
      "content-type": "application/vnd.citationstyles.csl+json; charset=utf-8",
    });
  });
}
