// Pure (no zod, no Node): the browser script formats dates with these same functions.

import { MONTH_NAMES_EN } from "../../domain/monthNames.js";

type Language = "zh" | "en";

/** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) as a reader of the language writes it, at its precision. */
export function formatDate(value: string, lang: Language): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return value;
  const [year, month, day] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part))) as [number, number?, number?];
  const precision = day !== undefined ? "day" : month !== undefined ? "month" : "year";
  if (lang === "zh") {
    if (precision === "year") return `${year}年`;
    if (precision === "month") return `${year}年${month}月`;
    return `${year}年${month}月${day}日`;
  }
  const monthName = MONTH_NAMES_EN[(month ?? 1) - 1] ?? "";
  if (precision === "year") return String(year);
  if (precision === "month") return `${monthName} ${year}`;
  return `${day} ${monthName} ${year}`;
}

/** An event's date as written: a single partial date, or a span "start – end". */
export function formatDateSpan(date: { start: string; end: string | null }, lang: Language): string {
  if (!date.end || date.end === date.start) return formatDate(date.start, lang);
  return `${formatDate(date.start, lang)} – ${formatDate(date.end, lang)}`;
}

/** A month heading ("2025年3月", "March 2025") from a YYYY-MM key. */
export function formatMonth(key: string, lang: Language): string {
  return formatDate(key, lang);
}
