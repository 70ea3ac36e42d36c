import { stringify } from "csv-stringify/sync";
import type { z } from "zod";
import { neutraliseCell } from "../../import/csvColumns.js";

/**
 * The CSVW datatypes a release's CSV columns are declared with (W3C "Metadata Vocabulary for Tabular
 * Data", § 5.11.1 built-in datatypes): `json` for a cell holding a nested record or list as JSON.
 */
export type CsvwDatatype = "string" | "integer" | "number" | "boolean" | "json";

/** A column of a release's CSV: its name (the header cell), CSVW datatype and whether a row may leave it empty. */
export interface CsvColumnSpec {
  name: string;
  datatype: CsvwDatatype;
  required: boolean;
}

/** The kinds of zod schema a column's type is found under (optional, default and nullable wrap it). */
type ZodDef = { type: string; innerType?: z.ZodType; checks?: { _zod: { def: { format?: string } } }[] };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: ZodDef } })._zod.def;

/** The CSVW datatype of a record field from its zod schema, and whether every record has it. */
function columnOf(name: string, schema: z.ZodType): CsvColumnSpec {
  let def = defOf(schema);
  let required = true;
  while (def.innerType && ["optional", "default", "nullable", "prefault"].includes(def.type)) {
    if (def.type !== "default") required = false;
    def = defOf(def.innerType);
  }
  const integer = def.checks?.some((check) => check._zod.def.format === "safeint") ?? false;
  const datatype: CsvwDatatype =
    def.type === "string" || def.type === "enum" || def.type === "literal"
      ? "string"
      : def.type === "number"
        ? integer
          ? "integer"
          : "number"
        : def.type === "boolean"
          ? "boolean"
          : "json";
  return { name, datatype, required };
}

/** The columns of a CSV of records of an object schema: one per top-level field, in the schema's order. */
export function columnsOf(schema: z.ZodObject): CsvColumnSpec[] {
  return Object.entries(schema.shape).map(([name, field]) => columnOf(name, field as z.ZodType));
}

/** One cell: text as it is (made safe for spreadsheets), numbers and booleans as written, the rest as JSON. */
function cell(value: unknown, column: CsvColumnSpec): string {
  if (value === undefined || value === null) return "";
  if (column.datatype === "json") return JSON.stringify(value);
  const text = String(value).replaceAll("\0", "");
  return column.datatype === "string" ? neutraliseCell(text) : text;
}

/**
 * Records as CSV with a header: one column per field of the schema (columnsOf), a nested field as the
 * JSON of its value. The same records give the same bytes (the caller sorts them).
 */
export function recordsToCsv(records: readonly object[], columns: readonly CsvColumnSpec[]): string {
  const names = columns.map((column) => column.name);
  const rows = records.map((record) =>
    columns.map((column) => cell((record as Record<string, unknown>)[column.name], column)),
  );
  return stringify(rows, { header: true, columns: names, bom: false });
}
