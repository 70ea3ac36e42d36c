import { z } from "zod";

export const PRECISIONS = ["day", "month", "year"] as const;
export const DatePrecision = z.enum(PRECISIONS);
export type DatePrecision = z.infer<typeof DatePrecision>;

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The precision a partial ISO 8601 date is written in, or null when it is not one. */
export function precisionOf(value: string): DatePrecision | null {
  const match = PARTIAL_DATE.exec(value);
  if (!match) return null;
  const [, year, month, day] = match;
  if (month === undefined) return "year";
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  if (day === undefined) return "month";
  const d = Number(day);
  if (d < 1 || d > daysInMonth(Number(year), m)) return null;
  return "day";
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Formats year, month and day as a partial ISO date of the precision given by what is present. */
export function formatPartialDate(year: number, month?: number, day?: number): string {
  const y = String(year).padStart(4, "0");
  if (month === undefined) return y;
  const m = String(month).padStart(2, "0");
  if (day === undefined) return `${y}-${m}`;
  return `${y}-${m}-${String(day).padStart(2, "0")}`;
}

/** A calendar date written as YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601 reduced precision). */
export const PartialDate = z.string().refine((value) => precisionOf(value) !== null, {
  message: "expected a date written YYYY, YYYY-MM or YYYY-MM-DD",
});

/** The first and last calendar day a partial date covers, as YYYY-MM-DD, for range filters. */
export function dateBounds(value: string): { first: string; last: string } {
  const precision = precisionOf(value);
  const [y, m] = value.split("-").map(Number) as [number, number | undefined];
  if (precision === "year") return { first: `${value}-01-01`, last: `${value}-12-31` };
  if (precision === "month") return { first: `${value}-01`, last: `${value}-${daysInMonth(y, m ?? 1)}` };
  return { first: value, last: value };
}
