import { Feed } from "feed";
import { firstHttpUrl } from "./firstHttpUrl.js";
import {
  type CorrectionsByEvent,
  type EventCorrection,
  NO_CORRECTIONS,
} from "../domain/correctionsByEvent.js";
import { correctionParts } from "../domain/correctionText.js";
import type { Event } from "../domain/event.js";
import { httpUrlOrNull } from "../domain/httpUrl.js";
import { type Language, pickText } from "../domain/localizedText.js";
import { dateBounds } from "../domain/partialDate.js";
import { escapeHtml as e } from "../report/escapeHtml.js";

/**
 * A correction as a paragraph of the entry's summary, which the feed declares HTML (type="html"): every
 * text escaped, the sources as links (http and https only).
 */
function correctionHtml(correction: EventCorrection, lang: Language): string {
  const parts = correctionParts(correction, lang);
  const links = parts.sources.map((url) => {
    const href = httpUrlOrNull(url);
    return href ? `<a href="${e(href)}">${e(href)}</a>` : e(url);
  });
  return lang === "zh"
    ? `<p><strong>${e(parts.heading)}：</strong>${e(parts.text)}（${e(parts.verification)}；${e(parts.sourcesLabel)}：${links.join("、")}）</p>`
    : `<p><strong>${e(parts.heading)}:</strong> ${e(parts.text)} (${e(parts.verification)}; ${e(parts.sourcesLabel)}: ${links.join(", ")})</p>`;
}

/**
 * An Atom feed of events (give them newest first). Entry ids are tag URIs built from the event id, so a
 * reader sees an edited event as the same entry; the link is the event's first official source. A
 * corrected event's summary is followed by its corrections.
 */
export function eventsToAtom(
  events: Event[],
  options: { baseUrl: string; lang: Language; updated?: Date; corrections?: CorrectionsByEvent },
): string {
  const corrections = options.corrections ?? NO_CORRECTIONS;
  const newest = events[0];
  const feed = new Feed({
    id: `${options.baseUrl}/api/feed.atom`,
    title: options.lang === "zh" ? "aigov：人工智能治理大事" : "aigov: AI governance events",
    link: options.baseUrl,
    language: options.lang,
    generator: "aigov",
    updated:
      options.updated ??
      (newest ? new Date(`${dateBounds(newest.date.start).first}T00:00:00Z`) : new Date(0)),
    feedLinks: { atom: `${options.baseUrl}/api/feed.atom` },
    copyright: "Facts from the official sources each entry cites",
  });
  for (const event of events) {
    const day = new Date(`${dateBounds(event.date.start).first}T00:00:00Z`);
    const summary = pickText(event.summary, options.lang);
    const notes = (corrections.get(event.id) ?? []).map((c) => correctionHtml(c, options.lang));
    feed.addItem({
      id: `tag:aigov,2025:events/${event.id}`,
      title: pickText(event.title, options.lang) ?? event.id,
      link: firstHttpUrl(event) ?? `${options.baseUrl}/api/events/${event.id}`,
      date: day,
      published: day,
      // The summary as every entry carries it, then the corrections, beside the text they correct.
      description: notes.length ? [summary, ...notes].filter(Boolean).join("\n") : summary,
      category: [...event.jurisdictions, ...event.tags].map((term) => ({ term, name: term })),
    });
  }
  return feed.atom1();
}
