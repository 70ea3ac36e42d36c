import { extname } from "node:path";
import { CSV_KNOWN_COLUMNS } from "./csvColumns.js";

export const IMPORT_FORMATS = ["report", "json", "jsonl", "csv"] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** How many bytes from a file's start are enough to tell its format. */
export const PEEK_BYTES = 64 * 1024;

/** Whether a first line is one whole JSON object that is not `{ "events": [...] }`: a JSON Lines record. */
function isJsonLinesStart(firstLine: string): boolean {
  try {
    const value: unknown = JSON.parse(firstLine);
    return (
      typeof value === "object" &&
      value !== null &&
      !Array.isArray(value) &&
      !Array.isArray((value as { events?: unknown }).events)
    );
  } catch {
    return false;
  }
}

/**
 * Tells the format of an import by its name and the start of its content (`peek`, at most PEEK_BYTES):
 * `.jsonl`/`.ndjson` or a first line that is a whole event object are JSON Lines; otherwise "[" or "{"
 * open JSON; a header row of known columns is CSV; anything else is a chronicle report (text or
 * Markdown). A JSON Lines file whose first record is longer than the peek needs its extension or
 * `--format jsonl`.
 */
export function detectFormat(peek: string, path = ""): ImportFormat {
  const extension = extname(path).toLowerCase();
  if (extension === ".jsonl" || extension === ".ndjson") return "jsonl";
  const start = peek.replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("{")) {
    const newline = start.indexOf("\n");
    return isJsonLinesStart(newline === -1 ? start : start.slice(0, newline)) ? "jsonl" : "json";
  }
  if (start.startsWith("[")) return "json";
  const header = (start.split(/\r?\n/, 1)[0] ?? "").toLowerCase();
  const cells = header.split(",").map((cell) => cell.trim().replace(/^"|"$/g, ""));
  if (cells.length > 1 && cells.every((cell) => CSV_KNOWN_COLUMNS.includes(cell))) return "csv";
  return "report";
}
