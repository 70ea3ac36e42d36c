import { isWithin } from "../domain/jurisdictionCounting.js";
import { z } from "zod";
import type { CorrectionsByEvent } from "../domain/correctionsByEvent.js";
import type { Event } from "../domain/event.js";
import { type EventFilterInput, toEventFilter } from "../domain/eventQuery.js";
import type { Language } from "../domain/localizedText.js";
import { dateBounds } from "../domain/partialDate.js";
import { eventsToAtom } from "../export/eventsAtom.js";
import { csvHeader, csvRows } from "../export/eventsCsv.js";
import { type AllDayEntry, icsPieces } from "../export/eventsIcs.js";
import { withCorrections } from "../export/eventsJson.js";
import { sourcesToCsl } from "../export/sourcesCsl.js";
import { listDeadlines } from "../obligations/deadlines.js";
import type { ObligationsData } from "../reference/obligationsData.js";
import type { AppServices } from "./appServices.js";
import { deadlineEntry } from "./deadlines.js";
import { searcherAt } from "./history.js";
import { EventsQuery } from "./eventsQuery.js";

/** The formats every matching event can be exported in, by the CLI (`aigov export`) and the API alike. */
export const EXPORT_FORMATS = ["json", "jsonl", "csv", "ics", "atom", "csl"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** How many of the newest events the Atom feed holds unless `limit` says otherwise. */
export const FEED_SIZE = 50;

/**
 * Events read and written per chunk of an export. A page is read and formatted without a break, so it
 * is what another request may wait for beside each export streaming (issue 24); 100 keeps that to a
 * few milliseconds at the throughput of 500 (npm run bench -- export).
 */
export const EXPORT_PAGE_SIZE = 100;

/**
 * What an export is asked: the filters, text query and sort of GET /api/events, and `limit` as a cap
 * on the number of events (absent: every matching one; the feed: FEED_SIZE).
 */
export const ExportQuery = EventsQuery.omit({ cursor: true, limit: true }).extend({
  limit: EventsQuery.shape.limit.removeDefault().optional(),
});
export type ExportQuery = z.output<typeof ExportQuery>;

/** An export ready to send: its media type, a file name, and its text in pieces, read as they are sent. */
export interface EventExport {
  format: ExportFormat;
  /** How many events it holds (every matching one, or the cap). */
  total: number;
  contentType: string;
  filename: string;
  chunks: AsyncIterable<string>;
}

/** Each format's media type and the file name a download of it gets. */
/**
 * A download's name after what it holds, so that two downloads of different views or languages do not
 * overwrite each other: `aigov-events-eu-us-2025-en.ics` (jurisdictions, the period's years, the
 * language of the formats that are written in one).
 */
export function exportFileName(
  format: ExportFormat,
  query: Pick<ExportQuery, "jurisdiction" | "from" | "to" | "lang">,
): string {
  const { filename } = EXPORT_MEDIA[format];
  const dot = filename.indexOf(".");
  const years = [query.from, query.to].filter(Boolean).map((d) => (d as string).slice(0, 4));
  const parts = [
    ...query.jurisdiction.map((code) => code.toLowerCase()),
    ...[...new Set(years)],
    ...(format === "ics" || format === "atom" || format === "csl" ? [query.lang] : []),
  ];
  const stem = [filename.slice(0, dot), ...parts].join("-").replace(/[^a-z0-9-]/g, "");
  return `${stem}${filename.slice(dot)}`;
}

export const EXPORT_MEDIA: Record<ExportFormat, { contentType: string; filename: string }> = {
  json: { contentType: "application/json; charset=utf-8", filename: "aigov-events.json" },
  jsonl: { contentType: "application/jsonl; charset=utf-8", filename: "aigov-events.jsonl" },
  csv: { contentType: "text/csv; charset=utf-8", filename: "aigov-events.csv" },
  ics: { contentType: "text/calendar; charset=utf-8", filename: "aigov-events.ics" },
  atom: { contentType: "application/atom+xml; charset=utf-8", filename: "aigov-events.atom" },
  csl: {
    contentType: "application/vnd.citationstyles.csl+json; charset=utf-8",
    filename: "aigov-sources.csl.json",
  },
};

/** The sort an export uses: relevance with a text query, else oldest first (the feed: newest first). */
function exportSort(query: ExportQuery, format: ExportFormat) {
  if (query.sort) return query.sort;
  if (query.q?.trim()) return "relevance" as const;
  return format === "atom" ? ("-date" as const) : ("date" as const);
}

/**
 * Every event matching the query in one format, as the same pieces whoever asks (the API streams them
 * to a client, the CLI to stdout or a file): a page of events is read from the database only when the
 * previous one has been taken, so an archive of any size is exported in bounded memory. Each event's
 * corrections go beside its text; the calendar also holds the instruments' applicability dates unless
 * a text query or an event facet narrows it to events.
 */
export async function exportEvents(
  services: AppServices,
  format: ExportFormat,
  query: ExportQuery,
): Promise<EventExport> {
  const { corrections } = services;
  const { lang } = query;
  const limit = query.limit ?? (format === "atom" ? FEED_SIZE : undefined);
  const searcher = await searcherAt(services, query.asOf);
  const { total, pages } = await searcher.matchingEvents(
    { q: query.q, filter: toEventFilter(query), sort: exportSort(query, format), limit },
    EXPORT_PAGE_SIZE,
  );
  const base = { format, total, ...EXPORT_MEDIA[format], filename: exportFileName(format, query) };
  switch (format) {
    case "csv":
      return { ...base, chunks: csvChunks(pages, corrections) };
    case "ics":
      return { ...base, chunks: icsChunks(pages, services, query) };
    case "csl":
      return { ...base, chunks: cslChunks(pages, lang, corrections) };
    case "atom":
      return { ...base, chunks: atomChunks(pages, services, lang) };
    case "jsonl":
      return { ...base, chunks: jsonLinesChunks(pages, corrections) };
    default:
      return { ...base, chunks: jsonChunks(pages, corrections) };
  }
}

async function* csvChunks(pages: AsyncIterable<Event[]>, corrections: CorrectionsByEvent) {
  yield csvHeader();
  for await (const events of pages) yield csvRows(events, corrections);
}

async function* icsChunks(pages: AsyncIterable<Event[]>, services: AppServices, query: ExportQuery) {
  const narrowed =
    query.q?.trim() || [query.type, query.level, query.bindingness, query.tag].some((list) => list.length);
  const extra = narrowed ? [] : deadlineEntries(services.obligations, query.lang, query);
  const ics = icsPieces({
    baseUrl: services.baseUrl(),
    lang: query.lang,
    extra,
    corrections: services.corrections,
  });
  yield ics.head;
  for await (const events of pages) yield ics.events(events);
  yield ics.tail;
}

async function* cslChunks(pages: AsyncIterable<Event[]>, lang: Language, corrections: CorrectionsByEvent) {
  yield "[";
  let first = true;
  // One chunk per page, not per item: each chunk waits a turn of the event loop.
  for await (const events of pages) {
    const items = sourcesToCsl(events, lang, corrections).map((item) => JSON.stringify(item));
    if (!items.length) continue;
    yield `${first ? "" : ","}${items.join(",")}`;
    first = false;
  }
  yield "]";
}

// The feed is small (FEED_SIZE newest by default, at most the largest page of /api/events): built whole.
async function* atomChunks(pages: AsyncIterable<Event[]>, services: AppServices, lang: Language) {
  const events: Event[] = [];
  for await (const page of pages) events.push(...page);
  yield eventsToAtom(events, { baseUrl: services.baseUrl(), lang, corrections: services.corrections });
}

// The JSON array `aigov import` reads back, written as JSON.stringify(events, null, 2) would, a page at a time.
async function* jsonChunks(pages: AsyncIterable<Event[]>, corrections: CorrectionsByEvent) {
  let first = true;
  for await (const events of pages) {
    if (!events.length) continue;
    const items = events.map((event) => JSON.stringify(withCorrections(event, corrections), null, 2));
    yield `${first ? "[\n" : ",\n"}${items.join(",\n").replace(/^/gm, "  ")}`;
    first = false;
  }
  yield first ? "[]\n" : "\n]\n";
}

async function* jsonLinesChunks(pages: AsyncIterable<Event[]>, corrections: CorrectionsByEvent) {
  for await (const events of pages)
    if (events.length)
      yield `${events.map((event) => JSON.stringify(withCorrections(event, corrections))).join("\n")}\n`;
}

/** The instruments' applicability dates as calendar entries, one per instrument and day (stable UIDs). */
function deadlineEntries(data: ObligationsData, lang: Language, filter: EventFilterInput): AllDayEntry[] {
  const codes = filter.jurisdiction;
  return listDeadlines(data)
    .filter((d) => !codes.length || codes.some((code) => isWithin(d.jurisdiction, code)))
    .filter((d) => !filter.from || d.date >= dateBounds(filter.from).first)
    .filter((d) => !filter.to || d.date <= dateBounds(filter.to).last)
    .map((d) => deadlineEntry(d, lang));
}
