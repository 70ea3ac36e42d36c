import { ImportError } from "./importError.js";
import type { SourceRecord } from "./sourceRecord.js";

/** The longest line read as one event: far beyond any event, well below what a string can hold. */
const MAX_LINE_BYTES = 256 * 1024 * 1024;

/**
 * Reads the records of a JSON Lines file (`.jsonl`, `.ndjson`) as it streams: one JSON value per line,
 * blank lines skipped. A line longer than a chunk is gathered in pieces and joined once, so that time
 * stays linear whatever the line lengths.
 */
export async function* readJsonLinesRecords(
  chunks: AsyncIterable<Buffer>,
  file: string,
): AsyncGenerator<SourceRecord> {
  let line = 1;
  let pieces: Buffer[] = [];
  // Bytes held in `pieces`, counted as they come: summing the pieces on every chunk would be quadratic
  // in a long line that arrives in small chunks.
  let pending = 0;
  const parseLine = (bytes: Buffer, at: number): SourceRecord | null => {
    if (bytes.length > MAX_LINE_BYTES)
      throw new ImportError(file, at, `a line of ${bytes.length} bytes: expected one event per line`);
    const text = bytes.toString("utf8").replace(/^\uFEFF/, "");
    if (text.trim() === "") return null;
    try {
      return { line: at, record: JSON.parse(text) };
    } catch (error) {
      const why = (error as Error).message
        .replace(/\s*in JSON at position \d+.*$/s, "")
        .replace(/^Unexpected/, "unexpected");
      throw new ImportError(file, at, `invalid JSON (${why}): expected one event per line`);
    }
  };
  for await (const chunk of chunks) {
    let from = 0;
    for (;;) {
      const newline = chunk.indexOf(10, from);
      if (newline === -1) break;
      const piece = chunk.subarray(from, newline);
      const bytes = pieces.length ? Buffer.concat([...pieces, piece]) : piece;
      pieces = [];
      pending = 0;
      const found = parseLine(bytes, line);
      if (found) yield found;
      line++;
      from = newline + 1;
    }
    if (from < chunk.length) {
      pieces.push(chunk.subarray(from));
      pending += chunk.length - from;
    }
    // A line with no end in sight is refused before it fills memory, not after.
    if (pending > MAX_LINE_BYTES)
      throw new ImportError(file, line, `a line of more than ${pending} bytes: expected one event per line`);
  }
  const rest = parseLine(Buffer.concat(pieces), line);
  if (rest) yield rest;
}
