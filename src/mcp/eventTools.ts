import { z } from "zod";
import type { AppServices } from "../app/appServices.js";
import { eventById } from "../app/events.js";
import { EventsQuery, MAX_LIMIT } from "../app/eventsQuery.js";
import { presentEvent, type PresentedEvent } from "../app/presentEvent.js";
import { PresentedEvent as PresentedEventSchema } from "../app/responses.js";
import { searchEvents } from "../app/searchEvents.js";
import { correctionText } from "../domain/correctionText.js";
import { LANGUAGES, type Language, pickText } from "../domain/localizedText.js";
import { labelOrUnclassified } from "../domain/vocabulary.js";
import { type Snippet, snippetSegments } from "../search/snippet.js";
import { type Links, linksOf } from "./links.js";
import { readTool } from "./readTool.js";
import { jurisdictionsArgument, LangArgument } from "./toolArguments.js";
import { MCP_WORDS } from "./words.js";

/** An event as a tool answers it: the API's JSON, with its page on aigov and its JSON in the API. */
const CitedEvent = PresentedEventSchema.extend({
  page: z.string().describe("The event's page on aigov, to cite and to read"),
  api: z.string().describe("The event's JSON in aigov's API"),
}).strict();

const citedEvent = (event: PresentedEvent, links: Links, lang: Language) => ({
  ...event,
  page: links.eventPage(event.id, lang),
  api: links.eventApi(event.id),
});

const shape = EventsQuery.shape;

const SearchEventsInput = {
  q: shape.q.describe(
    'Words to search for, in Chinese and/or English; every word must match (title, summary, sources, identifiers): "AI Act", 欧盟 人工智能, "EO 14179". Leave out to list by the filters alone, newest first.',
  ),
  jurisdiction: jurisdictionsArgument(shape.jurisdiction).describe(
    "Jurisdictions, any of: ISO 3166 codes (CN, US, US-CA) or bodies (EU, UN, OECD); a country also finds its states' events.",
  ),
  type: shape.type.describe("Kinds of instrument or event, any of."),
  level: shape.level.describe("Levels, any of."),
  bindingness: shape.bindingness.describe("Bindingness, any of."),
  tag: shape.tag.describe("Tags, all of (lower-case, such as export-controls)."),
  from: shape.from.describe("Events ending on or after this partial date: 2025, 2025-03 or 2025-03-14."),
  to: shape.to.describe("Events starting on or before this partial date."),
  sort: shape.sort.describe(
    "relevance (the default with words), date (oldest first) or -date (newest first, the default without).",
  ),
  limit: z
    .number()
    .int()
    .min(1)
    .max(MAX_LIMIT)
    .default(20)
    .describe(`How many events, 1 to ${MAX_LIMIT} (default 20).`),
  cursor: shape.cursor.describe("The `next` of a previous answer, for the page after it."),
  lang: LangArgument,
};

const SearchEventsAnswer = z
  .object({
    total: z.number().int().min(0).describe("How many events match (all pages)"),
    next: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last"),
    items: z.array(CitedEvent).describe("The events of this page, best first (newest first without words)"),
  })
  .strict();

const GetEventInput = {
  id: z
    .string()
    .max(200)
    .describe("The event's id, as search_events gives it (e.g. 2025-eu-ai-act-gpai-obligations-apply)."),
  lang: LangArgument,
};

function dateOf(event: PresentedEvent): string {
  return event.date.end ? `${event.date.start}/${event.date.end}` : event.date.start;
}

function snippetLine(snippet: Snippet): string {
  return snippetSegments(snippet)
    .map((segment) => (segment.marked ? `[${segment.text}]` : segment.text))
    .join("")
    .replace(/\s+/g, " ");
}

function sourceLines(event: PresentedEvent, lang: Language, most = Infinity): string[] {
  const say = MCP_WORDS[lang];
  const shown = event.sources.slice(0, most).map((source) => {
    const mark = source.note === null ? "-" : `[${source.note}]`;
    const what = [source.publisher, source.url].filter(Boolean).join(" — ");
    const text = source.text && !source.url ? source.text.replace(/\s+/g, " ") : "";
    return `     ${mark} ${what || text || say.uncitedNote}`;
  });
  const more = event.sources.length - shown.length;
  return more > 0 ? [...shown, `     ${say.moreSources(more)}`] : shown;
}

