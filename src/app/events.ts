import type { Event } from "../domain/event.js";
import type { EventCorrection } from "../domain/correctionsByEvent.js";
import { findEvent } from "../storage/repos/eventRepo.js";
import type { AppServices } from "./appServices.js";
import { notFound } from "./appError.js";
import { presentEvent, type PresentedEvent } from "./presentEvent.js";

/** The shape of an event id (domain/eventId.ts makes them): anything else names no event, unread. */
export const EVENT_ID = /^[a-z0-9-]{1,120}$/;

/** An event with its corrections, as stored: what every view of one event starts from. */
export interface EventWithCorrections {
  event: Event;
  corrections: readonly EventCorrection[];
  /** The public shape of both (the API's JSON, `aigov show --json`). */
  presented: PresentedEvent;
}

/**
 * One event by id, with the corrections the reference data holds for it; not found when no event has
 * the id (an id that cannot be one is not looked up).
 */
export async function eventById(
  services: Pick<AppServices, "db" | "corrections">,
  id: string,
): Promise<EventWithCorrections> {
  const event = EVENT_ID.test(id) ? await findEvent(services.db, id) : null;
  if (!event) throw notFound(`no event with id "${id}"`);
  return {
    event,
    corrections: services.corrections.get(event.id) ?? [],
    presented: presentEvent(event, services.corrections),
  };
}
