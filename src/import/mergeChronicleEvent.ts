import { Event } from "../domain/event.js";
import type { Language } from "../domain/localizedText.js";
import type { ChronicleEvent } from "./chronicle/parseChronicle.js";

/**
 * The event a chronicle import stores. What the chronicle states (number, title and summary in its
 * language, date, footnotes) comes from the chronicle; what it cannot state (the other language,
 * jurisdictions, classification, tags, relations, sources an editor added) is kept from the stored event.
 * Effective dates read from the text seed a new event only: once stored, editors own them.
 */
export function mergeChronicleEvent(existing: Event | null, incoming: ChronicleEvent, lang: Language): Event {
  const { line: _line, ...stated } = incoming;
  if (!existing) return Event.parse(stated);
  const addedByEditors = existing.sources.filter((source) => source.note === null);
  return Event.parse({
    ...existing,
    seq: incoming.seq,
    document: incoming.document,
    title: { ...existing.title, [lang]: incoming.title[lang] },
    summary: { ...existing.summary, ...incoming.summary },
    date: incoming.date,
    sources: [...incoming.sources, ...addedByEditors],
  });
}
