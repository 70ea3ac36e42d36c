import type { Language } from "../../domain/localizedText.js";

/**
 * An internal link that keeps the page's language: `lang` is set (replacing any) on the path's query,
 * so every link reproduces the view in the language it was followed from.
 */
export function localHref(
  path: string,
  lang: Language,
  params?: URLSearchParams | Record<string, string>,
): string {
  const url = new URL(path, "http://local");
  if (params) {
    const entries = params instanceof URLSearchParams ? [...params] : Object.entries(params);
    for (const [key, value] of entries) url.searchParams.append(key, value);
  }
  url.searchParams.set("lang", lang);
  return `${url.pathname}${url.search}${url.hash}`;
}
