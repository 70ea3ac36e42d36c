import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { NarrativeTranslation } from "../domain/document.js";
import { DATA_DIR } from "./dataDir.js";

let bundled: NarrativeTranslation[] | undefined;

/**
 * The curated translations of documents' narratives (data/translations/*.json), read and validated once
 * per process. A file that does not hold a translation is an error naming the file and the field.
 */
export function narrativeTranslations(dir: string = DATA_DIR): NarrativeTranslation[] {
  if (dir === DATA_DIR && bundled) return bundled;
  const folder = join(dir, "translations");
  const files = existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith(".json"))
        .sort()
    : [];
  const translations = files.map((name) => {
    const parsed = NarrativeTranslation.safeParse(JSON.parse(readFileSync(join(folder, name), "utf8")));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`data/translations/${name}: ${issue?.path.join(".")}: ${issue?.message ?? "invalid"}`);
    }
    return parsed.data;
  });
  if (dir === DATA_DIR) bundled = translations;
  return translations;
}
