import { CSV_COLUMNS } from "./csvColumns.js";

export const IMPORT_FORMATS = ["report", "json", "csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * Tells the format of an import by its content: JSON opens with "[" or "{", CSV with a header row of
 * known columns, anything else is read as a chronicle report (plain text or Markdown).
 */
export function detectFormat(text: string): ImportFormat {
  const start = text.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("[") || start.startsWith("{")) return "json";
  const header = (start.split(/\r?\n/, 1)[0] ?? "").toLowerCase();
  const cells = header.split(",").map((cell) => cell.trim().replace(/^"|"$/g, ""));
  if (cells.length > 1 && cells.every((cell) => (CSV_COLUMNS as readonly string[]).includes(cell)))
    return "csv";
  return "report";
}
