import type { Hono } from "hono";
import { toEventFilter } from "../../domain/eventQuery.js";
import { findEvent } from "../../storage/repos/eventRepo.js";
import type { AppContext } from "../appContext.js";
import { decodeCursor, EventsQuery, encodeCursor, parseSearchParams } from "../eventsQuery.js";
import type { SearchFacets } from "../../search/searchService.js";
import { jsonObjectBytes, RawJson } from "../jsonBytes.js";
import { withKnownBytes } from "../knownBytes.js";
import type { CorrectionsByEvent } from "../../domain/correctionsByEvent.js";
import { presentEvent, presentStoredEvent } from "../presenters/eventPresenter.js";
import { HttpProblem } from "../problem.js";
import { acceptsParameters, NO_PARAMETERS } from "../queryParameters.js";

/** The facets of the whole dataset come back as one object until the data changes: encoded once. */
const encodedFacets = new WeakMap<SearchFacets, RawJson>();

function facetsJson(facets: SearchFacets): RawJson {
  let encoded = encodedFacets.get(facets);
  if (!encoded) {
    encoded = RawJson.of(Buffer.from(JSON.stringify(facets)));
    encodedFacets.set(facets, encoded);
  }
  return encoded;
}

/** GET /api/events (search, filters, facets, pages) and GET /api/events/{id}. */
export function registerEventRoutes(app: Hono, context: AppContext, corrections: CorrectionsByEvent): void {
  app.get("/api/events", async (c) => {
    const query = parseSearchParams(EventsQuery, new URL(c.req.url).searchParams);
    const offset = query.cursor ? decodeCursor(query.cursor) : 0;
    const outcome = await context.search.searchStored({
      q: query.q,
      filter: toEventFilter(query),
      sort: query.sort,
      offset,
      limit: query.limit,
      facets: true,
      lang: query.lang,
    });
    const hasQuery = Boolean(query.q?.trim());
    // The events go out as stored (bytes, not parsed and stringified again): this is the API's busiest
    // read, and most of its pages are not in the response cache.
    const body = jsonObjectBytes({
      items: RawJson.array(
        outcome.hits.map((hit) =>
          presentStoredEvent(hit.id, hit.json, corrections, hasQuery ? hit.snippet : undefined),
        ),
      ),
      total: outcome.total,
      facets: outcome.facets && facetsJson(outcome.facets),
      next: offset + query.limit < outcome.total ? encodeCursor(offset + query.limit) : null,
    });
    return withKnownBytes(c.body(body, 200, { "content-type": "application/json" }), body);
  });

  app.get("/api/events/:id", acceptsParameters(NO_PARAMETERS), async (c) => {
    const id = c.req.param("id");
    const event = /^[a-z0-9-]{1,120}$/.test(id) ? await findEvent(context.db, id) : null;
    if (!event) throw new HttpProblem(404, `no event with id "${id}"`);
    return c.json(presentEvent(event, corrections));
  });
}
