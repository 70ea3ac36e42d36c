import type { Event } from "../domain/event.js";
import type { EventFilter } from "../domain/eventQuery.js";
import { dateBounds } from "../domain/partialDate.js";
import { andMany, RoaringBitmap32 } from "./bitmaps.js";
import type { ParsedQuery, QueryClause } from "./queryParser.js";
import { dayNumber, firstIndexAtOrBefore, lowerBound } from "./orderedSearch.js";
import { PackedStrings } from "./packedStrings.js";
import {
  DocumentIndexer,
  type DocumentRecords,
  type Facet,
  FACETS,
  type Field,
  FIELDS,
  type IndexedTerms,
} from "./documentIndexer.js";
import { isHanTerm, phraseKey, stemWord } from "./textTerms.js";

/**
 * An in-memory inverted index over events, in the manner of Meilisearch: a compressed bitmap (roaring)
 * of document numbers per term and field and per facet value. Matching, filtering and facet counting
 * are bitmap operations; ranking is a bucket sort (title before summary before sources) that reads
 * only as many documents as a page needs, instead of scoring every match (see docs/notes/search-at-scale.md: bm25 over
 * all matches costs ~375 ms for a broad word at 1M events).
 *
 * Documents are numbered newest first, so that ascending bitmap order is "newest first".
 */

export { FACETS, FIELDS, type Facet, type Field } from "./documentIndexer.js";
export type FacetCounts = Record<Facet, Record<string, number>>;

/** The filters the index applies (those of storage, less lookups by id). */
export type IndexFilter = Omit<EventFilter, "ids">;

export type SearchSort = "relevance" | "date" | "-date";

export interface SearchRequest {
  query: ParsedQuery | null;
  filter: IndexFilter;
  sort: SearchSort;
  offset: number;
  limit: number;
  facets: boolean;
}

/** What readers of an index use: a SearchIndex, or a LiveIndex that follows writes over one. */
export type QueryableIndex = Pick<
  SearchIndex,
  "size" | "search" | "matchingIdPages" | "overallCounts" | "crossCounts"
>;

/** What a search matched: every document, and the same split into the buckets of its order. */
export interface Matches {
  match: RoaringBitmap32;
  buckets: RoaringBitmap32[];
}

export interface SearchResult {
  ids: string[];
  total: number;
  facets: FacetCounts | null;
}

const EMPTY = new RoaringBitmap32();
const MAX_PREFIX_EXPANSIONS = 64;
const MAX_PHRASE_CHECKS = 5000;

/** What an index holds, apart from what can be derived from it: the unit a snapshot stores. */
export interface IndexContent {
  /** By document: its id, its title as a phrase key, its first day (days since 1970). */
  ids: PackedStrings;
  titles: PackedStrings;
  firstDayNumbers: Int32Array;
  /** Documents whose last day is after their first, with that day (a day number). */
  spanLastDay: [number, number][];
  longestSpanDays: number;
  words: [string, string][];
  postings: Record<Field, Map<string, RoaringBitmap32>>;
  facetValues: Record<Facet, Map<string, RoaringBitmap32>>;
}

export class SearchIndex {
  // What queries read, packed once building ends (see PackedStrings); the arrays above are then emptied.
  private idText = PackedStrings.of([]);
  private titleText = PackedStrings.of([]);
  /** First day of each document as a day number, descending (documents are numbered newest first). */
  private firstDayNumbers: Int32Array = new Int32Array(0);
  /** Last day of each span document, by document. */
  private lastDayNumbers: Int32Array = new Int32Array(0);
  /** Documents whose last day is after their first (spans, months, years), for "from" filters. */
  private spanDocs = new RoaringBitmap32();
  private longestSpanDays = 0;
  private postings: Record<Field, Map<string, RoaringBitmap32>> = {
    title: new Map(),
    summary: new Map(),
    sources: new Map(),
  };
  private facetValues = Object.fromEntries(FACETS.map((f) => [f, new Map()])) as Record<
    Facet,
    Map<string, RoaringBitmap32>
  >;
  /** Distinct Latin words seen, sorted, with their stems: prefix search runs over this. */
  private words: string[] = [];
  private readonly stemOf = new Map<string, string>();
  /** CJK bigrams by the characters they contain, so that a one-character query finds its words. */
  private readonly bigramsOfChar = new Map<string, string[]>();
  private all: RoaringBitmap32 = new RoaringBitmap32();
  private overall: FacetCounts | null = null;
  /** Bitmaps made while answering one search, freed when it returns. */
  private readonly working: RoaringBitmap32[] = [];

