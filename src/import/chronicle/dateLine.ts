import type { EventDate } from "../../domain/event.js";
import { dateBounds, precisionOf } from "../../domain/partialDate.js";
import { findWrittenDates } from "./chronicleDates.js";

// "日期：…", "**日期**：…", "Date: …": a line stating the event's date outright.
// No two quantifiers over the same characters meet, and the value is trimmed by hand: linear on any line.
const DATE_MARK = /^\s*(?:\*\*\s*)?(?:日期|Date)\s*(?:\*\*\s*)?[:：]\s*(?:\*\*\s*)?/i;
// Between the two ends of a span; a plain "-" is not one, since ISO dates are written with it.
// The separator alone, the parts trimmed after: "\s*(?:…)\s*" scanned a run of spaces again from each of
// its positions, quadratic on a line of spaces (200 KB: 46 s).
const SPAN_SEPARATOR = /至|到|–|—|~|～|\/|\bto\b/i;
const ISO_PARTIAL = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** One end of a span: an ISO partial date, or a date written in words that fills the whole part. */
function readDate(part: string): string | null {
  const text = part.trim();
  if (ISO_PARTIAL.test(text)) return precisionOf(text) === null ? null : text;
  const [written] = findWrittenDates(text, null);
  if (!written || written.end !== null || written.index !== 0 || written.length !== text.length) return null;
  return written.start;
}

/**
 * Recognises the optional date line a chronicle may print right after an event's title
 * ("日期：2025 年 1 月 20 日", "Date: 2025-01-20", "日期：2025 年 2 月 4 日至 2025 年 2 月 7 日"), for
 * events whose summary does not write their date. Returns null when the line is not a date line, and
 * `{ date: null }` when it is one whose date cannot be read.
 */
export function matchDateLine(text: string): { date: EventDate | null } | null {
  const marked = DATE_MARK.exec(text);
  if (!marked) return null;
  let value = text.slice(marked[0].length).trimEnd();
  if (value.endsWith("**")) value = value.slice(0, -2).trimEnd();
  const parts = value.split(SPAN_SEPARATOR).map((part) => part.trim());
  if (parts.length > 2) return { date: null };
  const start = readDate(parts[0] ?? "");
  const end = parts[1] === undefined ? null : readDate(parts[1]);
  const precision = start === null ? null : precisionOf(start);
  if (start === null || precision === null || (parts[1] !== undefined && end === null)) return { date: null };
  if (end !== null && dateBounds(end).last < dateBounds(start).first) return { date: null };
  return { date: { start, end, precision } };
}
