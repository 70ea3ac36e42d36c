import type { Jurisdiction, JurisdictionKind } from "../domain/jurisdiction.js";
import type { Language } from "../domain/localizedText.js";
import { joinList } from "../domain/languageForms.js";
import { bundledJurisdictions } from "../reference/bundledJurisdictions.js";
import { isCountryCode, isoCountryName } from "./countryNames.js";

/** Names jurisdiction codes in a language. */
export type NameJurisdiction = (code: string, lang: Language) => string;

/** The gazetteer bundled with the package (read once: reference/bundledJurisdictions.ts). */
export const readBundledJurisdictions = bundledJurisdictions;

/**
 * Names codes from the database's jurisdictions, then from the bundled gazetteer (a database filled by
 * `aigov import` alone has no names), then the other language, then ISO 3166-1's name of a country
 * (i18n-iso-countries), then the code itself.
 */
export function jurisdictionNamer(stored: Jurisdiction[], bundled: Jurisdiction[] = []): NameJurisdiction {
  const byCode = new Map<string, Jurisdiction>();
  for (const j of [...bundled, ...stored]) byCode.set(j.code, j);
  return (code, lang) => {
    const name = byCode.get(code)?.name;
    return (
      (lang === "zh" ? (name?.zh ?? name?.en) : (name?.en ?? name?.zh)) ?? isoCountryName(code, lang) ?? code
    );
  };
}

/** Names of several codes joined as a reader lists them ("美国、英国", "US, UK"). */
export function joinNames(codes: string[], name: NameJurisdiction, lang: Language): string {
  return joinList(
    codes.map((code) => name(code, lang)),
    lang,
  );
}

/**
 * Whether a code names a country, a subdivision or a body (a bloc, an organisation): the bundled
 * gazetteer's word (where `AU` is the African Union), else its form (`US-CA` is a subdivision, an
 * ISO 3166-1 code a country) and a body otherwise. The report files each code under its own level by it.
 */
export function jurisdictionKind(code: string): JurisdictionKind {
  const known = bundledJurisdictions().find((j) => j.code === code);
  if (known) return known.kind;
  if (code.includes("-")) return "subdivision";
  return isCountryCode(code) ? "country" : "body";
}
