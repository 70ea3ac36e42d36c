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

/** Columns that hold a JSON array (nested records that a flat cell cannot show otherwise). */
export const JSON_COLUMNS: CsvColumn[] = ["sources", "effective_dates", "relations", "identifiers"];
