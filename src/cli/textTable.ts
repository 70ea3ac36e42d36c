import { terminalText } from "./terminalText.js";

/**
 * Rows as aligned columns, two spaces apart, for the listings of accounts, tokens and the audit log.
 * Every cell comes from the data (addresses, names, notes): it is cleaned for a terminal and kept on
 * one line, so that a row is always one line. Wide (CJK) characters are counted as one column: the
 * last column, where names sit, is never padded.
 */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const clean = [header, ...rows].map((row) => row.map((cell) => terminalText(cell).replace(/[\n\t]/g, " ")));
  const widths = header.map((_, column) => Math.max(...clean.map((row) => (row[column] ?? "").length)));
  return clean
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column] ?? 0)))
        .join("  ")
        .trimEnd(),
    )
    .map((line) => `${line}\n`)
    .join("");
}
