import { z } from "zod";
import { EventId, JurisdictionCode } from "./event.js";
import { HttpUrl, Verification } from "./instrument.js";
import { RequiredLocalizedText } from "./localizedText.js";
import { PartialDate } from "./partialDate.js";

/** A part of an instrument the checker holds duties for, said in words (its articles). */
export const ModelledPart = z
  .object({
    instrument: EventId,
    parts: RequiredLocalizedText,
  })
  .strict();
export type ModelledPart = z.infer<typeof ModelledPart>;

/**
 * A rule aigov knows binds in a jurisdiction but does not model: named so that a short answer is never
 * read as a complete one. `instrument` links a part of a modelled instrument; a separate law has none.
 */
export const CoverageGap = z
  .object({
    title: RequiredLocalizedText,
    instrument: EventId.nullable().default(null),
    /** Who or what it reaches, in one line, so a reader can tell whether it may concern them. */
    reaches: RequiredLocalizedText,
    /** Since when it applies, where a source gives the day; null when no source read gives it. */
    since: PartialDate.nullable().default(null),
    verification: Verification,
    sources: z.array(HttpUrl),
  })
  .strict()
  .refine((gap) => gap.verification === "unverified" || gap.sources.length > 0, {
    message: "expected at least one source URL unless unverified",
    path: ["sources"],
  });
export type CoverageGap = z.output<typeof CoverageGap>;

/** What aigov models in one jurisdiction, what it knows and does not model, and when that was last checked. */
export const JurisdictionCoverage = z
  .object({
    jurisdiction: JurisdictionCode,
    /** The day this record was last checked against its sources (YYYY-MM-DD). */
    checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD"),
    modelled: z.array(ModelledPart),
    notModelled: z.array(CoverageGap),
  })
  .strict();
export type JurisdictionCoverage = z.output<typeof JurisdictionCoverage>;

export const CoverageFile = z.array(JurisdictionCoverage);
