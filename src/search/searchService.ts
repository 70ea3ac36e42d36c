import type { Event } from "../domain/event.js";
import type { Language } from "../domain/localizedText.js";
import type { Database } from "../storage/database.js";
import {
  countEvents,
  findEvents,
  readDataVersion,
  streamEventsNewestFirst,
} from "../storage/repos/eventRepo.js";
import { readDatabaseId } from "../storage/repos/metadataRepo.js";
import { readSnapshot, writeSnapshot } from "./indexSnapshot.js";
import { parseQuery } from "./queryParser.js";
import { type FacetCounts, type IndexFilter, SearchIndex, type SearchSort } from "./searchIndex.js";
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

/** Adds the year facet, summed from the month facet (whose keys start with the year: 2025-03, 2025). */
function withYears(facets: FacetCounts): SearchFacets {
  const year: Record<string, number> = {};
  for (const [month, count] of Object.entries(facets.month)) {
    const key = month.slice(0, 4);
    year[key] = (year[key] ?? 0) + count;
  }
  return { ...facets, year };
}

/** Below this many events, indexing is quicker than reading a snapshot, so none is kept. */
const SNAPSHOT_THRESHOLD = 5000;

/**
 * Search over one database: keeps an in-memory index and rebuilds it when the data changed (the
 * database's data version moved, also when another process imported), then serves queries from it.
 */
export class SearchService {
  private index: SearchIndex | null = null;
  private version = -1;
  private building: Promise<SearchIndex> | null = null;

  constructor(
    private readonly db: Database,
    private readonly options: {
      /** Where to keep a snapshot of the index between runs (large databases start in seconds). */
      snapshotPath?: string;
      /** Told how the index came to be, for logs. */
      onIndexed?: (how: "built" | "loaded", events: number, seconds: number) => void;
      /** Told how far a build has come, for a progress line. */
      onProgress?: (indexed: number, total: number) => void;
      /** Awaited before each build starts (lets a caller hold rebuilds back, as tests of readers do). */
      beforeBuild?: () => Promise<void>;
    } = {},
  ) {}

  /**
   * The index to answer from. When the data changed, a rebuild starts, but readers never wait for it
   * while there is an index: they get the previous one until the new one is ready. Only the first
   * call, with no index yet, waits for the build.
   */
  async currentIndex(): Promise<SearchIndex> {
    const version = await readDataVersion(this.db);
    if (this.index && version === this.version) return this.index;
    const build = this.rebuild(version);
    if (!this.index) return build;
    build.catch((error: Error) =>
      process.stderr.write(`warning: the search index could not be rebuilt: ${error.message}\n`),
    );
    return this.index;
  }

  /** The data version of the index that answers now (a rebuild may be under way for a newer one). */
  async servedVersion(): Promise<number> {
    await this.currentIndex();
    return this.version;
  }

  /** Resolves once no rebuild is running, for callers that need the newest index (tests, tools). */
  async settled(): Promise<void> {
    while (this.building) await this.building.catch(() => undefined);
  }

  private rebuild(version: number): Promise<SearchIndex> {
    this.building ??= (async () => {
      await this.options.beforeBuild?.();
      const index = await this.loadOrBuild(version);
      this.index = index;
      this.version = version;
      return index;
    })().finally(() => {
      this.building = null;
    });
    return this.building;
  }

  private async loadOrBuild(version: number): Promise<SearchIndex> {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    const path = this.options.snapshotPath;
    const stamp = {
      databaseId: await readDatabaseId(this.db),
      dataVersion: version,
      events: await countEvents(this.db),
    };
    const useSnapshot = path !== undefined && stamp.events >= SNAPSHOT_THRESHOLD;
    if (useSnapshot) {
      const loaded = await readSnapshot(path, stamp);
      if (loaded) {
        this.options.onIndexed?.("loaded", loaded.size, seconds());
        return loaded;
      }
    }
    const built = await SearchIndex.fromStream(streamEventsNewestFirst(this.db), (indexed) =>
      this.options.onProgress?.(indexed, stamp.events),
    );
    this.options.onIndexed?.("built", built.size, seconds());
    if (useSnapshot)
      await writeSnapshot(path, built, stamp).catch((error: Error) =>
        process.stderr.write(`warning: could not save the search index to ${path}: ${error.message}\n`),
      );
    return built;
  }

  /** Runs a search and loads the page of events, each with a snippet when there is a query. */
  async search(params: SearchParams): Promise<SearchOutcome> {
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
    const events = await findEvents(this.db, result.ids);
    const lang = params.lang ?? "zh";
    return {
      hits: events.map((event) => ({ event, snippet: query ? makeSnippet(event, query, lang) : null })),
      total: result.total,
      facets: result.facets ? withYears(result.facets) : null,
    };
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
