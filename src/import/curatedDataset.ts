import { z } from "zod";
import {
  Bindingness,
  EffectiveDate,
  Event,
  EventId,
  EventType,
  Identifier,
  JurisdictionCode,
  Level,
  Relation,
  Tag,
} from "../domain/event.js";
import { LocalizedText } from "../domain/localizedText.js";
import type { ParsedChronicle } from "./chronicle/parseChronicle.js";

/**
 * What editors add by hand to a chronicle's events: the English text, classification, tags, stated
 * effective dates and relations. Keyed by the event's number in the chronicle.
 */
export const CurationEntry = z
  .object({
    seq: z.number().int().positive(),
    id: EventId,
    title: LocalizedText,
    summary: LocalizedText,
    jurisdictions: z.array(JurisdictionCode),
    level: Level,
    type: EventType,
    bindingness: Bindingness,
    tags: z.array(Tag),
    effectiveDates: z.array(EffectiveDate),
    relations: z.array(Relation),
    identifiers: z.array(Identifier),
    /** Facts added beyond the chronicle, each with the official source it was checked against. */
    verified: z.array(z.object({ fact: z.string(), source: z.string().url() })).optional(),
  })
  .strict();
export type CurationEntry = z.output<typeof CurationEntry>;

/**
 * Joins a parsed chronicle with its curation: the chronicle gives number, Chinese title and summary,
 * date and footnotes exactly as printed; the curation gives everything else. Every event of the
 * chronicle must be curated, and every curated entry must exist in the chronicle.
 */
export function joinCuration(chronicle: ParsedChronicle, curation: CurationEntry[]): Event[] {
  const bySeq = new Map(curation.map((entry) => [entry.seq, entry]));
  const missing = chronicle.events.filter((event) => !bySeq.has(event.seq)).map((event) => event.seq);
  const extra = curation.filter((entry) => !chronicle.events.some((event) => event.seq === entry.seq));
  if (missing.length || extra.length)
    throw new Error(
      `curation does not match the chronicle: uncurated events ${missing.join(", ") || "none"}; curated but absent ${extra.map((e) => e.seq).join(", ") || "none"}`,
    );
  return chronicle.events.map((event) => {
    const entry = bySeq.get(event.seq) as CurationEntry;
    const { line: _line, ...stated } = event;
    return Event.parse({
      ...stated,
      id: entry.id,
      title: { ...entry.title, ...event.title },
      summary: { ...entry.summary, ...event.summary },
      jurisdictions: entry.jurisdictions,
      level: entry.level,
      type: entry.type,
      bindingness: entry.bindingness,
      tags: entry.tags,
      effectiveDates: entry.effectiveDates,
      relations: entry.relations,
      identifiers: entry.identifiers,
    });
  });
}
