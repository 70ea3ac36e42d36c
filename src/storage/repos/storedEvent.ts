import type { Event } from "../../domain/event.js";

// Bodies were validated by Event.parse when written (writeEvents), and migrations keep them in the
// current shape; reading them back is JSON.parse alone, which matters on the API's hot path.
export function parseBody(body: string): Event {
  return JSON.parse(body) as Event;
}
