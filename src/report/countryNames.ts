import { createRequire } from "node:module";
import countries, { type LocaleData } from "i18n-iso-countries";
import type { Language } from "../domain/localizedText.js";

// require() rather than JSON import attributes, which Node 20's first releases do not read.
const require = createRequire(import.meta.url);
countries.registerLocale(require("i18n-iso-countries/langs/en.json") as LocaleData);
countries.registerLocale(require("i18n-iso-countries/langs/zh.json") as LocaleData);

/** A country's name from ISO 3166-1 (i18n-iso-countries), in zh or en; null for a code that is no country. */
export function isoCountryName(code: string, lang: Language): string | null {
  return countries.getName(code, lang) ?? null;
}

/** ISO 3166-1 numeric (as world-atlas numbers its shapes, "250") to alpha-2 ("FR"), or null. */
export function alpha2OfNumeric(numeric: string): string | null {
  return countries.numericToAlpha2(numeric) ?? null;
}

/** Whether a code is an ISO 3166-1 alpha-2 country code. */
export function isCountryCode(code: string): boolean {
  return /^[A-Z]{2}$/.test(code) && countries.isValid(code);
}
