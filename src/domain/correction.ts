import { z } from "zod";
import { EventId } from "./event.js";
import { HttpUrl, Verification } from "./instrument.js";
import { RequiredLocalizedText } from "./localizedText.js";

/** The fields of an event a correction can name. */
export const CORRECTED_FIELDS = [
  "title",
  "summary",
  "date",
  "effectiveDates",
  "type",
  "bindingness",
  "level",
  "jurisdictions",
] as const;
export const CorrectedField = z.enum(CORRECTED_FIELDS);
export type CorrectedField = z.infer<typeof CorrectedField>;

/**
 * Where an imported event's text and the official record disagree: the event keeps the text as
 * imported, and the correction says what the record shows, with the sources it was read from.
 */
export const Correction = z
  .object({
    event: EventId,
    /** The event field the imported text gets wrong; every view that shows this field shows the correction beside it. */
    field: CorrectedField,
    claim: RequiredLocalizedText,
    correction: RequiredLocalizedText,
    verification: Verification,
    sources: z.array(HttpUrl).min(1, "expected at least one source URL"),
  })
  .strict();
export type Correction = z.infer<typeof Correction>;
