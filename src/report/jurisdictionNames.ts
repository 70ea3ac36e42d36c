import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { Jurisdiction } from "../domain/jurisdiction.js";
import type { Language } from "../domain/localizedText.js";
import { DATA_DIR } from "../import/bundledDataset.js";
import { isoCountryName } from "./countryNames.js";

/** Names jurisdiction codes in a language. */
export type NameJurisdiction = (code: string, lang: Language) => string;

/** The gazetteer bundled with the package (data/jurisdictions.json), or none when it is missing. */
export function readBundledJurisdictions(): Jurisdiction[] {
  const path = join(DATA_DIR, "jurisdictions.json");
  if (!existsSync(path)) return [];
  return z.array(Jurisdiction).parse(JSON.parse(readFileSync(path, "utf8")));
}

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
  return codes.map((code) => name(code, lang)).join(lang === "zh" ? "、" : ", ");
}
