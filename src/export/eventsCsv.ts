import { stringify } from "csv-stringify/sync";
import { type CorrectionsByEvent, NO_CORRECTIONS } from "../domain/correctionsByEvent.js";
import type { Event } from "../domain/event.js";
import {
  CSV_COLUMNS,
  CSV_EXPORT_ONLY_COLUMNS,
  type CsvColumn,
  LIST_SEPARATOR,
  neutraliseCell,
} from "../import/csvColumns.js";

type ExportColumn = CsvColumn | (typeof CSV_EXPORT_ONLY_COLUMNS)[number];
/** The columns of the CSV export, in order: the event's own, then the export's. */
export const EXPORT_COLUMNS: ExportColumn[] = [...CSV_COLUMNS, ...CSV_EXPORT_ONLY_COLUMNS];

const json = (value: readonly unknown[] | undefined) => (value?.length ? JSON.stringify(value) : "");

/**
 * One CSV row per event, with the header the CSV reader takes back without loss. The last column,
 * `corrections`, holds the JSON array of the event's corrections (the API's shape), empty for an
 * uncorrected event; the reader ignores it, so the export imports back into the same events.
 */
export function eventsToCsv(events: Event[], corrections: CorrectionsByEvent = NO_CORRECTIONS): string {
  return csvHeader() + csvRows(events, corrections);
}

/** The header line of the CSV export. */
export function csvHeader(): string {
  return stringify([], { header: true, columns: EXPORT_COLUMNS, bom: false });
}

/** The rows of a page of events, without the header (exports write them as they stream). */
export function csvRows(events: Event[], corrections: CorrectionsByEvent = NO_CORRECTIONS): string {
  const rows = events.map((event): Record<ExportColumn, string> => ({
    id: event.id,
    seq: event.seq === null ? "" : String(event.seq),
    date_start: event.date.start,
    date_end: event.date.end ?? "",
    date_precision: event.date.precision,
    title_zh: event.title.zh ?? "",
    title_en: event.title.en ?? "",
    summary_zh: event.summary.zh ?? "",
    summary_en: event.summary.en ?? "",
    jurisdictions: event.jurisdictions.join(LIST_SEPARATOR),
    level: event.level ?? "",
    type: event.type ?? "",
    bindingness: event.bindingness ?? "",
    tags: event.tags.join(LIST_SEPARATOR),
    sources: json(event.sources),
    effective_dates: json(event.effectiveDates),
    relations: json(event.relations),
    identifiers: json(event.identifiers),
    document: event.document ?? "",
    corrections: json(corrections.get(event.id)),
  }));
  // Titles and summaries come from imported files: none may reach a spreadsheet as a formula. A NUL
  // makes the file binary to every text tool, the CSV reader included (JSON cells have it as \u0000).
  const safe = rows.map(
    (row) =>
      Object.fromEntries(
        Object.entries(row).map(([key, value]) => [key, neutraliseCell(value.replaceAll("\0", ""))]),
      ) as Record<ExportColumn, string>,
  );
  return stringify(safe, { header: false, columns: EXPORT_COLUMNS, bom: false });
}
