import {
  type CorrectionsByEvent,
  type EventCorrection,
  NO_CORRECTIONS,
} from "../domain/correctionsByEvent.js";
import type { Event } from "../domain/event.js";

/** An event as the JSON exports write it: the public shape, with its corrections where it has any. */
export type ExportedEvent = Event & { corrections?: EventCorrection[] };

/**
 * The event with a `corrections` array (as the API shows it) when the official record disagrees with
 * its text, which stays as imported; an uncorrected event is given back as it is, with no such key.
 */
export function withCorrections(event: Event, corrections: CorrectionsByEvent): ExportedEvent {
  const own = corrections.get(event.id);
  return own?.length ? { ...event, corrections: [...own] } : event;
}

/** The events as a JSON array in the public shape, which `aigov import` reads back. */
export function eventsToJson(events: Event[], corrections: CorrectionsByEvent = NO_CORRECTIONS): string {
  return `${JSON.stringify(
    events.map((event) => withCorrections(event, corrections)),
    null,
    2,
  )}\n`;
}

/**
 * One JSON Lines record from an event's stored JSON: the stored text unchanged for an uncorrected event
 * (the bulk export streams it without parsing), the event presented in full for a corrected one (few are).
 * The stored JSON is what JSON.stringify wrote, so both read as withCorrections' JSON.
 */
export function eventJsonLine(id: string, storedJson: string, corrections: CorrectionsByEvent): string {
  if (!corrections.get(id)?.length) return storedJson;
  return JSON.stringify(withCorrections(JSON.parse(storedJson) as Event, corrections));
}