  /** Indexes events given newest first (the order document numbers follow). */
  constructor(events: Iterable<Event> = []) {
    const indexer = new DocumentIndexer();
    let doc = 0;
    for (const event of events) indexer.add(event, doc++);
    this.assemble(indexer.takeRecords(), indexer.finish());
  }

  /** Indexes events read one at a time (newest first), without holding them all in memory. */
  static async fromStream(
    events: AsyncIterable<Event>,
    onProgress?: (indexed: number) => void,
  ): Promise<SearchIndex> {
    const indexer = new DocumentIndexer();
    const records: DocumentRecords[] = [];
    let doc = 0;
    for await (const event of events) {
      indexer.add(event, doc++);
      if (doc % 10_000 === 0) {
        records.push(indexer.takeRecords());
        onProgress?.(doc);
      }
    }
    records.push(indexer.takeRecords());
    return SearchIndex.fromParts(records, [indexer.finish()]);
  }

  /**
   * An index from parts indexed apart (in order, or by several workers): the records of every
   * document, by document number, and the terms of each part, whose bitmaps are joined.
   */
  static fromParts(records: DocumentRecords[], parts: IndexedTerms[]): SearchIndex {
    const index = new SearchIndex();
    const joined: DocumentRecords = { docs: [], ids: [], firstDays: [], titles: [], spanLastDay: [] };
    for (const part of records) {
      for (let i = 0; i < part.docs.length; i++) {
        const doc = part.docs[i] as number;
        joined.ids[doc] = part.ids[i] as string;
        joined.firstDays[doc] = part.firstDays[i] as string;
        joined.titles[doc] = part.titles[i] as string;
      }
      for (const span of part.spanLastDay) joined.spanLastDay.push(span);
    }
    const [first, ...rest] = parts;
    const terms: IndexedTerms = first ?? new DocumentIndexer().finish();
    for (const part of rest) {
      for (const field of FIELDS) joinBitmaps(terms.postings[field], part.postings[field]);
      for (const facet of FACETS) joinBitmaps(terms.facetValues[facet], part.facetValues[facet]);
      for (const [word, stem] of part.words) if (!terms.words.has(word)) terms.words.set(word, stem);
      terms.longestSpanDays = Math.max(terms.longestSpanDays, part.longestSpanDays);
    }
    index.assemble(joined, terms);
    return index;
  }

  private assemble(records: DocumentRecords, terms: IndexedTerms): void {
    this.install({
      ids: PackedStrings.of(records.ids),
      titles: PackedStrings.of(records.titles),
      firstDayNumbers: Int32Array.from(records.firstDays, dayNumber),
      spanLastDay: records.spanLastDay.map(([doc, day]): [number, number] => [doc, dayNumber(day)]),
      longestSpanDays: terms.longestSpanDays,
      words: [...terms.words],
      postings: terms.postings,
      facetValues: terms.facetValues,
    });
  }

  /** Takes content as the index's own, and computes what follows from it. */
  private install(content: IndexContent): void {
    this.idText = content.ids;
    this.titleText = content.titles;
    this.firstDayNumbers = content.firstDayNumbers;
    this.longestSpanDays = content.longestSpanDays;
    this.postings = content.postings;
    this.facetValues = content.facetValues;
    this.stemOf.clear();
    for (const [word, stem] of content.words) this.stemOf.set(word, stem);
    this.words = [...this.stemOf.keys()].sort();
    this.lastDayNumbers = Int32Array.from(this.firstDayNumbers);
    for (const [doc, day] of content.spanLastDay) this.lastDayNumbers[doc] = day;
    this.spanDocs = new RoaringBitmap32(Uint32Array.from(content.spanLastDay, ([doc]) => doc));
    this.all = new RoaringBitmap32();
    if (this.idText.length > 0) this.all.addRange(0, this.idText.length);
    // Bigrams by character, so that a one-character query finds its words.
    this.bigramsOfChar.clear();
    for (const term of new Set(FIELDS.flatMap((f) => [...this.postings[f].keys()]))) {
      const chars = [...term];
      if (chars.length !== 2 || !isHanTerm(term)) continue;
      for (const char of new Set(chars)) {
        const list = this.bigramsOfChar.get(char);
        if (list) list.push(term);
        else this.bigramsOfChar.set(char, [term]);
      }
    }
    this.overall = null;
  }

