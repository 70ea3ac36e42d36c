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
