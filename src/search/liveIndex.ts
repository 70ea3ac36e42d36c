import type { Event } from "../domain/event.js";
import { dateBounds } from "../domain/partialDate.js";
import { RoaringBitmap32 } from "./bitmaps.js";
import {
  type Facet,
  type FacetCounts,
  FACETS,
  type IndexFilter,
  type Matches,
  type SearchRequest,
  type SearchResult,
  SearchIndex,
} from "./searchIndex.js";

/**
 * An index that follows writes without being built again: a large base index (built from every event,
 * or loaded from a snapshot) in which the documents of changed events are hidden, and a small index of
 * the events changed since (the delta), built afresh on each change. Searching asks both and merges
 * their answers in the same order a single index would give (by bucket, then newest first).
 *
 * A live index never changes once made: applying changes makes a new one that shares the base, so a
 * reader (an export reading page after page) keeps one consistent view while newer ones replace it.
 * When the delta grows large, the owner builds a new base (see SearchService) and starts over.
 */
export class LiveIndex {
  private overall: FacetCounts | null = null;

  private constructor(
    readonly base: SearchIndex,
    /** Documents of the base still current (not replaced or removed since it was built). */
    private readonly visible: RoaringBitmap32,
    /** The events changed since the base was built, by id (their current version). */
    private readonly changed: ReadonlyMap<string, Event>,
    private readonly delta: SearchIndex,
  ) {}

  /** A live index of a base with nothing changed since. */
  static of(base: SearchIndex): LiveIndex {
    return new LiveIndex(base, base.allDocs, new Map(), new SearchIndex());
  }

  /** Events changed since the base was built: the delta's size, which decides when to rebuild. */
  get changedCount(): number {
    return this.changed.size;
  }

  get size(): number {
    return this.visible.size + this.delta.size;
  }

  /**
   * A new live index with changes applied: `events` are the current versions of changed events,
   * `removed` the ids of events that no longer exist. The base's documents of every id are hidden; the
   * delta is built again from every event changed since the base (a few thousand at most).
   */
  apply(events: readonly Event[], removed: readonly string[]): LiveIndex {
    const ids = new Set([...events.map((event) => event.id), ...removed]);
    const visible = this.visible.clone();
    for (const doc of this.base.docsOf(ids)) visible.remove(doc);
    const changed = new Map(this.changed);
    for (const id of removed) changed.delete(id);
    for (const event of events) changed.set(event.id, event);
    return new LiveIndex(this.base, visible, changed, new SearchIndex(newestFirst([...changed.values()])));
  }

  overallCounts(): FacetCounts {
    this.overall ??=
      this.delta.size === 0 && this.visible === this.base.allDocs
        ? this.base.overallCounts()
        : addCounts(this.base.facetCounts(this.visible), this.delta.overallCounts());
    return this.overall;
  }

  crossCounts(rows: Facet, columns: Facet, filter: IndexFilter = {}): Record<string, Record<string, number>> {
    const base = this.base.crossCounts(rows, columns, filter, this.visible);
    if (this.delta.size === 0) return base;
    const delta = this.delta.crossCounts(rows, columns, filter);
    for (const [row, counts] of Object.entries(delta)) base[row] = addCounts1(base[row] ?? {}, counts);
    return base;
  }

  /** Runs a search over base and delta: the page of ids in order, the number of matches, facet counts. */
  search(request: SearchRequest): SearchResult {
    return this.both(request, (base, delta) => {
      const total = base.match.size + delta.match.size;
      const facets = request.facets
        ? total === this.size
          ? this.overallCounts()
          : addCounts(this.base.facetCounts(base.match), this.delta.facetCounts(delta.match))
        : null;
      return { ids: this.page(base, delta, request), total, facets };
    });
  }

  /** Every match of a search in its order, a page of ids at a time (see SearchIndex.matchingIdPages). */
  matchingIdPages(
    request: Pick<SearchRequest, "query" | "filter" | "sort">,
    pageSize: number,
  ): { total: number; pages: Generator<string[]> } {
    // Copies that outlive the search's working bitmaps; the pages free them when done.
    const [base, delta] = this.both(request, (b, d) => [copy(b), copy(d)] as const);
    const total = base.match.size + delta.match.size;
    const placements: Placements = new Map();
    const pageAt = (offset: number) =>
      this.page(base, delta, { sort: request.sort, offset, limit: pageSize }, placements);
    function* pages(): Generator<string[]> {
      try {
        for (let offset = 0; offset < total; offset += pageSize) yield pageAt(offset);
      } finally {
        for (const bitmap of [base.match, ...base.buckets, delta.match, ...delta.buckets]) bitmap.dispose();
      }
    }
    return { total, pages: pages() };
  }