  /** The index's content, for a snapshot file (see indexSnapshot.ts). */
  toContent(): IndexContent {
    return {
      ids: this.idText,
      titles: this.titleText,
      firstDayNumbers: this.firstDayNumbers,
      spanLastDay: [...this.spanDocs].map((doc): [number, number] => [
        doc,
        this.lastDayNumbers[doc] as number,
      ]),
      longestSpanDays: this.longestSpanDays,
      words: this.words.map((word) => [word, this.stemOf.get(word) ?? word]),
      postings: this.postings,
      facetValues: this.facetValues,
    };
  }

  /** An index from content saved earlier, without reading a single event. */
  static fromContent(content: IndexContent): SearchIndex {
    const index = new SearchIndex();
    index.install(content);
    return index;
  }

  get size(): number {
    return this.idText.length;
  }

  private scratch(bitmap: RoaringBitmap32): RoaringBitmap32 {
    this.working.push(bitmap);
    return bitmap;
  }

  /**
   * Terms a clause stands for in the index: its own and its other writings, plus bigrams of its
   * character, plus (unless `exact`) the words it begins.
   */
  private alternatives(clause: QueryClause, exact = false): string[][] {
    const options: string[][] = [clause.terms, ...clause.writings];
    // A number's pieces apart (`SB 53` for `SB53`) match, but not as typed: they rank below it.
    if (clause.pieces && !exact) options.push(clause.pieces);
    if (clause.singleHan)
      for (const bigram of this.bigramsOfChar.get(clause.singleHan) ?? []) options.push([bigram]);
    if (clause.prefix && !exact) {
      const stems = new Set<string>();
      let i = lowerBound(this.words, clause.prefix);
      for (; i < this.words.length && stems.size < MAX_PREFIX_EXPANSIONS; i++) {
        const word = this.words[i] as string;
        if (!word.startsWith(clause.prefix)) break;
        stems.add(this.stemOf.get(word) ?? stemWord(word));
      }
      for (const stem of stems) if (stem !== clause.terms[0]) options.push([stem]);
    }
    return options;
  }

  /** Documents whose field matches a clause (with `exact`, as typed: not by a word it only begins). */
  private clauseInField(clause: QueryClause, field: Field, exact = false): RoaringBitmap32 {
    const postings = this.postings[field];
    const result = this.scratch(new RoaringBitmap32());
    for (const terms of this.alternatives(clause, exact)) {
      let match: RoaringBitmap32 | null = null;
      for (const term of terms) {
        const bitmap = postings.get(term) ?? EMPTY;
        match = this.scratch(match === null ? bitmap.clone() : RoaringBitmap32.and(match, bitmap));
        if (match.isEmpty) break;
      }
      if (match) result.orInPlace(match);
    }
    return result;
  }

  private union(facet: Facet, values: string[], withChildren = false): RoaringBitmap32 {
    const result = this.scratch(new RoaringBitmap32());
    for (const [value, bitmap] of this.facetValues[facet])
      if (values.includes(value) || (withChildren && values.some((v) => value.startsWith(`${v}-`))))
        result.orInPlace(bitmap);
    return result;
  }

