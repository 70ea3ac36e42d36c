import { z } from "zod";
import { eventById } from "../../app/events.js";
import { EventsQuery } from "../../app/eventsQuery.js";
import { searchStoredEvents } from "../../app/searchEvents.js";
import type { SearchFacets } from "../../search/searchService.js";
import { jsonObjectBytes, RawJson } from "../jsonBytes.js";
import { withKnownBytes } from "../knownBytes.js";
import { presentStoredEvent } from "../../app/presentEvent.js";
import { EventPage, PresentedEvent } from "../../app/responses.js";
import { defineEndpoint, type Endpoint, jsonAnswer, problemAnswer } from "../endpoint.js";

const event = jsonAnswer("The event", PresentedEvent);

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
export const eventRoutes: Endpoint[] = [
  defineEndpoint({
    method: "get",
    path: "/api/events",
    summary: "Search and filter events, with facet counts and cursor pagination",
    query: EventsQuery,
    responses: {
      200: jsonAnswer("A page of events", EventPage),
      400: problemAnswer("A bad parameter: which one and why, as an RFC 9457 problem document."),
    },
    handler: async ({ c, query, deps: { services } }) => {
      const { outcome, next } = await searchStoredEvents(services, query);
      const hasQuery = Boolean(query.q?.trim());
      // The events go out as stored (bytes, not parsed and stringified again): this is the API's busiest
      // read, and most of its pages are not in the response cache.
      const body = jsonObjectBytes({
        items: RawJson.array(
          outcome.hits.map((hit) =>
            presentStoredEvent(hit.id, hit.json, services.corrections, hasQuery ? hit.snippet : undefined),
          ),
        ),
        total: outcome.total,
        facets: outcome.facets && facetsJson(outcome.facets),
        next,
      });
      return withKnownBytes(c.body(body, 200, { "content-type": "application/json" }), body);
    },
  }),
  defineEndpoint({
    method: "get",
    path: "/api/events/{id}",
    summary: "One event",
    params: z.object({ id: z.string() }),
    responses: { 200: event, 404: problemAnswer("No event has this id") },
    handler: async ({ c, params: { id }, deps: { services } }) => {
      return event.send(c, (await eventById(services, id)).presented);
    },
  }),
];
