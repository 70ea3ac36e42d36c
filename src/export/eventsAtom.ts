import { firstHttpUrl } from "./firstHttpUrl.js";
import { type CorrectionsByEvent, NO_CORRECTIONS } from "../domain/correctionsByEvent.js";
import { correctionText } from "../domain/correctionText.js";
import { EXPORT_PHRASES } from "./exportPhrases.js";
import type { Event } from "../domain/event.js";
import { type Language, pickText } from "../domain/localizedText.js";
import { tagLabel } from "../domain/vocabulary.js";
import { dateBounds } from "../domain/partialDate.js";
import { xmlText } from "../domain/xmlText.js";
import { escapeHtml } from "../report/escapeHtml.js";

// The feed is written here rather than by the `feed` package, which declares every title and summary
// type="html": a reader then renders whatever markup an imported text holds. Atom's type="text"
// (RFC 4287 §3.1.1) shows it as the characters it is.
const x = (text: string) => escapeHtml(xmlText(text));

const isoDay = (start: string) => `${dateBounds(start).first}T00:00:00.000Z`;

function entryXml(event: Event, options: { baseUrl: string; lang: Language }, notes: string[]): string[] {
  const summary = pickText(event.summary, options.lang);
  // The summary as every entry carries it, then the corrections, beside the text they correct.
  const text = [summary, ...notes].filter(Boolean).join("\n\n");
  // The entry's page is aigov's own (in the feed's language); the official source is beside it.
  const page = `${options.baseUrl}/events/${event.id}?lang=${options.lang}`;
  const source = firstHttpUrl(event);
  const day = isoDay(event.date.start);
  const lines = [
    "    <entry>",
    `        <title type="text">${x(pickText(event.title, options.lang) ?? event.id)}</title>`,
    `        <id>${x(`tag:aigov,2025:events/${event.id}`)}</id>`,
    `        <link rel="alternate" type="text/html" href="${x(page)}"/>`,
    ...(source
      ? [
          `        <link rel="related" href="${x(source)}" title="${x(EXPORT_PHRASES[options.lang].officialSource)}"/>`,
        ]
      : []),
    `        <updated>${day}</updated>`,
  ];
  if (text) lines.push(`        <summary type="text">${x(text)}</summary>`);
  // A category's label is for display (RFC 4287 §4.2.2.3): a tag shows its word in the feed's language.
  for (const code of event.jurisdictions)
    lines.push(`        <category term="${x(code)}" label="${x(code)}"/>`);
  for (const tag of event.tags)
    lines.push(`        <category term="${x(tag)}" label="${x(tagLabel(tag, options.lang))}"/>`);
  lines.push(`        <published>${day}</published>`, "    </entry>");
  return lines;
}

/**
 * An Atom feed of events (give them newest first). Entry ids are tag URIs built from the event id, so a
 * reader sees an edited event as the same entry; it links to the event's page on aigov (`alternate`) and
 * to its first official source (`related`). Titles
 * and summaries are plain text; a corrected event's summary is followed by its corrections as lines of
 * text. Characters XML forbids are left out, so that a strict reader takes the feed whole.
 */
export function eventsToAtom(
  events: Event[],
  options: { baseUrl: string; lang: Language; updated?: Date; corrections?: CorrectionsByEvent },
): string {
  const corrections = options.corrections ?? NO_CORRECTIONS;
  const newest = events[0];
  const updated =
    options.updated?.toISOString() ?? (newest ? isoDay(newest.date.start) : new Date(0).toISOString());
  const self = `${options.baseUrl}/api/feed.atom`;
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `    <id>${x(self)}</id>`,
    `    <title type="text">${EXPORT_PHRASES[options.lang].feedTitle}</title>`,
    `    <updated>${updated}</updated>`,
    "    <generator>aigov</generator>",
    `    <link rel="alternate" href="${x(options.baseUrl)}"/>`,
    `    <link rel="self" href="${x(self)}"/>`,
    `    <rights>${x(EXPORT_PHRASES[options.lang].rights)}</rights>`,
  ];
  for (const event of events) {
    const notes = (corrections.get(event.id) ?? []).map((c) => correctionText(c, options.lang));
    lines.push(...entryXml(event, options, notes));
  }
  lines.push("</feed>");
  return lines.join("\n");
}