  /** The documents a filter admits, of those visible (every document, unless a live index hides some). */
  private filtered(filter: IndexFilter, visible: RoaringBitmap32 = this.all): RoaringBitmap32 {
    let result = this.scratch(visible.clone());
    if (filter.to) {
      // Numbered newest first: those starting on or before `to` are a tail of the numbering.
      const last = dateBounds(filter.to).last;
      const start = firstIndexAtOrBefore(this.firstDayNumbers, dayNumber(last));
      result.removeRange(0, start);
    }
    if (filter.from) {
      const first = dateBounds(filter.from).first;
      // Those starting on or after `from` are a head of the numbering; of those starting before it, only
      // spans that began within the longest span's length can still reach it.
      const firstNumber = dayNumber(first);
      const startedAfter = firstIndexAtOrBefore(this.firstDayNumbers, firstNumber - 1);
      const reachBack = firstIndexAtOrBefore(this.firstDayNumbers, firstNumber - this.longestSpanDays - 1);
      const admitted = this.scratch(new RoaringBitmap32());
      admitted.addRange(0, startedAfter);
      if (reachBack > startedAfter) {
        const window = this.scratch(new RoaringBitmap32());
        window.addRange(startedAfter, reachBack);
        for (const doc of this.scratch(RoaringBitmap32.and(window, this.spanDocs)))
          if ((this.lastDayNumbers[doc] as number) >= firstNumber) admitted.add(doc);
      }
      result = this.scratch(RoaringBitmap32.and(result, admitted));
    }
    if (filter.jurisdictions?.length)
      result.andInPlace(this.union("jurisdiction", filter.jurisdictions, true));
    if (filter.types?.length) result.andInPlace(this.union("type", filter.types));
    if (filter.levels?.length) result.andInPlace(this.union("level", filter.levels));
    if (filter.bindingness?.length) result.andInPlace(this.union("bindingness", filter.bindingness));
    for (const tag of filter.tags ?? []) result.andInPlace(this.facetValues.tag.get(tag) ?? EMPTY);
    return result;
  }

  /** Counts per facet value over every document: the statistics of the whole dataset. */
  overallCounts(): FacetCounts {
    this.overall ??= this.facetCounts(this.all);
    return this.overall;
  }

  /** Counts per facet value among the given documents. */
  facetCounts(docs: RoaringBitmap32): FacetCounts {
    const counts = {} as FacetCounts;
    for (const facet of FACETS) {
      const values: Record<string, number> = {};
      for (const [value, bitmap] of this.facetValues[facet]) {
        const n = docs.andCardinality(bitmap);
        if (n > 0) values[value] = n;
      }
      counts[facet] = values;
    }
    return counts;
  }

  /**
   * Counts per pair of values of two facets among the documents a filter admits (events per month by
   * type, for the charts): one bitmap intersection per pair, never a pass over the events.
   */
  crossCounts(
    rows: Facet,
    columns: Facet,
    filter: IndexFilter = {},
    visible: RoaringBitmap32 = this.all,
  ): Record<string, Record<string, number>> {
    try {
      const match = this.filtered(filter, visible);
      const result: Record<string, Record<string, number>> = {};
      for (const [row, rowBitmap] of this.facetValues[rows]) {
        const inRow = this.scratch(RoaringBitmap32.and(match, rowBitmap));
        if (inRow.isEmpty) continue;
        const counts: Record<string, number> = {};
        for (const [column, columnBitmap] of this.facetValues[columns]) {
          const n = inRow.andCardinality(columnBitmap);
          if (n > 0) counts[column] = n;
        }
        result[row] = counts;
      }
      return result;
    } finally {
      for (const bitmap of this.working) bitmap.dispose();
      this.working.length = 0;
    }
  }

  /** Runs a search: the page of ids in order, the number of matches, and facet counts over all matches. */
  search(request: SearchRequest): SearchResult {
    try {
      return this.run(request);
    } finally {
      // Free the working bitmaps now: left to the garbage collector, their native memory piles up and
      // forces full collections of the whole heap, which showed as 50–100 ms pauses at 1M events.
      for (const bitmap of this.working) bitmap.dispose();
      this.working.length = 0;
    }
  }

