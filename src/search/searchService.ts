import type { Event } from "../domain/event.js";
import type { Language } from "../domain/localizedText.js";
import { findEventJson, findEvents } from "../storage/repos/eventRepo.js";
import { IndexKeeper } from "./indexKeeper.js";
import { parseQuery } from "./queryParser.js";
import type { FacetCounts, IndexFilter, SearchSort } from "./searchIndex.js";
import { makeSnippet, type Snippet } from "./snippet.js";

export interface SearchParams {
  q?: string;
  filter: IndexFilter;
  sort?: SearchSort;
  offset?: number;
  limit: number;
  facets?: boolean;
  lang?: Language;
}

export interface SearchHit {
  event: Event;
  snippet: Snippet | null;
}

/** Facet counts as the service answers them: the index's facets plus years (summed from months). */
export type SearchFacets = FacetCounts & { year: Record<string, number> };

export interface SearchOutcome {
  hits: SearchHit[];
  total: number;
  facets: SearchFacets | null;
}

/** A hit with its event as stored: JSON bytes, as the API sends them. */
export interface StoredSearchHit {
  id: string;
  json: Buffer;
  snippet: Snippet | null;
}

export type StoredSearchOutcome = Omit<SearchOutcome, "hits"> & { hits: StoredSearchHit[] };

/**
 * The counts of the whole dataset come back as the same object until the data changes (the index keeps
 * them): their years are summed once, not on every listing.
 */
const withYearsOf = new WeakMap<FacetCounts, SearchFacets>();

/** Adds the year facet, summed from the month facet (whose keys start with the year: 2025-03, 2025). */
function withYears(facets: FacetCounts): SearchFacets {
  const known = withYearsOf.get(facets);
  if (known) return known;
  const year: Record<string, number> = {};
  for (const [month, count] of Object.entries(facets.month)) {
    const key = month.slice(0, 4);
    year[key] = (year[key] ?? 0) + count;
  }
  const result = { ...facets, year };
  withYearsOf.set(facets, result);
  return result;
}

/**
 * Search over one database: queries, pages, facets and the bulk reads of exports, answered from the
 * index the IndexKeeper (indexKeeper.ts) keeps current as the database changes.
 */
export class SearchService extends IndexKeeper {
  async search(params: SearchParams): Promise<SearchOutcome> {
    const { query, result } = await this.findPage(params);
    const events = await findEvents(this.db, result.ids);
    const lang = params.lang ?? "zh";
    return {
      hits: events.map((event) => ({ event, snippet: query ? makeSnippet(event, query, lang) : null })),
      total: result.total,
      facets: result.facets ? withYears(result.facets) : null,
    };
  }

  /**
   * As search(), with each event as its stored JSON (bytes, unparsed): for answers that send events
   * as stored, the API's listing. Only a query's snippets need the event parsed.
   */
  async searchStored(params: SearchParams): Promise<StoredSearchOutcome> {
    const { query, result } = await this.findPage(params);
    const stored = await findEventJson(this.db, result.ids);
    const lang = params.lang ?? "zh";
    return {
      hits: stored.map(({ id, json }) => ({
        id,
        json,
        snippet: query ? makeSnippet(JSON.parse(json.toString("utf8")) as Event, query, lang) : null,
      })),
      total: result.total,
      facets: result.facets ? withYears(result.facets) : null,
    };
  }

  /** The ids of a page of results (with the total and facets), from the current index. */
  private async findPage(params: SearchParams) {
    const index = await this.currentIndex();
    const query = params.q?.trim() ? parseQuery(params.q) : null;
    const sort = params.sort ?? (query?.clauses.length ? "relevance" : "date");
    const result = index.search({
      query,
      filter: params.filter,
      sort,
      offset: params.offset ?? 0,
      limit: params.limit,
      facets: params.facets ?? false,
    });
    return { query, result };
  }

  /**
   * Every matching event in order, a page of events at a time, read from the database only as the
   * consumer asks for the next page (exports stream with bounded memory). `limit` caps the total.
   */
  async matchingEvents(
    params: Omit<SearchParams, "offset" | "facets" | "limit"> & { limit?: number },
    pageSize = 500,
  ): Promise<{ total: number; pages: AsyncGenerator<Event[]> }> {
    const index = await this.currentIndex();
    const query = params.q?.trim() ? parseQuery(params.q) : null;
    const sort = params.sort ?? (query?.clauses.length ? "relevance" : "date");
    const { total, pages } = index.matchingIdPages({ query, filter: params.filter, sort }, pageSize);
    const cap = params.limit ?? Number.POSITIVE_INFINITY;
    const db = this.db;
    async function* events(): AsyncGenerator<Event[]> {
      let sent = 0;
      try {
        for (const ids of pages) {
          if (sent >= cap) break;
          const page = ids.length > cap - sent ? ids.slice(0, cap - sent) : ids;
          sent += page.length;
          yield await findEvents(db, page);
        }
      } finally {
        pages.return(undefined);
      }
    }
    return { total: Math.min(total, cap), pages: events() };
  }
}
