import { type Language, type LocalizedText } from "../../domain/localizedText.js";
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
  const other: Language = lang === "zh" ? "en" : "zh";
  const theirs = text[other];
  return theirs ? { text: theirs, lang: other, fallback: true } : null;
}

/** Marks a picked text with its language, and says so when it is not the page's language. */
export function localized(picked: PickedText | null, t: Translate, content?: SafeHtml): SafeHtml {
  if (!picked) return html``;
  const body = content ?? picked.text;
  if (!picked.fallback) return html`${body}`;
  return html`<span lang="${picked.lang === "zh" ? "zh-CN" : "en"}">${body}</span>
    <small class="fallback">${t("lang.fallback", { lang: t(`lang.${picked.lang}`) })}</small>`;
}

/** Plain text of a summary as printed: Markdown emphasis ("**三类枢纽**") dropped. */
export function plainText(text: string): string {
  return text.replace(/\*\*([^*\n]+)\*\*/g, "$1").replace(/(?<![\w*])\*([^*\n]+)\*(?![\w*])/g, "$1");
}

/** The first lines of a text: its first sentence or two, cut near `limit` characters. */
export function firstLines(text: string, limit = 180): string {
  const plain = plainText(text).replace(/\s+/g, " ").trim();
  if (plain.length <= limit) return plain;
  const cut = plain.slice(0, limit);
  const stop = Math.max(cut.lastIndexOf("。"), cut.lastIndexOf(". "), cut.lastIndexOf("；"));
  return stop > limit / 2 ? cut.slice(0, stop + 1) : `${cut.trimEnd()}…`;
}