  /** The matching documents, and the buckets that order them (one bucket unless ranked by relevance). */
  private matchAndBuckets(
    request: Pick<SearchRequest, "query" | "filter" | "sort">,
    visible: RoaringBitmap32 = this.all,
  ): Matches {
    const match = this.filtered(request.filter, visible);
    const clauses = request.query?.clauses ?? [];
    let buckets: RoaringBitmap32[] = [match];
    if (clauses.length > 0) {
      const perField = clauses.map((clause) => FIELDS.map((field) => this.clauseInField(clause, field)));
      for (const fields of perField) match.andInPlace(this.scratch(RoaringBitmap32.orMany(fields)));
      if (request.sort === "relevance") {
        // The same, each clause as typed: `act` in a title outranks `action` (the same bitmaps for a
        // clause that begins no other word).
        const exact = clauses.map((clause, i) =>
          clause.prefix || clause.pieces
            ? FIELDS.map((field) => this.clauseInField(clause, field, true))
            : (perField[i] as RoaringBitmap32[]),
        );
        buckets = this.rankBuckets(match, perField, exact, request.query as ParsedQuery);
      }
    }
    return { match, buckets };
  }

  /**
   * Every match of a search in its order, page by page (exports): the search runs once, and each page
   * is read from its result as the consumer asks for it, instead of searching again per page. The pages
   * keep reading this index even if a newer one replaces it meanwhile, so an export is one consistent
   * view of the data.
   */
  matchingIdPages(
    request: Pick<SearchRequest, "query" | "filter" | "sort">,
    pageSize: number,
  ): { total: number; pages: Generator<string[]> } {
    let order: RoaringBitmap32[];
    let total: number;
    try {
      const { match, buckets } = this.matchAndBuckets(request);
      total = match.size;
      // Copies outside the working set, which is freed as this method returns; the pages free them.
      order = buckets.map((bucket) => bucket.clone());
    } finally {
      for (const bitmap of this.working) bitmap.dispose();
      this.working.length = 0;
    }
    const ids = this.idText;
    const oldestFirst = request.sort === "date";
    function* pages(): Generator<string[]> {
      try {
        for (const bucket of order) {
          const size = bucket.size;
          for (let read = 0; read < size; read += pageSize) {
            const count = Math.min(pageSize, size - read);
            // Document numbers run newest first: oldest first reads the numbering backwards.
            const docs = bucket.rangeUint32Array(oldestFirst ? size - read - count : read, count);
            const page: string[] = new Array(docs.length);
            for (let i = 0; i < docs.length; i++)
              page[i] = ids.get(docs[oldestFirst ? docs.length - 1 - i : i] as number);
            yield page;
          }
        }
      } finally {
        for (const bitmap of order) bitmap.dispose();
      }
    }
    return { total, pages: pages() };
  }

  /**
   * Runs `use` on the matches of a request among the visible documents, then frees every bitmap made
   * for them: what a live index (see liveIndex.ts) combines from two indexes. `use` must copy what it
   * keeps.
   */
  withMatches<T>(
    request: Pick<SearchRequest, "query" | "filter" | "sort">,
    visible: RoaringBitmap32,
    use: (matches: Matches) => T,
  ): T {
    try {
      return use(this.matchAndBuckets(request, visible));
    } finally {
      for (const bitmap of this.working) bitmap.dispose();
      this.working.length = 0;
    }
  }

  /** Every document of the index (a live index makes its visible set from this one). */
  get allDocs(): RoaringBitmap32 {
    return this.all;
  }

  /** The id of a document. */
  idOf(doc: number): string {
    return this.idText.get(doc);
  }

  /** The first day (a day number) of a document. */
  dayOf(doc: number): number {
    return this.firstDayNumbers[doc] as number;
  }

  /** How many documents of a set start on or after a day: those a document of that day comes after. */
  countFromDay(docs: RoaringBitmap32, day: number): number {
    return docs.rangeCardinality(0, firstIndexAtOrBefore(this.firstDayNumbers, day - 1));
  }

  /** The documents holding these ids (each id at most once in an index). */
  docsOf(ids: ReadonlySet<string>): number[] {
    return this.idText.positionsOf(ids);
  }

