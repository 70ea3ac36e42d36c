import type { EventDate } from "../domain/event.js";
import type { Language } from "../domain/localizedText.js";
import { MONTH_NAMES_EN } from "../domain/monthNames.js";
import { REPORT_PHRASES } from "./reportPhrases.js";
import { dateBounds } from "../domain/partialDate.js";

/** The first and last day of a report, as YYYY-MM-DD. */
export interface ReportPeriod {
  from: string;
  to: string;
}

interface Parts {
  year: number;
  month?: number;
  day?: number;
}

function parts(date: string): Parts {
  const [year, month, day] = date.split("-").map(Number) as [number, number | undefined, number | undefined];
  return { year, month, day };
}

function formatParts({ year, month, day }: Parts, lang: Language): string {
  if (lang === "zh") {
    if (month === undefined) return `${year} 年`;
    return day === undefined ? `${year} 年 ${month} 月` : `${year} 年 ${month} 月 ${day} 日`;
  }
  if (month === undefined) return String(year);
  const name = MONTH_NAMES_EN[month - 1] ?? "";
  return day === undefined ? `${name} ${year}` : `${day} ${name} ${year}`;
}

/** A partial date as a reader writes it: "2025 年 1 月 20 日", "20 January 2025", "April 2025". */
export function formatPartialDate(date: string, lang: Language): string {
  return formatParts(parts(date), lang);
}

/** A span written without repeating what both ends share: "2025 年 2 月 4 日至 7 日", "4–7 February 2025". */
function formatSpan(start: Parts, end: Parts, lang: Language): string {
  const sameYear = start.year === end.year;
  const sameMonth = sameYear && start.month === end.month;
  if (lang === "zh") {
    const head = formatParts(start, lang);
    if (!sameYear) return `${head}至 ${formatParts(end, lang)}`;
    if (sameMonth && end.day !== undefined) return `${head}至 ${end.day} 日`;
    const tail = end.day === undefined ? `${end.month} 月` : `${end.month} 月 ${end.day} 日`;
    return end.month === undefined ? `${head}至 ${formatParts(end, lang)}` : `${head}至 ${tail}`;
  }
  const name = (month: number | undefined) => MONTH_NAMES_EN[(month ?? 1) - 1] ?? "";
  if (sameMonth && start.day !== undefined && end.day !== undefined)
    return `${start.day}–${end.day} ${name(start.month)} ${start.year}`;
  if (sameYear && start.month !== undefined && end.month !== undefined) {
    const left = start.day === undefined ? name(start.month) : `${start.day} ${name(start.month)}`;
    const right = end.day === undefined ? name(end.month) : `${end.day} ${name(end.month)}`;
    return `${left} – ${right} ${start.year}`;
  }
  return `${formatParts(start, lang)} – ${formatParts(end, lang)}`;
}

/** An event's date for running text, spans included. */
export function formatEventDate(date: EventDate, lang: Language): string {
  if (date.end === null) return formatPartialDate(date.start, lang);
  return formatSpan(parts(date.start), parts(date.end), lang);
}

/**
 * The value of a chronicle's date line, written so that the importer reads it back exactly: full dates
 * at both ends in Chinese, ISO dates in English ("2025-02-04 to 2025-02-07").
 */
export function dateLineValue(date: EventDate, lang: Language): string {
  if (lang === "en") return date.end === null ? date.start : `${date.start} to ${date.end}`;
  const start = formatPartialDate(date.start, lang);
  return date.end === null ? start : `${start}至 ${formatPartialDate(date.end, lang)}`;
}

/** The period in full: "2025 年 1 月 1 日至 2025 年 12 月 31 日", "1 January 2025 – 31 December 2025". */
export function formatPeriod(period: ReportPeriod, lang: Language): string {
  const from = formatPartialDate(period.from, lang);
  const to = formatPartialDate(period.to, lang);
  return REPORT_PHRASES[lang].period(from, to);
}

/**
 * The period for a title: the year when it is one calendar year, whole months when it is made of
 * them ("2025 年 3 月至 6 月", "March–June 2025"), else its days.
 */
export function periodLabel(period: ReportPeriod, lang: Language): string {
  const from = parts(period.from);
  const to = parts(period.to);
  const wholeMonths =
    from.day === 1 && dateBounds(period.to.slice(0, 7)).last === period.to && from.month !== undefined;
  if (wholeMonths && from.month === 1 && to.month === 12 && from.year === to.year)
    return REPORT_PHRASES[lang].year(from.year);
  if (wholeMonths) {
    const start = { year: from.year, month: from.month };
    const end = { year: to.year, month: to.month };
    if (start.year === end.year && start.month === end.month) return formatParts(start, lang);
    return lang === "zh" ? formatSpan(start, end, lang) : formatSpan(start, end, lang).replace(" – ", "–");
  }
  return formatSpan(from, to, lang);
}

/** A chronicle's month header: "1 月" or "January", with the year when the chronicle spans several. */
export function monthHeading(year: number, month: number, lang: Language, withYear: boolean): string {
  if (lang === "zh") return withYear ? `${year} 年 ${month} 月` : `${month} 月`;
  const name = MONTH_NAMES_EN[month - 1] ?? "";
  return withYear ? `${name} ${year}` : name;
}
