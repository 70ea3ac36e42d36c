import type { Event } from "../../domain/event.js";
import type { Language } from "../../domain/localizedText.js";
import { type CorrectionsByEvent, NO_CORRECTIONS } from "../../domain/correctionsByEvent.js";
import { type CslItem, sourcesToCsl } from "../../export/sourcesCsl.js";
import { pickText } from "../../domain/localizedText.js";
import { languageTag } from "../../domain/languageForms.js";

/** The CSL-JSON of an event's page in aigov, followed by its sources (as /api/sources.csl.json gives them). */
export function eventCsl(
  event: Event,
  lang: Language,
  pageUrl: string,
  revision: { n: number; date: string } | null,
  corrections: CorrectionsByEvent = NO_CORRECTIONS,
): object[] {
  const [year, month, day] = event.date.start.split("-").map(Number);
  const page = {
    id: `aigov-${event.id}`,
    type:
      event.type === "law" || event.type === "regulation" || event.type === "executive_order"
        ? "legislation"
        : "webpage",
    title: pickText(event.title, lang) ?? event.id,
    "container-title": "aigov",
    URL: pageUrl,
    issued: { "date-parts": [[year, month, day].filter((n): n is number => n !== undefined)] },
    // The page's own version, not a reader's access date: the answer stays the same for everyone.
    ...(revision
      ? { version: String(revision.n), note: `aigov revision ${revision.n}, ${revision.date}` }
      : {}),
    language: languageTag(lang),
  };
  const sources: CslItem[] = sourcesToCsl([event], lang, corrections);
  return [page, ...sources];
}

/** What a formatted citation is made of. */
interface CitationInput {
  title: string;
  date: string;
  jurisdictions: string;
  url: string;
  /** The page's latest revision: "revision 2, 2026-11-25". */
  revision: string | null;
  lang: Language;
}

/** A formatted citation of the event's page (author-date, as a reference list prints it). */
export function formattedCitation(input: CitationInput): string {
  return CITATION[input.lang](input);
}

/** How each language writes the citation (its punctuation and quotation marks are the language's own). */
const CITATION: Record<Language, (input: Omit<CitationInput, "lang">) => string> = {
  zh: (c) =>
    `aigov：《${c.title}》，${c.jurisdictions}，${c.date}。${c.url}${c.revision ? `（${c.revision}）` : ""}。`,
  en: (c) =>
    `aigov. “${c.title}.” ${c.jurisdictions}, ${c.date}. ${c.url}${c.revision ? ` (${c.revision})` : ""}.`,
};
