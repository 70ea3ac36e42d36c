import type { Correction } from "../../domain/correction.js";
import type { Event } from "../../domain/event.js";
import { bundledObligations } from "../../obligations/obligationsData.js";
import type { Snippet } from "../../search/snippet.js";

/** A correction as the API shows it next to the event it corrects. */
export type PresentedCorrection = Omit<Correction, "event">;

/**
 * An event as the API shows it: the public shape; `corrections` where the official record disagrees
 * with the imported text (which stays as imported); `match` (why it matched) in search results.
 */
export type PresentedEvent = Event & {
  corrections?: PresentedCorrection[];
  match?: { snippet: Snippet | null };
};

let byEvent: Map<string, PresentedCorrection[]> | undefined;

/** The corrections attached to an event in data/corrections/, oldest file first. */
export function correctionsFor(eventId: string): PresentedCorrection[] {
  if (!byEvent) {
    byEvent = new Map();
    for (const { event, ...correction } of bundledObligations().corrections)
      byEvent.set(event, [...(byEvent.get(event) ?? []), correction]);
  }
  return byEvent.get(eventId) ?? [];
}

/** The public JSON of an event; the presenter alone decides what leaves the server. */
export function presentEvent(event: Event, snippet?: Snippet | null): PresentedEvent {
  const corrections = correctionsFor(event.id);
  const withCorrections = corrections.length ? { ...event, corrections } : event;
  return snippet === undefined ? withCorrections : { ...withCorrections, match: { snippet } };
}
