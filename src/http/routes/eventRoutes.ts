import type { Hono } from "hono";
import { toEventFilter } from "../../domain/eventQuery.js";
import { findEvent } from "../../storage/repos/eventRepo.js";
import type { AppContext } from "../appContext.js";
import { decodeCursor, EventsQuery, encodeCursor, parseSearchParams } from "../eventsQuery.js";
import { presentEvent } from "../presenters/eventPresenter.js";
import { HttpProblem } from "../problem.js";

/** GET /api/events (search, filters, facets, pages) and GET /api/events/{id}. */
export function registerEventRoutes(app: Hono, context: AppContext): void {
  app.get("/api/events", async (c) => {
    const query = parseSearchParams(EventsQuery, new URL(c.req.url).searchParams);
    const offset = query.cursor ? decodeCursor(query.cursor) : 0;
    const outcome = await context.search.search({
      q: query.q,
      filter: toEventFilter(query),
      sort: query.sort,
      offset,
      limit: query.limit,
      facets: true,
      lang: query.lang,
    });
    const hasQuery = Boolean(query.q?.trim());
    return c.json({
      items: outcome.hits.map((hit) => presentEvent(hit.event, hasQuery ? hit.snippet : undefined)),
      total: outcome.total,
      facets: outcome.facets,
      next: offset + query.limit < outcome.total ? encodeCursor(offset + query.limit) : null,
    });
  });

  app.get("/api/events/:id", async (c) => {
    const id = c.req.param("id");
    const event = /^[a-z0-9-]{1,120}$/.test(id) ? await findEvent(context.db, id) : null;
    if (!event) throw new HttpProblem(404, `no event with id "${id}"`);
    return c.json(presentEvent(event));
  });
}
