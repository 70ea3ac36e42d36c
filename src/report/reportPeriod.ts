import { dateBounds } from "../domain/partialDate.js";
import type { ReportPeriod } from "./reportDates.js";

/** A period that cannot be reported: the message says why, in one line; `usage` when the options contradict each other. */
export class ReportPeriodError extends Error {
  override name = "ReportPeriodError";
  constructor(
    message: string,
    readonly usage = false,
  ) {
    super(message);
  }
}

/**
 * The days a report covers, from the --from and --to partial dates (a month or year means all of it).
 * Without either, the last calendar year with data; --from alone runs to the end of that year (or of
 * its own year, if later); --to alone starts on the first day of its year.
 */
export function resolvePeriod(
  from: string | undefined,
  to: string | undefined,
  lastYear: number | null,
): ReportPeriod {
  if (from === undefined && to === undefined) {
    if (lastYear === null)
      throw new ReportPeriodError("the database holds no events to report on; import some first");
    return { from: `${lastYear}-01-01`, to: `${lastYear}-12-31` };
  }
  const first = from === undefined ? `${(to as string).slice(0, 4)}-01-01` : dateBounds(from).first;
  const last =
    to !== undefined
      ? dateBounds(to).last
      : `${Math.max(Number(first.slice(0, 4)), lastYear ?? Number(first.slice(0, 4)))}-12-31`;
  if (last < first) throw new ReportPeriodError(`--from ${from} is after --to ${to}`, true);
  return { from: first, to: last };
}
