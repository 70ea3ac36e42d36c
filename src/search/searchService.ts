import type { Event } from "../domain/event.js";
import type { Language } from "../domain/localizedText.js";
import { findEventJson, findEvents, type StoredEventJson } from "../storage/repos/eventRepo.js";
import { idsChangedAfter, versionsAsOf } from "../storage/repos/revisionRepo.js";
import { IndexKeeper } from "./indexKeeper.js";
import type { LiveIndex } from "./liveIndex.js";
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

/** What a search reads: an index, and the events its ids name. */
interface EventSource {
  index: LiveIndex;
  events(ids: string[]): Promise<Event[]>;
  json(ids: string[]): Promise<StoredEventJson[]>;
}

/** Searches, pages, facets and bulk reads over one state of the archive: now, or as it was at a moment. */
export interface EventSearcher {
  search(params: SearchParams): Promise<SearchOutcome>;
  searchStored(params: SearchParams): Promise<StoredSearchOutcome>;
  matchingEvents(
    params: Omit<SearchParams, "offset" | "facets" | "limit"> & { limit?: number },
    pageSize?: number,
  ): Promise<{ total: number; pages: AsyncGenerator<Event[]> }>;
}

/**
 * The most events changed since a moment that an as-of view applies over the current index (each is
 * read at its version then and indexed again): beyond it, the answer is refused rather than slow.
 */
export const MAX_AS_OF_CHANGES = 20_000;
/** As-of views kept per index, so that paging through a past search does not rebuild its view. */
const AS_OF_VIEWS = 8;

/**
 * Search over one database: queries, pages, facets and the bulk reads of exports, answered from the
 * index the IndexKeeper (indexKeeper.ts) keeps current as the database changes, or from a view of it as
 * the archive was at a moment (asOf).
 */
export class SearchService extends IndexKeeper implements EventSearcher {
  private readonly asOfViews = new WeakMap<LiveIndex, Map<string, Promise<EventSource | null>>>();

  private async current(): Promise<EventSource> {
    const db = this.db;
    return {
      index: await this.currentIndex(),
      events: (ids) => findEvents(db, ids),
      json: (ids) => findEventJson(db, ids),
    };
  }

  search(params: SearchParams): Promise<SearchOutcome> {
    return this.current().then((source) => searchIn(source, params));
  }

  /**
   * As search(), with each event as its stored JSON (bytes, unparsed): for answers that send events
   * as stored, the API's listing. Only a query's snippets need the event parsed.
   */
  searchStored(params: SearchParams): Promise<StoredSearchOutcome> {
    return this.current().then((source) => searchStoredIn(source, params));
  }

  /**
   * Every matching event in order, a page of events at a time, read from the database only as the
   * consumer asks for the next page (exports stream with bounded memory). `limit` caps the total.
   */
  async matchingEvents(
    params: Omit<SearchParams, "offset" | "facets" | "limit"> & { limit?: number },
    pageSize = 500,
  ): Promise<{ total: number; pages: AsyncGenerator<Event[]> }> {
    return matchingIn(await this.current(), params, pageSize);
  }

  /**
   * The archive as it was at a moment (an ISO 8601 UTC instant): the current index with every event
   * changed since replaced by its version then (or hidden, if it did not exist then or had been
   * removed). Null when more than MAX_AS_OF_CHANGES events changed since.
   */
  async asOf(at: string): Promise<EventSearcher | null> {
    const index = await this.currentIndex();
    let views = this.asOfViews.get(index);
    if (!views) this.asOfViews.set(index, (views = new Map()));
    let view = views.get(at);
    if (!view) {
      view = this.viewAt(index, at);
      views.set(at, view);
      if (views.size > AS_OF_VIEWS) views.delete(views.keys().next().value as string);
      view.catch(() => views.delete(at));
    }
    const source = await view;
    if (!source) return null;
    return {
      search: (params) => searchIn(source, params),
      searchStored: (params) => searchStoredIn(source, params),
      matchingEvents: (params, pageSize = 500) => matchingIn(source, params, pageSize),
    };
  }

  private async viewAt(index: LiveIndex, at: string): Promise<EventSource | null> {
    const db = this.db;
    const changed = await idsChangedAfter(db, at, MAX_AS_OF_CHANGES);
    if (changed === null) return null;
    const then = await versionsAsOf(db, changed, at);
    const absent = changed.filter((id) => !then.has(id));
    // The ids not changed since are the same now as then: they are read as stored.
    const events = async (ids: string[]) => {
      const stored = new Map(
        (
          await findEvents(
            db,
            ids.filter((id) => !then.has(id)),
          )
        ).map((e) => [e.id, e]),
      );
      return ids.flatMap((id) => then.get(id) ?? stored.get(id) ?? []);
    };
    const json = async (ids: string[]) => {
      const stored = new Map(
        (
          await findEventJson(
            db,
            ids.filter((id) => !then.has(id)),
          )
        ).map((e) => [e.id, e]),
      );
      return ids.flatMap((id) => {
        const past = then.get(id);
        return past ? [{ id, json: Buffer.from(JSON.stringify(past)) }] : (stored.get(id) ?? []);
      });
    };
    return { index: index.apply([...then.values()], absent), events, json };
  }
}

/** The ids of a page of results (with the total and facets), from an index. */
function findPage(index: LiveIndex, params: SearchParams) {
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

async function searchIn(source: EventSource, params: SearchParams): Promise<SearchOutcome> {
  const { query, result } = findPage(source.index, params);
  const events = await source.events(result.ids);
  const lang = params.lang ?? "zh";
  return {
    hits: events.map((event) => ({ event, snippet: query ? makeSnippet(event, query, lang) : null })),
    total: result.total,
    facets: result.facets ? withYears(result.facets) : null,
  };
}

async function searchStoredIn(source: EventSource, params: SearchParams): Promise<StoredSearchOutcome> {
  const { query, result } = findPage(source.index, params);
  const stored = await source.json(result.ids);
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

async function matchingIn(
  source: EventSource,
  params: Omit<SearchParams, "offset" | "facets" | "limit"> & { limit?: number },
  pageSize: number,
): Promise<{ total: number; pages: AsyncGenerator<Event[]> }> {
  const query = params.q?.trim() ? parseQuery(params.q) : null;
  const sort = params.sort ?? (query?.clauses.length ? "relevance" : "date");
  const { total, pages } = source.index.matchingIdPages({ query, filter: params.filter, sort }, pageSize);
  const cap = params.limit ?? Number.POSITIVE_INFINITY;
  async function* events(): AsyncGenerator<Event[]> {
    let sent = 0;
    try {
      for (const ids of pages) {
        if (sent >= cap) break;
        const page = ids.length > cap - sent ? ids.slice(0, cap - sent) : ids;
        sent += page.length;
        yield await source.events(page);
      }
    } finally {
      pages.return(undefined);
    }
  }
  return { total: Math.min(total, cap), pages: events() };
}
