import type { Language } from "./localizedText.js";

// The choices by language that are not words: tags, punctuation, the other language. Each is a record
// keyed by language (a missing language is a type error) behind one helper, so no code picks them with
// an inline `lang === "zh" ? … : …` (the aigov/no-inline-language-text lint rule refuses that).

const TAGS: Record<Language, string> = { zh: "zh-CN", en: "en" };
const OG_LOCALES: Record<Language, string> = { zh: "zh_CN", en: "en_GB" };
const NUMBER_LOCALES: Record<Language, string> = { zh: "zh-CN", en: "en-GB" };
const OTHER: Record<Language, Language> = { zh: "en", en: "zh" };
const LIST_SEPARATORS: Record<Language, string> = { zh: "、", en: ", " };

/** The BCP 47 tag of a language, for `lang` attributes and citation records: "zh-CN", "en". */
export const languageTag = (lang: Language): string => TAGS[lang];

/** The Open Graph locale of a page: "zh_CN", "en_GB". */
export const openGraphLocale = (lang: Language): string => OG_LOCALES[lang];

/** The locale numbers are formatted in: "zh-CN", "en-GB". */
export const numberLocale = (lang: Language): string => NUMBER_LOCALES[lang];

/** The language a text is offered in besides the page's. */
export const otherLanguage = (lang: Language): Language => OTHER[lang];

/** What separates the items of a list in running text: "、" in Chinese, ", " in English. */
export const listSeparator = (lang: Language): string => LIST_SEPARATORS[lang];

/** Items joined as a list in running text: "欧盟、中国", "EU, China". */
export const joinList = (items: readonly string[], lang: Language): string => items.join(listSeparator(lang));
