import type { Event } from "../../domain/event.js";
import type { Snippet } from "../../search/snippet.js";

/** An event as the API shows it: the public shape, plus `match` (why it matched) in search results. */
export type PresentedEvent = Event & { match?: { snippet: Snippet | null } };

/** The public JSON of an event; the presenter alone decides what leaves the server. */
export function presentEvent(event: Event, snippet?: Snippet | null): PresentedEvent {
  return snippet === undefined ? event : { ...event, match: { snippet } };
}
