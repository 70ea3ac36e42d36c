import type { CorrectionsByEvent, EventCorrection } from "../domain/correctionsByEvent.js";
import type { Event } from "../domain/event.js";
import type { Snippet } from "../search/snippet.js";
import type { PresentedEvent } from "./responses.js";

/** A correction as the API shows it next to the event it corrects. */
export type PresentedCorrection = EventCorrection;

export type { PresentedEvent };

/**
 * The public JSON of an event; the presenter alone decides what leaves the server. The corrections are
 * the caller's (built once from the context's reference data), never read from data/ here.
 */
export function presentEvent(
  event: Event,
  corrections: CorrectionsByEvent,
  snippet?: Snippet | null,
): PresentedEvent {
  const own = corrections.get(event.id);
  const withCorrections = own?.length ? { ...event, corrections: [...own] } : event;
  return snippet === undefined ? withCorrections : { ...withCorrections, match: { snippet } };
}

const CLOSE_BRACE = 0x7d;

/**
 * presentEvent's JSON, made from the event's stored JSON without parsing it: the stored bytes as they
 * are, or with `"match"` put before the closing brace. An event with corrections is presented in full
 * (few are). The stored JSON is what JSON.stringify wrote, so the bytes equal presentEvent's.
 */
export function presentStoredEvent(
  id: string,
  json: Buffer,
  corrections: CorrectionsByEvent,
  snippet?: Snippet | null,
): Buffer {
  if (corrections.get(id)?.length)
    return Buffer.from(
      JSON.stringify(presentEvent(JSON.parse(json.toString("utf8")) as Event, corrections, snippet)),
    );
  if (snippet === undefined) return json;
  if (json[json.length - 1] !== CLOSE_BRACE)
    throw new Error(`the stored JSON of event ${id} is not an object`);
  return Buffer.concat([
    json.subarray(0, json.length - 1),
    Buffer.from(`,"match":${JSON.stringify({ snippet })}}`),
  ]);
}
