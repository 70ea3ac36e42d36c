import { isWithin } from "../domain/jurisdictionCounting.js";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import type { Deadline } from "../domain/deadline.js";
import { JurisdictionCode } from "../domain/event.js";
import { type Language, pickText } from "../domain/localizedText.js";
import { type AllDayEntry, eventsToIcs } from "../export/eventsIcs.js";
import { deadlinesToAtom } from "../export/deadlinesAtom.js";
import { EXPORT_PHRASES } from "../export/exportPhrases.js";
import { neutraliseCell } from "../import/csvColumns.js";
import { listDeadlines, todayUtc } from "../obligations/deadlines.js";
import { isCheckDate } from "../obligations/profileInput.js";
import { invalidRequest } from "./appError.js";
import { commaList } from "./queryParameters.js";
import type { AppServices } from "./appServices.js";

const Day = z.string().refine(isCheckDate, "expected a date written YYYY-MM-DD");
const LIMIT_MESSAGE = "expected a whole number from 1 to 500";

/**
 * The query of GET /api/deadlines, its CSV and iCalendar twins and the /deadlines page: from which day
 * (default today, UTC) to which, which jurisdictions (a country brings its states and provinces) and
 * instruments (comma-separated; default all), and how many.
 */
export const DeadlinesQuery = z
  .object({
    from: Day.optional(),
    to: Day.optional(),
    // A list parameter, as the events' filters: repeated or comma-separated (parseSearchParams).
    jurisdiction: z.array(JurisdictionCode).optional(),
    instrument: commaList().optional(),
    // Digits only, as before this was a schema: "1e2", "0x10" and " 20" are refused, not read as numbers.
    limit: z
      .preprocess(
        (value) => (typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value),
        z.number({ message: LIMIT_MESSAGE }).int(LIMIT_MESSAGE).min(1, LIMIT_MESSAGE).max(500, LIMIT_MESSAGE),
      )
      .default(20),
  })
  .strict();
export type DeadlinesQuery = z.output<typeof DeadlinesQuery>;

/** What a deadlines query selected: the days it spans and the deadlines in it, soonest first. */
export interface SelectedDeadlines {
  from: string;
  to: string | null;
  items: Deadline[];
  /** How many deadlines the filters admit before `limit` cut them. */
  total: number;
}

/**
 * The deadlines a query asks for: every applicability date of the instruments (obligations/deadlines.ts)
 * from `from` (default today) to `to`, of the jurisdictions and instruments named. An unknown
 * instrument is refused, naming it: a filter that can match nothing is a typo, not an empty answer.
 */
export function selectDeadlines(
  services: Pick<AppServices, "obligations" | "now">,
  query: DeadlinesQuery,
): SelectedDeadlines {
  const data = services.obligations;
  const known = new Set(data.instruments.map((instrument) => instrument.id));
  const unknown = (query.instrument ?? []).find((id) => !known.has(id));
  if (unknown)
    throw invalidRequest(`no instrument with id "${unknown}"`, [
      { parameter: "instrument", message: `unknown instrument "${unknown}"` },
    ]);
  const from = query.from ?? todayUtc(new Date(services.now()));
  const to = query.to ?? null;
  const codes = query.jurisdiction ?? [];
  const instruments = query.instrument ?? [];
  const matching = listDeadlines(data).filter(
    (d) =>
      d.date >= from &&
      (to === null || d.date <= to) &&
      (!codes.length || codes.some((code) => isWithin(d.jurisdiction, code))) &&
      (!instruments.length || instruments.includes(d.instrument)),
  );
  return { from, to, items: matching.slice(0, query.limit), total: matching.length };
}

/** A deadline as one all-day calendar entry (its UID stable across releases). */
export function deadlineEntry(deadline: Deadline, lang: Language): AllDayEntry {
  return {
    uid: deadline.uid,
    day: deadline.date,
    summary: `${EXPORT_PHRASES[lang].applies}: ${pickText(deadline.title, lang) ?? deadline.instrument}`,
    description: deadline.what
      .map((what) => pickText(what, lang))
      .filter(Boolean)
      .join("\n"),
    url: deadline.url ?? undefined,
  };
}

/** The selected deadlines as an iCalendar, in a language. */
export function deadlinesIcs(
  services: Pick<AppServices, "baseUrl">,
  deadlines: Deadline[],
  lang: Language,
): string {
  return eventsToIcs([], {
    baseUrl: services.baseUrl(),
    lang,
    extra: deadlines.map((d) => deadlineEntry(d, lang)),
  });
}

const CSV_COLUMNS = ["date", "jurisdiction", "instrument", "title", "what", "obligations", "url"] as const;

/** The selected deadlines as CSV, one row a day and instrument, in a language (formula cells neutralised). */
export function deadlinesCsv(deadlines: Deadline[], lang: Language): string {
  const rows = deadlines.map((d) => ({
    date: d.date,
    jurisdiction: d.jurisdiction,
    instrument: d.instrument,
    title: neutraliseCell(pickText(d.title, lang) ?? d.instrument),
    what: neutraliseCell(
      d.what
        .map((what) => pickText(what, lang))
        .filter(Boolean)
        .join("; "),
    ),
    obligations: d.obligations.join(" "),
    url: d.url ?? "",
  }));
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], bom: false });
}

/** The selected deadlines as an Atom feed, in a language; `query` is the feed's own query string. */
export function deadlinesAtom(
  services: Pick<AppServices, "baseUrl">,
  deadlines: Deadline[],
  lang: Language,
  query: string,
): string {
  const self = `${services.baseUrl()}/api/deadlines.atom${query ? `?${query}` : ""}`;
  return deadlinesToAtom(deadlines, { baseUrl: services.baseUrl(), lang, self });
}
