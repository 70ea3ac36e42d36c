import { z } from "zod";
import { precisionOf } from "./partialDate.js";

/** The instant a valid value names, or NaN (a date or time that no calendar has: 2026-13-01, 24:61). */
function instantOf(value: string): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value))
    return precisionOf(value) === "day" ? Date.parse(`${value}T00:00:00Z`) : Number.NaN;
  if (!z.iso.datetime({ offset: true }).safeParse(value).success) return Number.NaN;
  // Date.parse rolls some impossible days over (2026-02-30 becomes 2 March): the day must be real too.
  return precisionOf(value.slice(0, 10)) === "day" ? Date.parse(value) : Number.NaN;
}

/**
 * A moment in the past, as `asOf` takes it: an ISO 8601 date-time with its offset (`Z` or `+08:00`),
 * or a date alone (the start of that day, UTC). Normalised to UTC with milliseconds, the form
 * revisions are stored in, so that comparing the strings compares the moments.
 */
export const AsOf = z
  .string()
  .max(40)
  .refine((value) => Number.isFinite(instantOf(value)), {
    message:
      "expected an ISO 8601 date-time such as 2026-01-01T00:00:00Z (or a date, meaning its start in UTC)",
  })
  .transform((value) => new Date(instantOf(value)).toISOString());
