import { z } from "zod";
import { EventId } from "./event.js";
import { HttpUrl, Verification } from "./instrument.js";
import { RequiredLocalizedText } from "./localizedText.js";

/**
 * Where an imported event's text and the official record disagree: the event keeps the text as
 * imported, and the correction says what the record shows, with the sources it was read from.
 */
export const Correction = z
  .object({
    event: EventId,
    field: z.enum(["title", "summary", "date"]),
    claim: RequiredLocalizedText,
    correction: RequiredLocalizedText,
    verification: Verification,
    sources: z.array(HttpUrl).min(1, "expected at least one source URL"),
  })
  .strict();
export type Correction = z.infer<typeof Correction>;
