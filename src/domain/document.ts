import { z } from "zod";
import { Language } from "./localizedText.js";

/** A section of a report's analysis (executive summary, "一、跨国治理…", "1. 欧盟…"), kept as paragraphs. */
export const NarrativeSection = z
  .object({
    heading: z.string().min(1),
    /** 1 for a part ("一、…"), 2 for a numbered section inside it ("1. …"). */
    depth: z.number().int().min(1).max(6),
    paragraphs: z.array(z.string()),
  })
  .strict();
export type NarrativeSection = z.output<typeof NarrativeSection>;

/**
 * A document events were imported from (a chronicle report such as the seed), with the analysis that
 * precedes its chronicle, so that a later report for the same period can reuse that narrative.
 */
export const SourceDocument = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    lang: Language,
    /** The year the chronicle covers, which supplies dates written without one. */
    year: z.number().int().min(1900).max(2200).nullable(),
    narrative: z.array(NarrativeSection),
  })
  .strict();
export type SourceDocument = z.output<typeof SourceDocument>;

/**
 * A translation of a document's narrative, kept as curated data beside the original (data/translations/):
 * the same sections, in the same order and depths, each with as many paragraphs, so that a report in the
 * translation's language can reuse the analysis wherever the original's would be reused. `note` says
 * whose translation it is and which text prevails, and is printed with it.
 */
export const NarrativeTranslation = z
  .object({
    key: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(1),
    lang: Language,
    year: z.number().int().min(1900).max(2200).nullable(),
    translationOf: z
      .object({ key: z.string().regex(/^[a-z0-9-]+$/), lang: Language, note: z.string().min(1) })
      .strict(),
    narrative: z.array(NarrativeSection),
  })
  .strict();
export type NarrativeTranslation = z.output<typeof NarrativeTranslation>;
