import { toEventFilter } from "../domain/eventQuery.js";
import type { SearchOutcome, SearchParams, StoredSearchOutcome } from "../search/searchService.js";
import type { AppServices } from "./appServices.js";
import { decodeCursor, encodeCursor, type EventsQuery } from "./eventsQuery.js";
import { searcherAt } from "./history.js";

/** A page of a search: the hits, the facet counts, and the cursor of the next page (null on the last). */
export interface EventSearch<O> {
  outcome: O;
  next: string | null;
}

/**
 * The search a query of GET /api/events asks for: its words, filters, sort (relevance with words, else
 * newest first: the index's own default), page size and language, from its cursor or `offset`.
 */
function searchParams(query: EventsQuery, offset: number, facets: boolean): SearchParams {
  return {
    q: query.q,
    filter: toEventFilter(query),
    sort: query.sort,
    offset,
    limit: query.limit,
    facets,
    lang: query.lang,
  };
}

const nextCursor = (offset: number, limit: number, total: number) =>
  offset + limit < total ? encodeCursor(offset + limit) : null;

/**
 * Searches the events as the search page and `aigov search` show them (as of a moment, with `asOf`): parsed events with their
 * snippets, the facets when asked, and where the next page starts. `offset` is used when the query
 * has no cursor.
 */
export async function searchEvents(
  services: Pick<AppServices, "search">,
  query: EventsQuery,
  options: { offset?: number; facets?: boolean } = {},
): Promise<EventSearch<SearchOutcome>> {
  const offset = query.cursor ? decodeCursor(query.cursor) : (options.offset ?? 0);
  const searcher = await searcherAt(services, query.asOf);
  const outcome = await searcher.search(searchParams(query, offset, options.facets ?? true));
  return { outcome, next: nextCursor(offset, query.limit, outcome.total) };
}

/** searchEvents with each event as stored (JSON bytes), for GET /api/events to send without re-encoding. */
export async function searchStoredEvents(
  services: Pick<AppServices, "search">,
  query: EventsQuery,
): Promise<EventSearch<StoredSearchOutcome>> {
  const offset = query.cursor ? decodeCursor(query.cursor) : 0;
  const searcher = await searcherAt(services, query.asOf);
  const outcome = await searcher.searchStored(searchParams(query, offset, true));
  return { outcome, next: nextCursor(offset, query.limit, outcome.total) };
}
