import { z } from "zod";
import { Correction } from "../domain/correction.js";
import { JurisdictionCoverage } from "../domain/coverage.js";
import { Deadline } from "../domain/deadline.js";
import { Event, JurisdictionCode } from "../domain/event.js";
import { Instrument } from "../domain/instrument.js";
import { JURISDICTION_KINDS } from "../domain/jurisdiction.js";
import { LocalizedText } from "../domain/localizedText.js";
import { Obligation } from "../domain/obligation.js";
import type { CslItem as WrittenCslItem } from "../export/sourcesCsl.js";

// The public shapes of the API's JSON answers, as schemas: the OpenAPI document is generated from them
// (http/openapi.ts) and the presenters' types are inferred from them, so that what a route sends and
// what the document promises cannot drift apart (test/openapiResponses.test.ts checks every answer).

/** A correction as shown beside the event it corrects (the event's id is the event itself). */
export const EventCorrection = Correction.omit({ event: true });

/** Why a search hit matched: the passage of title, summary or sources that holds the words, and where. */
export const SearchMatch = z
  .object({
    snippet: z
      .object({
        field: z.enum(["title", "summary", "sources"]),
        text: z.string(),
        marks: z
          .array(z.tuple([z.number().int().min(0), z.number().int().min(0)]))
          .describe("[start, end) offsets of the matched words in `text`, in UTF-16 code units"),
      })
      .nullable(),
  })
  .strict();

/** An event as the API shows it: its record, its corrections where it has any, and `match` in search hits. */
export const PresentedEvent = Event.extend({
  corrections: z
    .array(EventCorrection)
    .optional()
    .describe(
      "Where the official record disagrees with the imported text: the text stays as imported and each correction says what the record shows, with its sources. Present only when there is one.",
    ),
  match: SearchMatch.optional().describe("In search results with a query: why the event matched."),
}).strict();
export type PresentedEvent = z.output<typeof PresentedEvent>;

const Counts = z.record(z.string(), z.number().int().min(0));

/** Counts per value of each facet, for the current query and filters. */
export const FacetCounts = z
  .object({
    jurisdiction: Counts,
    level: Counts,
    type: Counts,
    bindingness: Counts,
    tag: Counts,
    month: Counts,
    year: Counts.optional(),
  })
  .describe("Counts per value for the current query and filters.");

/** GET /api/events. */
export const EventPage = z
  .object({
    items: z.array(PresentedEvent),
    total: z.number().int().min(0),
    facets: FacetCounts,
    next: z.string().nullable().describe("Cursor of the next page, null on the last"),
  })
  .strict();

/** A jurisdiction with the number of events that name it (one the gazetteer lacks has no kind or name). */
export const JurisdictionCount = z
  .object({
    code: JurisdictionCode,
    kind: z.enum(JURISDICTION_KINDS).nullable(),
    name: LocalizedText,
    parent: JurisdictionCode.nullable(),
    count: z.number().int().min(0),
  })
  .strict();

/** GET /api/jurisdictions. */
export const JurisdictionList = z.object({ items: z.array(JurisdictionCount) }).strict();

/** GET /api/jurisdictions/{code}: its counts, its subdivisions, the facets of its events and the latest 20. */
export const JurisdictionProfile = JurisdictionCount.extend({
  subdivisions: z.array(JurisdictionCode),
  total: z.number().int().min(0),
  facets: FacetCounts,
  latest: z.array(PresentedEvent),
}).strict();

/** GET /api/stats: the counts of the whole dataset. */
export const DatasetStats = z
  .object({
    total: z.number().int().min(0),
    byMonth: Counts,
    byType: Counts,
    byLevel: Counts,
    byBindingness: Counts,
    byJurisdiction: Counts,
    byTag: Counts,
  })
  .strict();

/** An instrument in the list, with the ids of its obligations and of the instruments amending it. */
export const InstrumentSummary = Instrument.extend({
  obligations: z.array(z.string()).describe("Ids of the obligations it holds (GET /api/obligations)"),
  amendedBy: z.array(z.string()).describe("Ids of the instruments that amend it"),
}).strict();

/** GET /api/instruments/{id}: the instrument with its obligations in full. */
export const InstrumentDetail = Instrument.extend({
  obligations: z.array(Obligation),
  amendedBy: z.array(z.string()).describe("Ids of the instruments that amend it"),
}).strict();

/** GET /api/instruments. */
export const InstrumentList = z.object({ items: z.array(InstrumentSummary) }).strict();

/** GET /api/obligations: every obligation as the checker reads it. */
export const ObligationList = z.object({ items: z.array(Obligation) }).strict();

/** GET /api/coverage: per jurisdiction, what the checker models and what it knows and does not model. */
export const CoverageList = z.object({ items: z.array(JurisdictionCoverage) }).strict();

/** GET /api/deadlines: the first day listed, and the applicability dates from it, soonest first. */
export const DeadlineList = z
  .object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD"),
    items: z.array(Deadline),
  })
  .strict();

/** One bibliography item of GET /api/sources.csl.json (CSL-JSON, the input of citeproc and Zotero). */
export const CslItem = z
  .object({
    id: z.string(),
    type: z.literal("webpage"),
    title: z.string(),
    publisher: z.string().optional(),
    URL: z.string().optional(),
    issued: z
      .object({ "date-parts": z.array(z.array(z.number().int())) })
      .strict()
      .optional(),
    note: z.string().optional(),
    language: z.string().optional(),
  })
  .strict();

// export/sourcesCsl.ts writes the items with a type of its own: this fails to compile if the two differ.
const _sameCslItem: [z.output<typeof CslItem>, WrittenCslItem] extends [
  WrittenCslItem,
  z.output<typeof CslItem>,
]
  ? true
  : never = true;

/** GET /api/sources.csl.json. */
export const CslItems = z.array(CslItem);
