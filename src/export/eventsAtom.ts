import { Feed } from "feed";
import { firstHttpUrl } from "./firstHttpUrl.js";
import type { Event } from "../domain/event.js";
import { type Language, pickText } from "../domain/localizedText.js";
import { dateBounds } from "../domain/partialDate.js";

/**
 * An Atom feed of events (give them newest first). Entry ids are tag URIs built from the event id, so a
 * reader sees an edited event as the same entry; the link is the event's first official source.
 */
export function eventsToAtom(
  events: Event[],
  options: { baseUrl: string; lang: Language; updated?: Date },
): string {
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
    feed.addItem({
      id: `tag:aigov,2025:events/${event.id}`,
      title: pickText(event.title, options.lang) ?? event.id,
      link: firstHttpUrl(event) ?? `${options.baseUrl}/api/events/${event.id}`,
      date: day,
      published: day,
      description: pickText(event.summary, options.lang),
      category: [...event.jurisdictions, ...event.tags].map((term) => ({ term, name: term })),
    });
  }
  return feed.atom1();
}
