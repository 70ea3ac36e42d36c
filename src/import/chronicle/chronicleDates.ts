import { type DatePrecision, daysInMonth, formatPartialDate } from "../../domain/partialDate.js";
import { MONTH_NAMES_EN } from "../../domain/monthNames.js";

/** A date written in running text ("2025 年 2 月 4-7 日", "9 月 15 日", "10 February 2025"). */
export interface WrittenDate {
  start: string;
  end: string | null;
  precision: DatePrecision;
  /** Whether the text wrote the year, rather than leaving it to the chronicle. */
  hasYear: boolean;
  index: number;
  length: number;
}

const DASH = "[-–—~～至到]";
const DAY_MARK = "(?:日|号)";
// One alternation, longest form first, so that at a given position a range wins over a single day.
const ZH_DATE = new RegExp(
  [
    `(?<!\\d)(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*${DAY_MARK}?\\s*${DASH}\\s*(?:(\\d{1,2})\\s*月\\s*)?(\\d{1,2})\\s*${DAY_MARK}`,
    `(?<!\\d)(?:(\\d{4})\\s*年\\s*)?(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*${DAY_MARK}`,
    `(?<!\\d)(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月`,
    `(?<!\\d)(\\d{4})\\s*年(?!\\s*\\d)(?!度)`,
  ].join("|"),
  "g",
);

const MONTH_EN =
  "(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.?";
const EN_DATE = new RegExp(
  [
    `(?<!\\d)(\\d{1,2})(?:\\s*[-–]\\s*(\\d{1,2}))?\\s+${MONTH_EN},?\\s+(\\d{4})`,
    `\\b${MONTH_EN}\\s+(\\d{1,2})(?:\\s*[-–]\\s*(\\d{1,2}))?,?\\s+(\\d{4})`,
    `\\b${MONTH_EN}\\s+(\\d{4})`,
    `(?<![\\d-])(\\d{4})-(\\d{2})-(\\d{2})(?![\\d])`,
  ].join("|"),
  "gi",
);

/** The month number of an English month name or abbreviation, else null. */
export function englishMonth(name: string): number | null {
  const lower = name.toLowerCase().replace(/\.$/, "");
  const index = MONTH_NAMES_EN.findIndex(
    (month) => month.toLowerCase().startsWith(lower) && lower.length >= 3,
  );
  return index === -1 ? null : index + 1;
}

function build(
  year: number,
  month: number | undefined,
  day: number | undefined,
  endMonth: number | undefined,
  endDay: number | undefined,
): { start: string; end: string | null; precision: DatePrecision } | null {
  if (month !== undefined && (month < 1 || month > 12)) return null;
  if (day !== undefined && month !== undefined && (day < 1 || day > daysInMonth(year, month))) return null;
  const start = formatPartialDate(year, month, day);
  const precision: DatePrecision = day !== undefined ? "day" : month !== undefined ? "month" : "year";
  if (endDay === undefined) return { start, end: null, precision };
  const lastMonth = endMonth ?? month ?? 1;
  // "12月30日至1月2日": a span that ends in an earlier month ends in the next year.
  const endYear = month !== undefined && lastMonth < month ? year + 1 : year;
  if (lastMonth < 1 || lastMonth > 12 || endDay < 1 || endDay > daysInMonth(endYear, lastMonth)) return null;
  const end = formatPartialDate(endYear, lastMonth, endDay);
  return end > start ? { start, end, precision } : null;
}

const num = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/**
 * Finds the dates written in a text, in order. A date without its year ("9 月 15 日") takes
 * `defaultYear`, the chronicle's year; a month without a year ("7月") is too vague to be read as a date.
 */
