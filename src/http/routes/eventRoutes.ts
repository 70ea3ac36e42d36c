import { z } from "zod";
import { eventById } from "../../app/events.js";
import { eventAsOf } from "../../app/history.js";
import { AsOf } from "../../domain/asOf.js";
import { EventsQuery } from "../../app/eventsQuery.js";
import { searchStoredEvents } from "../../app/searchEvents.js";
import type { SearchFacets } from "../../search/searchService.js";
import { jsonObjectBytes, RawJson } from "../jsonBytes.js";
import { withKnownBytes } from "../knownBytes.js";
import { presentStoredEvent } from "../../app/presentEvent.js";
import { EventPage, PresentedEvent } from "../../app/responses.js";
import { defineEndpoint, type Endpoint, jsonAnswer, problemAnswer } from "../endpoint.js";

const event = jsonAnswer("The event (as it was at `asOf`, when given)", PresentedEvent);

/** A page of events, saying which moment it answers for when it is not now. */
export const EventPageAsOf = EventPage.extend({
  asOf: z
    .string()
    .optional()
    .describe("With `asOf`: the moment (UTC) the answer is as of, as the archive was published then"),
}).strict();

/** The query of GET /api/events/{id}: the event now, or as it was published at a moment. */
export const EventQuery = z.object({ asOf: AsOf.optional() }).strict();

/** RFC 7089's Memento-Datetime: the moment an answer about the past stands for, as an HTTP date. */
export const mementoDatetime = (iso: string) => ({ "memento-datetime": new Date(iso).toUTCString() });

/** RFC 5829's link from an event to its history (relative: resolved against the request's URL). */
const historyLink = (id: string) =>
  `</api/events/${encodeURIComponent(id)}/revisions>; rel="version-history"`;

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
      200: jsonAnswer("A page of events", EventPageAsOf),
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
        ...(query.asOf === undefined ? {} : { asOf: query.asOf }),
      });
      const headers = {
        "content-type": "application/json",
        ...(query.asOf === undefined ? {} : mementoDatetime(query.asOf)),
      };
      return withKnownBytes(c.body(body, 200, headers), body);
    },
  }),
  defineEndpoint({
    method: "get",
    path: "/api/events/{id}",
    summary: "One event, now or as it was published at a moment (`asOf`)",
    params: z.object({ id: z.string() }),
    query: EventQuery,
    parameterDescriptions: {
      asOf: "The event as published at this moment (ISO 8601 date-time, or a date: its start in UTC); 404 if it did not exist then or had been removed.",
    },
    responses: {
      200: event,
      400: problemAnswer("A bad parameter: which one and why, as an RFC 9457 problem document."),
      404: problemAnswer("No event has this id (at `asOf`, when given)"),
    },
    handler: async ({ c, params: { id }, query, deps: { services } }) => {
      if (query.asOf === undefined)
        return event.send(c, (await eventById(services, id)).presented, { link: historyLink(id) });
      const then = await eventAsOf(services, id, query.asOf);
      // The revision's own moment: the answer is that version, published then and current at asOf.
      return event.send(c, then.presented, {
        ...mementoDatetime(then.revision.at),
        link: `</api/events/${encodeURIComponent(id)}/revisions/${then.revision.revision}>; rel="memento", ${historyLink(id)}`,
      });
    },
  }),
];
