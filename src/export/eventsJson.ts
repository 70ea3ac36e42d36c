import type { Event } from "../domain/event.js";

/** The events as a JSON array in the public shape, which `aigov import` reads back. */
export function eventsToJson(events: Event[]): string {
  return `${JSON.stringify(events, null, 2)}\n`;
}
