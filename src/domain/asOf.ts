import { z } from "zod";

/**
 * A moment in the past, as `asOf` takes it: an ISO 8601 date-time with its offset (`Z` or `+08:00`),
 * or a date alone (the start of that day, UTC). Normalised to UTC with milliseconds, the form
 * revisions are stored in, so that comparing the strings compares the moments.
 */
export const AsOf = z
  .string()
  .max(40)
  .refine(
    (value) => /^\d{4}-\d{2}-\d{2}$/.test(value) || z.iso.datetime({ offset: true }).safeParse(value).success,
    {
      message:
        "expected an ISO 8601 date-time such as 2026-01-01T00:00:00Z (or a date, meaning its start in UTC)",
    },
  )
  .transform((value) => new Date(/T/.test(value) ? value : `${value}T00:00:00Z`).toISOString());
