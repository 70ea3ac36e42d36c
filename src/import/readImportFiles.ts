import { closeSync, openSync, readSync, statSync } from "node:fs";
import { describeIssues, Event } from "../domain/event.js";
import { type ChronicleWarning, type ParsedChronicle, parseChronicle } from "./chronicle/parseChronicle.js";
import { checkEvents, type ReadEvent } from "./checkEvents.js";
import { detectFormat, type ImportFormat, PEEK_BYTES } from "./detectFormat.js";
import { ImportError } from "./importError.js";
import { readCsvRecords } from "./readCsvEvents.js";
import { readJsonLinesRecords } from "./readJsonLinesRecords.js";
import { readJsonRecords } from "./readJsonEvents.js";
import type { SourceRecord } from "./sourceRecord.js";
import { checkedText, fileChunks, textChunks } from "./textChunks.js";

// Reading import files, and nothing of writing them: this module (and so the reader worker, which runs
// it) loads no database driver.

/**
 * The largest chronicle report read. The chronicle parser needs the whole text (footnotes at the end of
 * a report give the sources of events at its start), so a report is held in memory; reports are written
 * by people (the seed is a few hundred kB), and this bound keeps a mistaken multi-GB file from being one.
 */
export const MAX_CHRONICLE_BYTES = 64 * 1024 * 1024;

/** Formats read as streams of events, as opposed to a chronicle report read whole. */
export type StreamFormat = Exclude<ImportFormat, "report">;

/**
 * A file opened for import: its format told, and a chronicle report parsed and checked (it is read
 * whole); event files are only sized here, and are read, checked and written in one streamed pass.
 */
export type ImportSource =
  | { file: string; format: StreamFormat; bytes: number; warnings: ChronicleWarning[] }
  | { file: string; format: "report"; chronicle: ParsedChronicle; warnings: ChronicleWarning[] };

/** A file read and checked whole (`--dry-run`): an import source with the number of its events. */
export type ReadImport = ImportSource & { count: number };

/** Where a read or a write has got to, for progress: records done, bytes read out of the file's size. */
export interface ImportProgressUpdate {
  file: string;
  phase: "checking" | "importing";
  records: number;
  totalRecords?: number;
  bytes: number;
  totalBytes: number;
}
export type ImportProgress = (update: ImportProgressUpdate) => void;

function fileSize(path: string): number {
  try {
    return statSync(path).size;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(
      path,
      null,
      `cannot read: ${code === "ENOENT" ? "no such file" : (error as Error).message}`,
    );
  }
}

/** The first bytes of a file, as text, to tell its format. */
function peek(path: string): string {
  let fd: number | undefined;
  try {
    fd = openSync(path, "r");
    const buffer = Buffer.alloc(PEEK_BYTES);
    return buffer.subarray(0, readSync(fd, buffer, 0, PEEK_BYTES, 0)).toString("utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ImportError(
      path,
      null,
      `cannot read: ${code === "EISDIR" ? "is a directory" : (error as Error).message}`,
    );
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The records of a text stream in a given format, each with its line. */
export function readRecords(
  chunks: AsyncIterable<Buffer>,
  format: StreamFormat,
  file: string,
): AsyncGenerator<SourceRecord> {
  if (format === "json") return readJsonRecords(chunks, file);
  if (format === "jsonl") return readJsonLinesRecords(chunks, file);
  return readCsvRecords(chunks, file);
}

/**
 * The checked events of a file, streamed: bytes checked as text, split into records, each checked as an
 * event, in one pass. Throws ImportError at the first problem.
 */
export function readEvents(
  path: string,
  format: StreamFormat,
  onBytes?: (bytes: number) => void,
): AsyncGenerator<ReadEvent> {
  return checkEvents(readRecords(checkedText(fileChunks(path, onBytes), path), format, path), path);
}

/** Reads a chronicle report whole (bounded by MAX_CHRONICLE_BYTES) and checks its events where their lines are known. */
async function readChronicle(path: string, size: number): Promise<ParsedChronicle> {
  if (size > MAX_CHRONICLE_BYTES)
    throw new ImportError(
      path,
      null,
      `a chronicle report of ${size} bytes is larger than ${MAX_CHRONICLE_BYTES}: expected a report written by people, or events as JSON, JSON Lines or CSV (--format)`,
    );
  const pieces: Buffer[] = [];
  for await (const chunk of checkedText(fileChunks(path), path)) pieces.push(chunk);
  const chronicle = parseChronicle(Buffer.concat(pieces).toString("utf8"), path);
  // Every event is checked here, where its line is known, exactly as the write will check it: a bad
  // record (a footnote URL with port 99999) is a file:line error, and --dry-run reports it too.
  for (const event of chronicle.events) {
    const { line, ...stated } = event;
    const result = Event.safeParse(stated);
    if (!result.success)
      throw new ImportError(path, line, `event ${event.seq}: ${describeIssues(result.error)}`);
  }
  return chronicle;
}

/**
 * Opens one file to import, in the forced format or the one its name and content show. A chronicle
 * report is parsed and its events checked now; an event file is left to be streamed. Throws ImportError.
 */
export async function openImport(path: string, forced?: ImportFormat): Promise<ImportSource> {
  const bytes = fileSize(path);
  const format = forced ?? detectFormat(peek(path), path);
  if (format === "report") {
    const chronicle = await readChronicle(path, bytes);
    return { file: path, format, chronicle, warnings: chronicle.warnings };
  }
  return { file: path, format, bytes, warnings: [] };
}

/** Reads and checks one file whole, writing nothing: all of `--dry-run`. Throws ImportError. */
export async function readImport(
  path: string,
  forced?: ImportFormat,
  onProgress?: ImportProgress,
): Promise<ReadImport> {
  const source = await openImport(path, forced);
  if (source.format === "report") return { ...source, count: source.chronicle.events.length };
  let bytes = 0;
  let count = 0;
  for await (const _ of readEvents(path, source.format, (n) => (bytes += n))) {
    count++;
    if (count % 1000 === 0)
      onProgress?.({ file: path, phase: "checking", records: count, bytes, totalBytes: source.bytes });
  }
  return { ...source, count };
}

/**
 * The checked events of an event file in batches of `size`, each with the bytes read by then; the last
 * batch holds the rest (it may be empty). Throws ImportError.
 */
export async function* readEventBatches(
  path: string,
  format: StreamFormat,
  size: number,
): AsyncGenerator<{ events: Event[]; bytes: number }> {
  let bytes = 0;
  let events: Event[] = [];
  for await (const { event } of readEvents(path, format, (n) => (bytes += n))) {
    events.push(event);
    if (events.length === size) {
      yield { events, bytes };
      events = [];
    }
  }
  yield { events, bytes };
}

/**
 * The checked events of a text already in memory, read exactly as a file would be (in chunks of
 * `chunkBytes`, so tests can split records and characters across chunks). Throws ImportError.
 */
export async function readTextEvents(
  text: string | Buffer,
  format: StreamFormat,
  file: string,
  chunkBytes?: number,
): Promise<Event[]> {
  const events: Event[] = [];
  const stream = checkEvents(
    readRecords(checkedText(textChunks(text, chunkBytes), file), format, file),
    file,
  );
  for await (const { event } of stream) events.push(event);
  return events;
}
