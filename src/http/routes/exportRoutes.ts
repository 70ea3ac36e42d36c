import type { Context, Hono } from "hono";
import type { Event } from "../../domain/event.js";
import { toEventFilter } from "../../domain/eventQuery.js";
import { eventsToAtom } from "../../export/eventsAtom.js";
import { eventsToCsv } from "../../export/eventsCsv.js";
import { type AllDayEntry, eventsToIcs } from "../../export/eventsIcs.js";
import { type Language, pickText } from "../../domain/localizedText.js";
import { dateBounds } from "../../domain/partialDate.js";
import { listDeadlines } from "../../obligations/deadlines.js";
import type { ObligationsData } from "../../obligations/obligationsData.js";
import { sourcesToCsl } from "../../export/sourcesCsl.js";
import type { AppContext } from "../appContext.js";
import { EventsQuery, parseSearchParams } from "../eventsQuery.js";

const PAGE = 500;

/** GET /api/events.csv, /api/feed.atom, /api/calendar.ics and /api/sources.csl.json, with the filters of /api/events. */
export function registerExportRoutes(
  app: Hono,
  context: AppContext,
  data: ObligationsData,
  baseUrl: () => string,
): void {
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
    return { events, lang: query.lang, query };
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
    const { events, lang, query } = await matching(c, false);
    // Applicability dates of the instruments join the calendar unless a text query or an event facet
    // (type, level, bindingness, tag) narrows it to events; jurisdiction and date filters apply to them.
    const narrowed =
      query.q?.trim() || [query.type, query.level, query.bindingness, query.tag].some((l) => l.length);
    const extra = narrowed ? [] : deadlineEntries(data, lang, query);
    return c.body(eventsToIcs(events, { baseUrl: baseUrl(), lang, extra }), 200, {
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