  private both<T>(
    request: Pick<SearchRequest, "query" | "filter" | "sort">,
    use: (base: Matches, delta: Matches) => T,
  ): T {
    return this.base.withMatches(request, this.visible, (base) =>
      this.delta.withMatches(request, this.delta.allDocs, (delta) => use(base, delta)),
    );
  }

  /** The ids at positions offset … offset + limit of the merged order of two searches' matches. */
  private page(
    base: Matches,
    delta: Matches,
    request: Pick<SearchRequest, "sort" | "offset" | "limit">,
    placements: Placements = new Map(),
  ): string[] {
    if (request.sort === "date") {
      // Oldest first: the newest-first order read backwards.
      const total = base.match.size + delta.match.size;
      const end = Math.max(0, total - request.offset);
      const start = Math.max(0, end - request.limit);
      return this.mergedRange(base.match, delta.match, start, end - start, placements).reverse();
    }
    const ids: string[] = [];
    let skip = request.offset;
    for (const [i, baseBucket] of base.buckets.entries()) {
      if (ids.length >= request.limit) break;
      const deltaBucket = delta.buckets[i] as RoaringBitmap32;
      const size = baseBucket.size + deltaBucket.size;
      if (skip >= size) {
        skip -= size;
        continue;
      }
      ids.push(...this.mergedRange(baseBucket, deltaBucket, skip, request.limit - ids.length, placements));
      skip = 0;
    }
    return ids;
  }

  /**
   * Positions start … start + count of a base bucket and a delta bucket merged newest first (of equal
   * first days, the base's documents come first). The delta is small: each of its documents is placed
   * by counting the base documents as new or newer than it, and the base fills the positions between.
   */
  private mergedRange(
    base: RoaringBitmap32,
    delta: RoaringBitmap32,
    start: number,
    count: number,
    placements: Placements,
  ): string[] {
    const end = Math.min(start + count, base.size + delta.size);
    if (delta.isEmpty)
      return Array.from(base.rangeUint32Array(start, end - start), (doc) => this.base.idOf(doc));
    let placed = placements.get(delta);
    if (!placed) {
      const docs = delta.toUint32Array();
      const positions = Array.from(docs, (doc, j) => j + this.base.countFromDay(base, this.delta.dayOf(doc)));
      placed = { docs, positions };
      placements.set(delta, placed);
    }
    const { docs: deltaDocs, positions } = placed;
    let j = 0;
    while (j < positions.length && (positions[j] as number) < start) j++;
    let baseRank = start - j;
    const ids: string[] = [];
    for (let at = start; at < end;) {
      if (j < positions.length && positions[j] === at) {
        ids.push(this.delta.idOf(deltaDocs[j] as number));
        j++;
        at++;
        continue;
      }
      const run = Math.min(end, j < positions.length ? (positions[j] as number) : end) - at;
      for (const doc of base.rangeUint32Array(baseRank, run)) ids.push(this.base.idOf(doc));
      baseRank += run;
      at += run;
    }
    return ids;
  }
}

/** Where the documents of a delta bucket fall in the merged order, kept while one search's pages are read. */
type Placements = Map<RoaringBitmap32, { docs: Uint32Array; positions: number[] }>;

/** Events in the order the index numbers documents: newest first (as the database streams them). */
function newestFirst(events: Event[]): Event[] {
  const firstDay = new Map(events.map((event) => [event, dateBounds(event.date.start).first]));
  const key = (event: Event) => firstDay.get(event) as string;
  return events.sort((a, b) => {
    const byDay = key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0;
    if (byDay !== 0) return byDay;
    return (b.seq ?? -1) - (a.seq ?? -1) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  });
}

function copy(matches: Matches): Matches {
  return { match: matches.match.clone(), buckets: matches.buckets.map((bucket) => bucket.clone()) };
}

function addCounts1(a: Record<string, number>, b: Record<string, number>): Record<string, number> {
  const sum = { ...a };
  for (const [key, n] of Object.entries(b)) sum[key] = (sum[key] ?? 0) + n;
  return sum;
}

function addCounts(a: FacetCounts, b: FacetCounts): FacetCounts {
  return Object.fromEntries(FACETS.map((facet) => [facet, addCounts1(a[facet], b[facet])])) as FacetCounts;
}
