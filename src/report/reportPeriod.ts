import { dateBounds } from "../domain/partialDate.js";
import type { ReportPeriod } from "./reportDates.js";

/**
 * The longest period a report (or its statistics) may cover, in years, unless the operator sets
 * AIGOV_REPORT_MAX_YEARS. Issue 24: `from=0001&to=9999` built 120,000 months in 13.6 s and 1.45 GB;
 * fifty years is 600 months, more than any governance history the data could hold.
 */
export const MAX_REPORT_YEARS = 50;

/** The parameters (`from`, `to`) of the API and the CLI that set a period's ends. */
export type PeriodParameter = "from" | "to";

/**
 * A period that cannot be reported: the message says why, in one line; `usage` when the options
 * contradict each other; `parameters` names the ends at fault, for the API's problem document.
 */
export class ReportPeriodError extends Error {
  override name = "ReportPeriodError";
  constructor(
    message: string,
    readonly usage = false,
    readonly parameters: PeriodParameter[] = [],
  ) {
    super(message);
  }
}

/** The months the data holds, from the first event's start to the last one's, as YYYY-MM. */
export interface MonthSpan {
  first: string;
  last: string;
}

const monthNumber = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/**
 * The days a report covers, from the --from and --to partial dates (a month or year means all of it).
 * Without either, the last calendar year with data; --from alone runs to the end of that year (or of
 * its own year, if later); --to alone starts on the first day of its year. A period longer than
 * `maxYears` is refused, naming the ends the caller gave, before anything is read or built.
 */
export function resolvePeriod(
  from: string | undefined,
  to: string | undefined,
  lastYear: number | null,
  maxYears = MAX_REPORT_YEARS,
): ReportPeriod {
  if (from === undefined && to === undefined) {
    if (lastYear === null)
      throw new ReportPeriodError("the database holds no events to report on; import some first");
    return { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` };
  }
  const given = (["from", "to"] as const).filter((name) => (name === "from" ? from : to) !== undefined);
  const first = from === undefined ? `${(to as string).slice(0, 4)}-01-01` : dateBounds(from).first;
  const last =
    to !== undefined
      ? dateBounds(to).last
      : `${Math.max(Number(first.slice(0, 4)), lastYear ?? Number(first.slice(0, 4)))}-12-31`;
  if (last < first) throw new ReportPeriodError(`--from ${from} is after --to ${to}`, true, given);
  const months = monthNumber(last) - monthNumber(first) + 1;
  if (months > maxYears * 12)
    throw new ReportPeriodError(
      `the period ${first} to ${last} spans ${Math.ceil(months / 12)} years; a report covers at most ${maxYears} years: narrow from or to`,
      false,
      given,
    );
  return { from: first, to: last };
}

/**
 * The months a report counts, in order: those of the period, but only from the first to the last month
 * the data holds when `within` is given, so that an empty stretch before or after the data is never
 * built month by month.
 */
export function periodMonths(period: ReportPeriod, within?: MonthSpan): { year: number; month: number }[] {
  let start = period.from.slice(0, 7);
  let end = period.to.slice(0, 7);
  if (within) {
    if (within.first > start) start = within.first;
    if (within.last < end) end = within.last;
  }
  const months: { year: number; month: number }[] = [];
  for (let n = monthNumber(`${start}-01`); n <= monthNumber(`${end}-01`); n++) {
    const year = Math.floor(n / 12);
    const month = (n % 12) + 1;
    months.push({ year, month });
  }
  return months;
}

/** The smallest span holding a span and the months (YYYY-MM) given: the data's span widened by a report's own filing months. */
export function widenSpan(span: MonthSpan, months: string[]): MonthSpan {
  let { first, last } = span;
  for (const month of months) {
    if (month < first) first = month;
    if (month > last) last = month;
  }
  return { first, last };
}
