import { z } from "zod";
import { LocalizedText } from "./localizedText.js";

/**
 * A day on which an instrument, or some of its duties, starts to apply: one calendar entry. Built by
 * obligations/deadlines.ts, sent by GET /api/deadlines and written into calendar.ics.
 */
export const Deadline = z
  .object({
    uid: z.string().describe("Stable across releases: the instrument id and the day."),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD"),
    instrument: z.string(),
    jurisdiction: z.string(),
    title: LocalizedText,
    what: z.array(LocalizedText).describe("What starts that day, one label per instrument date or duty."),
    obligations: z.array(z.string()),
    url: z.string().nullable(),
  })
  .strict();
export type Deadline = z.output<typeof Deadline>;
