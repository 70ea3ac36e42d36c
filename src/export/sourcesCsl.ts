import { type CorrectionsByEvent, NO_CORRECTIONS } from "../domain/correctionsByEvent.js";
import { correctionText } from "../domain/correctionText.js";
import type { Event } from "../domain/event.js";
import { httpUrlOrNull } from "../domain/httpUrl.js";
import { languageTag } from "../domain/languageForms.js";
import { type Language, pickText } from "../domain/localizedText.js";

/** One bibliography item in CSL-JSON (the input format of citeproc, Zotero and Pandoc). */
export interface CslItem {
  id: string;
  type: "webpage";
  title: string;
  publisher?: string;
  URL?: string;
  issued?: { "date-parts": number[][] };
  note?: string;
  language?: string;
}

/**
 * Every source of the events as a CSL-JSON item: titled by the event it documents (a footnote names
 * a publisher and a URL, not the page's own title), dated by the event, with the note as printed. The
 * item of a corrected event says the corrections in its note too (after the printed note, one per line):
 * whoever cites the event's title or date from it reads what the official record shows beside them.
 */
export function sourcesToCsl(
  events: Event[],
  lang: Language,
  corrections: CorrectionsByEvent = NO_CORRECTIONS,
): CslItem[] {
  return events.flatMap((event) => {
    const said = (corrections.get(event.id) ?? []).map((c) => correctionText(c, lang));
    return event.sources.map((source, index): CslItem => {
      const parts = event.date.start.split("-").map(Number);
      const note = [source.text, ...said].filter(Boolean).join("\n");
      return {
        id: `${event.id}-${source.note ?? `s${index + 1}`}`,
        type: "webpage",
        title: pickText(event.title, lang) ?? event.id,
        ...(source.publisher ? { publisher: source.publisher } : {}),
        ...(httpUrlOrNull(source.url) ? { URL: source.url as string } : {}),
        issued: { "date-parts": [parts] },
        ...(note ? { note } : {}),
        language: languageTag(lang),
      };
    });
  });
}
