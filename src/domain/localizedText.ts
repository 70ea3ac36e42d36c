import { z } from "zod";

/** Text in Chinese and/or English; either may be missing, neither may be an empty string. */
export const LocalizedText = z
  .object({
    zh: z.string().trim().min(1, "expected non-empty text").optional(),
    en: z.string().trim().min(1, "expected non-empty text").optional(),
  })
  .strict();
export type LocalizedText = z.infer<typeof LocalizedText>;

/** A LocalizedText that must carry at least one language (titles, labels). */
export const RequiredLocalizedText = LocalizedText.refine(
  (text) => text.zh !== undefined || text.en !== undefined,
  { message: "expected at least one of zh or en" },
);

export const LANGUAGES = ["zh", "en"] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

/** Picks the text in the wanted language, falling back to the other one. */
export function pickText(text: LocalizedText, lang: Language): string | undefined {
  return lang === "zh" ? (text.zh ?? text.en) : (text.en ?? text.zh);
}
