import type { Event } from "../domain/event.js";
import { httpUrlOrNull } from "../domain/httpUrl.js";

/**
 * The event's first source URL that may be a link (http or https), for feeds and calendars. Records
 * stored before the schema checked schemes may hold others; they are never handed to a reader.
 */
export function firstHttpUrl(event: Event): string | null {
  for (const source of event.sources) {
    const url = httpUrlOrNull(source.url);
    if (url) return url;
  }
  return null;
}
