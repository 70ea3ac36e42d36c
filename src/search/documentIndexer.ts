import { countedJurisdictions } from "../domain/jurisdictionCounting.js";
import type { Event } from "../domain/event.js";
import { dateBounds } from "../domain/partialDate.js";
import type { RoaringBitmap32 } from "./bitmaps.js";
import { daysBetween } from "./orderedSearch.js";
import { PostingBuilder } from "./postingBuilder.js";
import { IndexTermScanner, normalizeText, phraseKeyOfNormal } from "./textTerms.js";

export const FACETS = ["jurisdiction", "level", "type", "bindingness", "tag", "month"] as const;
export type Facet = (typeof FACETS)[number];

export const FIELDS = ["title", "summary", "sources"] as const;

/**
 * Bump whenever what an event contributes to a field or a facet changes (snapshots of older indexes are
 * rebuilt). 2: an event's identifiers are indexed with its title. 3: a state's or province's event is
 * also its country's in the jurisdiction facet.
 */
export const INDEXED_CONTENT_VERSION = 3;
export type Field = (typeof FIELDS)[number];

/** What is kept of each document, by document: its id, first day, title key, and last day if later. */
export interface DocumentRecords {
  docs: number[];
  ids: string[];
  firstDays: string[];
  titles: string[];
  spanLastDay: [number, string][];
}

/** The postings of the documents indexed, and the words seen (with their stems) for prefix search. */
export interface IndexedTerms {
  postings: Record<Field, Map<string, RoaringBitmap32>>;
  facetValues: Record<Facet, Map<string, RoaringBitmap32>>;
  words: Map<string, string>;
  longestSpanDays: number;
}

/** Documents between which posting lists are turned into bitmaps, so that lists never grow large. */
const FLUSH_EVERY = 20_000;

function sourceText(event: Event): string {
  return event.sources.map((s) => `${s.publisher ?? ""} ${s.text ?? s.url ?? ""}`).join(" ");
}

/**
 * Turns events into what the search index is made of: terms per field and facet values, each with
 * its documents, and a few facts per document. Documents are numbered by the caller, in ascending
 * order, so that the work can be split (see parallelBuild.ts): each part indexes its own documents and
 * the parts' bitmaps are joined.
 */
export class DocumentIndexer {
  private readonly fields = {
    title: new PostingBuilder(),
    summary: new PostingBuilder(),
    sources: new PostingBuilder(),
  };
  private readonly facets = Object.fromEntries(FACETS.map((f) => [f, new PostingBuilder()])) as Record<
    Facet,
    PostingBuilder
  >;
  private readonly words = new Map<string, string>();
  private records: DocumentRecords = { docs: [], ids: [], firstDays: [], titles: [], spanLastDay: [] };
  private longestSpanDays = 0;
  private sinceFlush = 0;
  /** The document being added: the scanners below are made once, not per document and field. */
  private doc = 0;
  /** One for every field: the scanners tell a word to it once (see IndexTermSink). */
  private readonly addWord = (word: string, stem: string) => {
    if (!this.words.has(word)) this.words.set(word, stem);
  };
  private readonly scanners = FIELDS.map((field) => {
    const builder = this.fields[field];
    return {
      field,
      scanner: new IndexTermScanner({
        term: (term) => builder.add(term, this.doc),
        word: this.addWord,
        hanPair: (first, second) => builder.addPair(first, second, this.doc),
      }),
    };
  });

  add(event: Event, doc: number): void {
    const records = this.records;
    records.docs.push(doc);
    records.ids.push(event.id);
    const first = dateBounds(event.date.start).first;
    const last = dateBounds(event.date.end ?? event.date.start).last;
    records.firstDays.push(first);
    if (last > first) {
      records.spanLastDay.push([doc, last]);
      this.longestSpanDays = Math.max(this.longestSpanDays, daysBetween(first, last));
    }
    // The title is normalised once, for its phrase key and its terms.
    const title = normalizeText(`${event.title.zh ?? ""} ${event.title.en ?? ""}`);
    records.titles.push(phraseKeyOfNormal(title));
    const texts: Record<Field, string> = {
      // An event's identifiers (`SB 53`, `ISO/IEC TS 6254:2025`) are searched as its title is.
      title: event.identifiers.length
        ? `${title} ${normalizeText(event.identifiers.map((identifier) => identifier.value).join(" "))}`
        : title,
      summary: normalizeText(`${event.summary.zh ?? ""} ${event.summary.en ?? ""}`),
      sources: normalizeText(sourceText(event)),
    };
    this.doc = doc;
    for (const { field, scanner } of this.scanners) scanner.scan(texts[field]);
    const facets = this.facets;
    // Counted by the one rule (domain/jurisdictionCounting.ts): a state's event is its country's too.
    for (const code of countedJurisdictions(event.jurisdictions)) facets.jurisdiction.add(code, doc);
    if (event.level) facets.level.add(event.level, doc);
    if (event.type) facets.type.add(event.type, doc);
    if (event.bindingness) facets.bindingness.add(event.bindingness, doc);
    for (const tag of event.tags) facets.tag.add(tag, doc);
    facets.month.add(event.date.start.slice(0, 7), doc);
    if (++this.sinceFlush === FLUSH_EVERY) {
      this.sinceFlush = 0;
      for (const builder of [...Object.values(this.fields), ...Object.values(this.facets)]) builder.flush();
    }
  }

  /** The records of the documents added since the last call (a part hands them on as it goes). */
  takeRecords(): DocumentRecords {
    const taken = this.records;
    this.records = { docs: [], ids: [], firstDays: [], titles: [], spanLastDay: [] };
    return taken;
  }

  /** The postings of every document added, as bitmaps. The indexer is spent afterwards. */
  finish(): IndexedTerms {
    return {
      postings: {
        title: this.fields.title.build(),
        summary: this.fields.summary.build(),
        sources: this.fields.sources.build(),
      },
      facetValues: Object.fromEntries(FACETS.map((f) => [f, this.facets[f].build()])) as Record<
        Facet,
        Map<string, RoaringBitmap32>
      >,
      words: this.words,
      longestSpanDays: this.longestSpanDays,
    };
  }
}
