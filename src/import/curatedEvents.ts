import type { Event } from "../domain/event.js";
import { readBundledDataset } from "./bundledDataset.js";

let byDocument: Map<string, Map<number, Event>> | undefined;

/**
 * The bundled events of a document (data/events/, built from its chronicle and its curation), by their
 * number in the chronicle; empty for a document aigov holds no curation of. Importing that chronicle
 * starts each new event from its curated record, so that the seed imported by hand is as classified and
 * bilingual as the bundled dataset (with the same ids), and a re-import updates those events.
 */
export function curatedEventsOf(documentKey: string): Map<number, Event> {
  byDocument ??= (() => {
    const index = new Map<string, Map<number, Event>>();
    for (const event of readBundledDataset().events) {
      if (event.document === null || event.seq === null) continue;
      const events = index.get(event.document) ?? new Map<number, Event>();
      events.set(event.seq, event);
      index.set(event.document, events);
    }
    return index;
  })();
  return byDocument.get(documentKey) ?? new Map();
}
