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

const CLOSE_BRACE = 0x7d;

/**
 * presentEvent's JSON, made from the event's stored JSON without parsing it: the stored bytes as they
 * are, or with `"match"` put before the closing brace. An event with corrections is presented in full
 * (few are). The stored JSON is what JSON.stringify wrote, so the bytes equal presentEvent's.
 */
export function presentStoredEvent(id: string, json: Buffer, snippet?: Snippet | null): Buffer {
  if (correctionsFor(id).length)
    return Buffer.from(JSON.stringify(presentEvent(JSON.parse(json.toString("utf8")) as Event, snippet)));
  if (snippet === undefined) return json;
  if (json[json.length - 1] !== CLOSE_BRACE)
    throw new Error(`the stored JSON of event ${id} is not an object`);
  return Buffer.concat([
    json.subarray(0, json.length - 1),
    Buffer.from(`,"match":${JSON.stringify({ snippet })}}`),
  ]);
}
