import { z } from "zod";
import { JurisdictionCode } from "../domain/event.js";
import { Language, pickText } from "../domain/localizedText.js";
import type { ObligationsData } from "../reference/obligationsData.js";
import { CATALOG_KINDS, type CatalogEntry, type CatalogHit, CatalogIndex } from "../search/catalogIndex.js";
import { parseQuery } from "../search/queryParser.js";
import type { AppServices } from "./appServices.js";
import { EventsQuery, MAX_QUERY_LENGTH } from "./eventsQuery.js";
import { searchEvents } from "./searchEvents.js";

export const RESULT_KINDS = ["event", "instrument", "duty"] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

/** The query of GET /api/search: the words, which kinds of result (default all), the language, how many. */
export const SearchAllQuery = z
  .object({
    q: z.string().trim().min(1, "expected words to search for").max(MAX_QUERY_LENGTH),
    kind: z
      .string()
      .optional()
      .transform((value, context) => {
        const kinds = value ? value.split(",").map((kind) => kind.trim()) : [...RESULT_KINDS];
        const unknown = kinds.find((kind) => !(RESULT_KINDS as readonly string[]).includes(kind));
        if (unknown) {
          context.addIssue({ code: "custom", message: `expected one of ${RESULT_KINDS.join(", ")}` });
          return z.NEVER;
        }
        return kinds as ResultKind[];
      }),
    lang: Language.default("zh"),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type SearchAllQuery = z.output<typeof SearchAllQuery>;

/** One result: an event, an instrument or a duty, with where to read it (on aigov and in the API). */
export const SearchResult = z
  .object({
    kind: z.enum(RESULT_KINDS),
    id: z.string(),
    title: z.string().describe("In the language asked for, else the other"),
    jurisdictions: z.array(JurisdictionCode),
    instrument: z.string().nullable().describe("The instrument of a duty, or the instrument itself"),
    date: z.string().nullable().describe("An event's start date"),
    page: z.string().describe("The result's page on aigov, relative to the site"),
    api: z.string().describe("The result's JSON, relative to the site"),
  })
  .strict();
export type SearchResult = z.output<typeof SearchResult>;

export const SearchAllAnswer = z
  .object({
    query: z.string(),
    results: z.array(SearchResult),
    facets: z
      .object({ kind: z.record(z.enum(RESULT_KINDS), z.number().int().min(0)) })
      .strict()
      .describe("How many results of each kind the words match (whatever `kind` asks for)"),
  })
  .strict();
export type SearchAllAnswer = z.output<typeof SearchAllAnswer>;

const catalogs = new WeakMap<ObligationsData, CatalogIndex>();

/** The catalog index of the services' reference data, built once per data. */
export function catalogOf(services: Pick<AppServices, "obligations">): CatalogIndex {
  let index = catalogs.get(services.obligations);
  if (!index) {
    index = new CatalogIndex(services.obligations.instruments, services.obligations.obligations);
    catalogs.set(services.obligations, index);
  }
  return index;
}

/** Instruments and duties matching words, best first (see CatalogIndex.search). */
export function searchCatalogHits(services: Pick<AppServices, "obligations">, q: string): CatalogHit[] {
  return catalogOf(services).search(parseQuery(q), CATALOG_KINDS);
}

/** An instrument's or duty's page on aigov: the instrument's, at the duty's own entry for a duty. */
export function catalogPage(entry: CatalogEntry, lang: Language): string {
  return entry.kind === "instrument"
    ? `/instruments/${entry.id}?lang=${lang}`
    : `/instruments/${entry.instrument}?lang=${lang}#${encodeURIComponent(entry.id)}`;
}

function catalogResult(hit: CatalogHit, lang: Language): SearchResult {
  const { entry } = hit;
  const page = catalogPage(entry, lang);
  return {
    kind: entry.kind,
    id: entry.id,
    title: pickText(entry.title, lang) ?? entry.id,
    jurisdictions: [entry.jurisdiction],
    instrument: entry.instrument,
    date: null,
    page,
    api: `/api/instruments/${entry.instrument}`,
  };
}

// A catalog entry whose title holds the words (rank 2 or better) is named by them: it comes before the
// events; one that only mentions them in its text comes after.
const TITLE_RANKS = 2;

/**
 * Events, instruments and duties matching words, in one list: instruments and duties the words name
 * first (an identifier, a title), then the events in their search order, then duties and instruments
 * whose text holds the words; with the counts of each kind.
 */
export async function searchAll(services: AppServices, query: SearchAllQuery): Promise<SearchAllAnswer> {
  const catalog = searchCatalogHits(services, query.q);
  const eventsQuery = EventsQuery.parse({ q: query.q, lang: query.lang, limit: query.limit });
  const { outcome } = await searchEvents(services, eventsQuery, { facets: false });
  const wanted = (kind: ResultKind) => (query.kind ?? RESULT_KINDS).includes(kind);
  const catalogResults = catalog.filter((hit) => wanted(hit.entry.kind));
  const events: SearchResult[] = wanted("event")
    ? outcome.hits.map(({ event }) => ({
        kind: "event",
        id: event.id,
        title: pickText(event.title, query.lang) ?? event.id,
        jurisdictions: event.jurisdictions,
        instrument: null,
        date: event.date.start,
        page: `/events/${event.id}?lang=${query.lang}`,
        api: `/api/events/${event.id}`,
      }))
    : [];
  const results = [
    ...catalogResults.filter((hit) => hit.rank <= TITLE_RANKS).map((hit) => catalogResult(hit, query.lang)),
    ...events,
    ...catalogResults.filter((hit) => hit.rank > TITLE_RANKS).map((hit) => catalogResult(hit, query.lang)),
  ].slice(0, query.limit);
  return {
    query: query.q,
    results,
    facets: {
      kind: {
        event: outcome.total,
        instrument: catalog.filter((hit) => hit.entry.kind === "instrument").length,
        duty: catalog.filter((hit) => hit.entry.kind === "duty").length,
      },
    },
  };
}