  private run(request: SearchRequest): SearchResult {
    const { match, buckets } = this.matchAndBuckets(request);
    const total = match.size;
    const ids: string[] = [];
    if (request.sort === "date") {
      // Oldest first: read the numbering backwards.
      const end = Math.max(0, total - request.offset);
      const begin = Math.max(0, end - request.limit);
      const page = match.rangeUint32Array(begin, end - begin);
      for (let i = page.length - 1; i >= 0; i--) ids.push(this.idText.get(page[i] as number));
    } else {
      let skip = request.offset;
      for (const bucket of buckets) {
        if (ids.length >= request.limit) break;
        if (skip >= bucket.size) {
          skip -= bucket.size;
          continue;
        }
        const page = bucket.rangeUint32Array(skip, request.limit - ids.length);
        skip = 0;
        for (const doc of page) ids.push(this.idText.get(doc));
      }
    }
    const facets = request.facets
      ? total === this.size
        ? this.overallCounts()
        : this.facetCounts(match)
      : null;
    return { ids, total, facets };
  }

  /**
   * Splits the matches into ranked buckets, each newest first: the query as a phrase in the title, its
   * words as typed; every clause in the title as typed; the phrase in the title; every clause in the
   * title (some only as the beginning of a word); every clause in title or summary as typed; every clause
   * in the summary; every clause in title or summary; the rest (a clause found only in the sources).
   */
  private rankBuckets(
    match: RoaringBitmap32,
    perField: RoaringBitmap32[][],
    exact: RoaringBitmap32[][],
    query: ParsedQuery,
  ): RoaringBitmap32[] {
    const all = (bitmaps: RoaringBitmap32[]) => this.scratch(andMany(bitmaps));
    const inTitle = this.scratch(
      RoaringBitmap32.and(match, all(perField.map((f) => f[0] as RoaringBitmap32))),
    );
    const prefixed = exact !== perField && exact.some((fields, i) => fields !== perField[i]);
    const exactInTitle = prefixed
      ? this.scratch(RoaringBitmap32.and(inTitle, all(exact.map((f) => f[0] as RoaringBitmap32))))
      : inTitle;
    const exactInBody = prefixed
      ? this.scratch(
          RoaringBitmap32.and(
            match,
            all(
              exact.map((f) =>
                this.scratch(RoaringBitmap32.or(f[0] as RoaringBitmap32, f[1] as RoaringBitmap32)),
              ),
            ),
          ),
        )
      : this.scratch(new RoaringBitmap32());
    const inSummary = this.scratch(
      RoaringBitmap32.and(match, all(perField.map((f) => f[1] as RoaringBitmap32))),
    );
    const inBody = this.scratch(
      RoaringBitmap32.and(
        match,
        all(
          perField.map((f) =>
            this.scratch(RoaringBitmap32.or(f[0] as RoaringBitmap32, f[1] as RoaringBitmap32)),
          ),
        ),
      ),
    );
    let titlePhrase = this.scratch(new RoaringBitmap32());
    // With several clauses, or one number whose pieces may stand apart (`SB53` in `SB 53 signed`, not in
    // `SB 1047 … AB 53`): the phrase key, letters and digits alone, tells them apart.
    if ((perField.length > 1 || query.clauses[0]?.pieces) && inTitle.size <= MAX_PHRASE_CHECKS) {
      const phrase = Buffer.from(phraseKey(query.phrase), "utf8");
      for (const doc of inTitle) if (this.titleText.includes(doc, phrase)) titlePhrase.add(doc);
    }
    if (titlePhrase.size === inTitle.size) titlePhrase = this.scratch(new RoaringBitmap32());
    // A phrase key holds letters and digits alone, so `ai act` is found in `AI+ Action` too: the phrase
    // ranks first where its words are in the title as typed.
    const exactPhrase = prefixed ? this.scratch(RoaringBitmap32.and(titlePhrase, exactInTitle)) : titlePhrase;
    const ordered = [exactPhrase, exactInTitle, titlePhrase, inTitle, exactInBody, inSummary, inBody, match];
    const seen = this.scratch(new RoaringBitmap32());
    return ordered.map((bucket) => {
      const fresh = this.scratch(RoaringBitmap32.andNot(bucket, seen));
      seen.orInPlace(fresh);
      return fresh;
    });
  }
}

/** Adds the bitmaps of `more` into `into`, term by term (the parts hold different documents). */
function joinBitmaps(into: Map<string, RoaringBitmap32>, more: Map<string, RoaringBitmap32>): void {
  for (const [term, bitmap] of more) {
    const existing = into.get(term);
    if (existing) existing.orInPlace(bitmap);
    else into.set(term, bitmap);
  }
}
