import type { CsvColumnSpec } from "./recordsCsv.js";

/** One CSV of a release as its CSVW table describes it. */
export interface CsvwTable {
  file: string;
  title: string;
  columns: readonly CsvColumnSpec[];
  primaryKey: readonly string[];
}

/**
 * `csv-metadata.json`: the release's CSVs described in the W3C "Metadata Vocabulary for Tabular Data"
 * (CSVW, https://www.w3.org/TR/tabular-metadata/), a table per file with each column's name, title
 * (its header cell) and datatype, so that a CSVW processor (csvlint, csv2rdf) reads them typed. Cells of
 * datatype `json` hold a nested record as JSON; an empty cell is null, as CSVW's default `null` says.
 */
export function csvwMetadata(options: {
  title: string;
  licenceUrl: string;
  tables: readonly CsvwTable[];
}): string {
  const document = {
    "@context": "http://www.w3.org/ns/csvw",
    "dc:title": options.title,
    "dc:license": { "@id": options.licenceUrl },
    dialect: { header: true, delimiter: ",", encoding: "utf-8", quoteChar: '"', doubleQuote: true },
    tables: options.tables.map((table) => ({
      url: table.file,
      "dc:title": table.title,
      tableSchema: {
        columns: table.columns.map((column) => ({
          name: column.name,
          titles: column.name,
          datatype: column.datatype,
          required: column.required,
        })),
        primaryKey: table.primaryKey.length === 1 ? table.primaryKey[0] : table.primaryKey,
      },
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