/** An event's head, as each item of a search shows it: date, where, what, title; then its citations. */
function eventLines(event: PresentedEvent, links: Links, lang: Language, sources = 3): string[] {
  const say = MCP_WORDS[lang];
  const facts = [
    dateOf(event),
    event.jurisdictions.join(", ") || "—",
    labelOrUnclassified("type", event.type, lang),
    labelOrUnclassified("bindingness", event.bindingness, lang),
  ].join(" · ");
  const lines = [`${facts}`, `   ${pickText(event.title, lang) ?? event.id}  (${event.id})`];
  if (event.match?.snippet) lines.push(`   ${snippetLine(event.match.snippet)}`);
  for (const correction of event.corrections ?? [])
    lines.push(`   ${correctionText(correction, lang).replace(/\s+/g, " ")}`);
  lines.push(`   ${say.page}${say.colon}${links.eventPage(event.id, lang)}`);
  if (event.sources.length)
    lines.push(`   ${say.sources}${say.colon.trim()}`, ...sourceLines(event, lang, sources));
  return lines;
}

function searchText(
  q: string | undefined,
  answer: z.output<typeof SearchEventsAnswer>,
  links: Links,
  lang: Language,
): string {
  const say = MCP_WORDS[lang];
  if (answer.total === 0) return say.noEvents(q);
  const head = say.eventsFound(answer.total, answer.items.length, q);
  const items = answer.items.map((event, index) => {
    const [first, ...rest] = eventLines(event, links, lang);
    return [`${index + 1}. ${first}`, ...rest].join("\n");
  });
  const next = answer.next ? [say.nextPage(answer.next)] : [];
  return [head, ...items, ...next].join("\n\n");
}

function eventText(event: PresentedEvent, links: Links, lang: Language): string {
  const say = MCP_WORDS[lang];
  const lines = eventLines(event, links, lang, Infinity);
  const [facts, title, ...citations] = lines;
  const out = [title!.trim(), facts!];
  // The title in the other language too: a citation may need either.
  for (const other of LANGUAGES.filter((each) => each !== lang)) {
    const otherTitle = event.title[other];
    if (otherTitle && otherTitle !== pickText(event.title, lang)) out.push(otherTitle);
  }
  if (event.level) out.push(`${say.level}${say.colon}${labelOrUnclassified("level", event.level, lang)}`);
  if (event.tags.length) out.push(`${say.tags}${say.colon}${event.tags.join(", ")}`);
  for (const effective of event.effectiveDates)
    out.push(
      `${say.effective}${say.colon}${effective.date}${effective.label ? ` ${pickText(effective.label, lang) ?? ""}` : ""}`,
    );
  for (const identifier of event.identifiers)
    out.push(`${say.identifier}${say.colon}${identifier.scheme} ${identifier.value}`);
  for (const relation of event.relations)
    out.push(
      `${say.relation}${say.colon}${relation.kind} ${relation.target ?? (relation.label && pickText(relation.label, lang)) ?? ""}`.trimEnd(),
    );
  const summary = pickText(event.summary, lang);
  if (summary) out.push("", summary);
  out.push("", ...citations.map((line) => line.replace(/^ {3}/, "")));
  return out.join("\n");
}

/** search_events and get_event: the archive's events, each with its sources and its page on aigov. */
export function eventTools(services: AppServices) {
  const links = linksOf(services);
  const searchTool = readTool({
    name: "search_events",
    title: "Search AI-governance events",
    description:
      "Search aigov's archive of AI-governance events (laws, regulations, executive orders, strategies, standards, declarations…) in Chinese and English, with the filters of GET /api/events. Each event carries its sources (the official texts and reports it was read from) and its page on aigov: cite them.",
    input: SearchEventsInput,
    output: SearchEventsAnswer,
    answer: async (args) => {
      const query = EventsQuery.parse(args);
      const { outcome, next } = await searchEvents(services, query, { facets: false });
      const withWords = Boolean(query.q?.trim());
      const items = outcome.hits.map((hit) =>
        citedEvent(
          presentEvent(hit.event, services.corrections, withWords ? hit.snippet : undefined),
          links,
          query.lang,
        ),
      );
      const structured = { total: outcome.total, next, items };
      return { structured, text: searchText(query.q, structured, links, query.lang) };
    },
  });
  const getTool = readTool({
    name: "get_event",
    title: "Get one AI-governance event",
    description:
      "One event of aigov's archive by id, every field: titles and summaries in Chinese and English, date, jurisdictions, type, bindingness, effective dates, related events, identifiers, the corrections where the official record disagrees with the imported text, and its sources with their URLs; with its page on aigov.",
    input: GetEventInput,
    output: CitedEvent,
    answer: async ({ id, lang }) => {
      const { presented } = await eventById(services, id);
      return { structured: citedEvent(presented, links, lang), text: eventText(presented, links, lang) };
    },
  });
  return [searchTool, getTool];
}