export function findWrittenDates(text: string, defaultYear: number | null): WrittenDate[] {
  const found: WrittenDate[] = [];
  for (const m of text.matchAll(ZH_DATE)) {
    let date: ReturnType<typeof build>;
    let hasYear: boolean;
    if (m[2] !== undefined) {
      hasYear = m[1] !== undefined;
      const year = num(m[1]) ?? defaultYear;
      date = year === null ? null : build(year, num(m[2]), num(m[3]), num(m[4]), num(m[5]));
    } else if (m[7] !== undefined) {
      hasYear = m[6] !== undefined;
      const year = num(m[6]) ?? defaultYear;
      date = year === null ? null : build(year, num(m[7]), num(m[8]), undefined, undefined);
    } else if (m[9] !== undefined) {
      hasYear = true;
      date = build(Number(m[9]), num(m[10]), undefined, undefined, undefined);
    } else {
      hasYear = true;
      date = build(Number(m[11]), undefined, undefined, undefined, undefined);
    }
    if (date) found.push({ ...date, hasYear, index: m.index, length: m[0].length });
  }
  for (const m of text.matchAll(EN_DATE)) {
    let date: ReturnType<typeof build> = null;
    if (m[1] !== undefined) {
      const month = englishMonth(m[3] ?? "");
      if (month) date = build(Number(m[4]), month, num(m[1]), undefined, num(m[2]));
    } else if (m[5] !== undefined) {
      const month = englishMonth(m[5]);
      if (month) date = build(Number(m[8]), month, num(m[6]), undefined, num(m[7]));
    } else if (m[9] !== undefined) {
      const month = englishMonth(m[9]);
      if (month) date = build(Number(m[10]), month, undefined, undefined, undefined);
    } else if (m[11] !== undefined) {
      date = build(Number(m[11]), num(m[12]), num(m[13]), undefined, undefined);
    }
    if (date) found.push({ ...date, hasYear: true, index: m.index, length: m[0].length });
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The date a chronicle's text gives an event filed under a month header: the first date (not a bare
 * year) that its summary, then its title, writes in that month, or, when it is filed under no month, the
 * first such date at all. Undefined when the text writes none of them; `wroteDates` tells whether it
 * wrote dates elsewhere. The importer falls back to the month header; a writer checks whether a date
 * line is needed.
 */
export function textEventDate(
  summary: string,
  title: string,
  month: number | null,
  year: number | null,
): { date: WrittenDate | undefined; wroteDates: boolean } {
  const written = [...findWrittenDates(summary, year), ...findWrittenDates(title, year)].filter(
    (date) => date.precision !== "year",
  );
  const inMonth = written.find(
    (date) =>
      month !== null &&
      Number(date.start.slice(5, 7)) === month &&
      (year === null || Number(date.start.slice(0, 4)) === year),
  );
  return { date: inMonth ?? (month === null ? written[0] : undefined), wroteDates: written.length > 0 };
}

// What follows a date that says something takes effect then: "起全面生效", "正式生效", "全面实施".
const ZH_EFFECT_AFTER = /^\s*(?:起)?\s*(?:正式|全面)?\s*(?:生效|实施|施行|适用)/;
const EN_EFFECT_BEFORE =
  /(?:enters? into force|takes? effect|effective|applies|apply|in force)\s+(?:from|on|as of)?\s*$/i;

/** A date the text states as the day something takes effect, with the words it used. */
export interface StatedEffectiveDate {
  date: string;
  words: string;
}

/** Finds the dates a text states as effective dates ("将于 2026 年 1 月 22 日起全面生效"). */
export function findEffectiveDates(text: string, defaultYear: number | null): StatedEffectiveDate[] {
  const stated: StatedEffectiveDate[] = [];
  for (const date of findWrittenDates(text, defaultYear)) {
    if (date.precision === "year" && !date.hasYear) continue;
    const after = text.slice(date.index + date.length, date.index + date.length + 12);
    const zh = ZH_EFFECT_AFTER.exec(after);
    const before = text.slice(Math.max(0, date.index - 40), date.index);
    const en = EN_EFFECT_BEFORE.exec(before);
    if (zh) stated.push({ date: date.start, words: zh[0].replace(/\s+/g, "").replace(/^起/, "") });
    else if (en) stated.push({ date: date.start, words: en[0].trim() });
  }
  return stated;
}
