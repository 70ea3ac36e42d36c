import { LANGUAGES, type Language } from "../../domain/localizedText.js";

/** The cookie that remembers a reader's language choice. */
export const LANGUAGE_COOKIE = "aigov_lang";

const isLanguage = (value: string | undefined | null): value is Language =>
  value !== undefined && value !== null && (LANGUAGES as readonly string[]).includes(value);

/** The language Accept-Language prefers among zh and en (by q-value, then order), or null. */
export function preferredLanguage(acceptLanguage: string | undefined): Language | null {
  if (!acceptLanguage) return null;
  const ranked = acceptLanguage
    .split(",")
    .map((part, order) => {
      const [range = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { primary: range.trim().toLowerCase().split("-")[0] ?? "", q: q ? Number(q) : 1, order };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.order - b.order);
  return ranked.map((entry) => entry.primary).find(isLanguage) ?? null;
}

/** Reads one cookie's value from a Cookie header. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return rest.join("=");
  }
  return undefined;
}

/** Where a page's language came from: the URL (then it is remembered) or the reader's earlier choice. */
export interface LanguageChoice {
  lang: Language;
  /** True when the URL said it: the page can be cached by URL and the choice is stored in the cookie. */
  fromUrl: boolean;
}

/**
 * The page's language: `?lang=` first (a link reproduces the view), else the cookie that remembers the
 * last choice, else Accept-Language on a first visit, else Chinese (the seed's language).
 */
export function chooseLanguage(input: {
  query: string | undefined;
  cookie: string | undefined;
  acceptLanguage: string | undefined;
}): LanguageChoice {
  if (isLanguage(input.query)) return { lang: input.query, fromUrl: true };
  const remembered = cookieValue(input.cookie, LANGUAGE_COOKIE);
  if (isLanguage(remembered)) return { lang: remembered, fromUrl: false };
  return { lang: preferredLanguage(input.acceptLanguage) ?? "zh", fromUrl: false };
}

/** The Set-Cookie value that remembers a language for a year. */
export function languageCookie(lang: Language): string {
  return `${LANGUAGE_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
