/** The columns of the CSV form of events, shared by the reader and the writer. */
export const CSV_COLUMNS = [
  "id",
  "seq",
  "date_start",
  "date_end",
  "date_precision",
  "title_zh",
  "title_en",
  "summary_zh",
  "summary_en",
  "jurisdictions",
  "level",
  "type",
  "bindingness",
  "tags",
  "sources",
  "effective_dates",
  "relations",
  "identifiers",
  "document",
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * Columns the export writes beside the event's own, which the reader accepts and ignores: `corrections`
 * holds the JSON array of the event's corrections (as the API shows them, empty when it has none). They
 * are reviewed data of data/corrections/ shown beside the imported text, not part of the event, so that
 * an export imports back cleanly into the same events and nothing is absorbed into them.
 */
export const CSV_EXPORT_ONLY_COLUMNS = ["corrections"] as const;

/** Every column a CSV header may name: the event's own and the export's. */
export const CSV_KNOWN_COLUMNS: readonly string[] = [...CSV_COLUMNS, ...CSV_EXPORT_ONLY_COLUMNS];

/** Separator of list cells (jurisdictions, tags): a spreadsheet-friendly character no code or tag uses. */
export const LIST_SEPARATOR = ";";

// A cell a spreadsheet would run as a formula (= + - @, or tab and CR, which some of them skip before one),
// also after apostrophes, so that a cell that really starts with an apostrophe still reads back exactly.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * A cell made safe for spreadsheets: one that would start a formula gets a leading apostrophe, the
 * usual (OWASP) neutralisation; spreadsheets show the text, and `unneutraliseCell` takes it off again.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Undoes `neutraliseCell`, so that CSV exports import back exactly. */
export function unneutraliseCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

/** Columns that hold a JSON array (nested records that a flat cell cannot show otherwise). */
export const JSON_COLUMNS: CsvColumn[] = ["sources", "effective_dates", "relations", "identifiers"];
