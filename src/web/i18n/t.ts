import type { Language } from "../../domain/localizedText.js";
import { numberLocale } from "../../domain/languageForms.js";
import { en, type MessageKey } from "./en.js";
import { zh } from "./zh.js";

export type { MessageKey };

/** Translates a message key into the page's language, filling `{name}` placeholders. */
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

const CATALOGS: Record<Language, Record<MessageKey, string>> = { zh, en };

/** The one `t()`: a translator bound to a language. Numbers in params are formatted for it. */
export function translator(lang: Language): Translate {
  const catalog = CATALOGS[lang];
  const numbers = new Intl.NumberFormat(numberLocale(lang));
  return (key, params) => {
    const text = catalog[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      if (value === undefined) return whole;
      return typeof value === "number" ? numbers.format(value) : value;
    });
  };
}
