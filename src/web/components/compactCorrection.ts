// Pure (no Node, no zod): the server's cards and the browser script's cards show a correction the same
// way, so a card drawn by the script reads as the one the server sent.
import type { CorrectedField } from "../../domain/correction.js";
import type { EventCorrection } from "../../domain/correctionsByEvent.js";
import type { Language, LocalizedText } from "../../domain/localizedText.js";
import { otherLanguage } from "../../domain/languageForms.js";
import { firstLines } from "./textExcerpt.js";

/**
 * How much of a correction a card shows before it links to the rest: more than a summary's first lines,
 * since a correction's first sentence often cites an article ("Art. 113(b)") that a shorter cut would split.
 */
const CARD_LIMIT = 240;

/** The words that open a card's note; each carries the space that follows it (none after "："). */
const CORRECTED: Record<Language, string> = { zh: "已更正：", en: "Corrected: " };

/** The anchor of an event's n-th correction (0-based) on its page, which the cards link to. */
export function correctionAnchor(index: number): string {
  return `correction-${index + 1}`;
}

/** Where a card shows the note of a field: under its meta line, its title, or its first lines. */
export type CardPlace = "meta" | "title" | "summary";

/** The place in a card beside the field (the meta line holds the date, places, type and bindingness). */
export function cardPlace(field: CorrectedField): CardPlace {
  return field === "title" || field === "summary" ? field : "meta";
}

/** The text in the page's language, else in the other one, saying which. */
export function pickedCorrectionText(
  text: LocalizedText,
  lang: Language,
): { text: string; lang: Language; fallback: boolean } {
  const other: Language = otherLanguage(lang);
  const own = text[lang];
  return own
    ? { text: own, lang, fallback: false }
    : { text: text[other] ?? "", lang: other, fallback: true };
}

/** What a card shows of a correction: where, its first lines in the page's language, and its link. */
export interface CompactCorrection {
  place: CardPlace;
  field: CorrectedField;
  /** "Corrected: " / "已更正：", shown before the text. */
  prefix: string;
  text: string;
  /** The language of `text`: the page's, or the other when the correction lacks the page's. */
  textLang: Language;
  /** The full note on the event page. */
  href: string;
}

/** The card form of an event's n-th correction (0-based); `eventHref` is the event page in the page's language. */
export function compactCorrection(
  correction: EventCorrection,
  index: number,
  eventHref: string,
  lang: Language,
): CompactCorrection {
  const text = pickedCorrectionText(correction.correction, lang);
  return {
    place: cardPlace(correction.field),
    field: correction.field,
    prefix: CORRECTED[lang],
    text: firstLines(text.text, CARD_LIMIT),
    textLang: text.lang,
    href: `${eventHref}#${correctionAnchor(index)}`,
  };
}
