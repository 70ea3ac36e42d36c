import { correctionParts } from "../../domain/correctionText.js";
import type { CorrectedField } from "../../domain/correction.js";
import type { CorrectionsByEvent, EventCorrection } from "../../domain/correctionsByEvent.js";
import { httpUrlOrNull } from "../../domain/httpUrl.js";
import type { Language } from "../../domain/localizedText.js";
import { languageTag } from "../../domain/languageForms.js";
import { html, type SafeHtml } from "../html.js";
import { localHref } from "../i18n/localHref.js";
import { translator } from "../i18n/t.js";
import {
  type CompactCorrection,
  compactCorrection,
  correctionAnchor,
  pickedCorrectionText,
} from "./compactCorrection.js";

const CLAIM: Record<Language, string> = { zh: "原文称：", en: "The text says: " };

/** The `lang` value of a text: a correction's text may be in the other language when it lacks the page's. */
const langTag = languageTag;

/**
 * An event's n-th correction (0-based) as a note placed right after the field it corrects: which field,
 * what the official record shows, what the imported text says, how it was checked, and its sources.
 * The wording is the exports' (domain/correctionText.ts), so a reader meets one correction everywhere.
 */
export function correctionNote(correction: EventCorrection, index: number, lang: Language): SafeHtml {
  const parts = correctionParts(correction, lang);
  const text = pickedCorrectionText(correction.correction, lang);
  const claim = pickedCorrectionText(correction.claim, lang);
  const sources = parts.sources.map((url, i) => {
    const href = httpUrlOrNull(url);
    const label = `[${i + 1}]`;
    return html`${i ? " " : ""}${href ? html`<a href="${href}" rel="noopener noreferrer external">${label}</a>` : label}`;
  });
  const colon = translator(lang)("correction.colon");
  return html`<div
    class="correction-note"
    role="note"
    id="${correctionAnchor(index)}"
    data-field="${correction.field}"
  >
    <p class="correction-note__text">
      <strong class="correction-note__label">${parts.heading}${colon}</strong
      ><span lang="${langTag(text.lang)}">${parts.text}</span>
    </p>
    <p class="correction-note__claim">${CLAIM[lang]}<q lang="${langTag(claim.lang)}">${claim.text}</q></p>
    <p class="correction-note__meta">${parts.verification} · ${parts.sourcesLabel}${colon}${sources}</p>
  </div>`;
}

/** A card's one-line note: "Corrected: …", the text linking to the full note on the event page. */
export function compactCorrectionNote(model: CompactCorrection): SafeHtml {
  // No white space between label and text: the prefix carries its own space (none after "：").
  return html`<p class="correction-note correction-note--compact" data-field="${model.field}">
    <strong class="correction-note__label">${model.prefix}</strong
    ><a href="${model.href}" lang="${langTag(model.textLang)}">${model.text}</a>
  </p>`;
}

/** The compact notes of an event's corrections, for lists that show an event on one line. */
export function compactCorrectionNotes(
  corrections: readonly EventCorrection[],
  eventHref: string,
  lang: Language,
): SafeHtml[] {
  return corrections.map((c, i) => compactCorrectionNote(compactCorrection(c, i, eventHref, lang)));
}

/**
 * The card lines of an event's corrections of the fields a list shows (a compare cell shows the title and
 * date, not the summary), linked to the notes on the event page; none when nothing shown is corrected.
 */
export function correctionsShown(
  eventId: string,
  fields: readonly CorrectedField[],
  request: { corrections: CorrectionsByEvent; lang: Language },
): SafeHtml[] {
  const all = request.corrections.get(eventId) ?? [];
  const href = localHref(`/events/${eventId}`, request.lang);
  // Keep each correction's index among all of the event's, so that its link lands on its own note.
  return all.flatMap((c, i) =>
    fields.includes(c.field) ? [compactCorrectionNote(compactCorrection(c, i, href, request.lang))] : [],
  );
}
