import { type Language, type LocalizedText } from "../../domain/localizedText.js";
import { languageTag, otherLanguage } from "../../domain/languageForms.js";
import { html, type SafeHtml } from "../html.js";
import type { Translate } from "../i18n/t.js";

/** A text picked for the page's language, remembering when it fell back to the other one. */
export interface PickedText {
  text: string;
  lang: Language;
  fallback: boolean;
}

/** Picks a localized text for a language (falling back to the other), or null when neither exists. */
export function pick(text: LocalizedText | undefined, lang: Language): PickedText | null {
  if (!text) return null;
  const own = text[lang];
  if (own) return { text: own, lang, fallback: false };
  const other: Language = otherLanguage(lang);
  const theirs = text[other];
  return theirs ? { text: theirs, lang: other, fallback: true } : null;
}

/** Marks a picked text with its language, and says so when it is not the page's language. */
export function localized(picked: PickedText | null, t: Translate, content?: SafeHtml): SafeHtml {
  if (!picked) return html``;
  const body = content ?? picked.text;
  if (!picked.fallback) return html`${body}`;
  return html`<span lang="${languageTag(picked.lang)}">${body}</span>
    <small class="fallback">${t("lang.fallback", { lang: t(`lang.${picked.lang}`) })}</small>`;
}

export { firstLines, plainText } from "./textExcerpt.js";
