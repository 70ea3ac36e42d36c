import { closeSync, openSync, readSync, statSync } from "node:fs";
import { basename } from "node:path";
import { describeIssues, Event } from "../domain/event.js";
import type { Database } from "../storage/database.js";
import { writeDocument } from "../storage/repos/documentRepo.js";
import {
  findEvent,
  findEventsOfDocument,
  type WriteOutcome,
  writeEvent,
  lockForWriting,
} from "../storage/repos/eventRepo.js";
import { type ChronicleWarning, type ParsedChronicle, parseChronicle } from "./chronicle/parseChronicle.js";
import { checkEvents, type ReadEvent } from "./checkEvents.js";
import { detectFormat, type ImportFormat, PEEK_BYTES } from "./detectFormat.js";
import { ImportError } from "./importError.js";
import { mergeChronicleEvent } from "./mergeChronicleEvent.js";
import { readCsvRecords } from "./readCsvEvents.js";
import { readJsonLinesRecords } from "./readJsonLinesRecords.js";
import { readJsonRecords } from "./readJsonEvents.js";
import type { SourceRecord } from "./sourceRecord.js";
import { checkedText, fileChunks, textChunks } from "./textChunks.js";

/**
 * The largest chronicle report read. The chronicle parser needs the whole text (footnotes at the end of
 * a report give the sources of events at its start), so a report is held in memory; reports are written
 * by people (the seed is a few hundred kB), and this bound keeps a mistaken multi-GB file from being one.
 */
export const MAX_CHRONICLE_BYTES = 64 * 1024 * 1024;

/** Formats read as streams of events, as opposed to a chronicle report read whole. */
export type StreamFormat = Exclude<ImportFormat, "report">;

/** A file read and checked, ready to be written: a stream of events to read again, or a parsed chronicle. */
export type ReadImport =
  | { file: string; format: StreamFormat; count: number; bytes: number; warnings: ChronicleWarning[] }
  | { file: string; format: "report"; chronicle: ParsedChronicle; warnings: ChronicleWarning[] };

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
 * Reads and checks one file to import, in the forced format or the one its name and content show: the
 * first pass of an import, and all of `--dry-run`. Event files are streamed and only counted (they are
 * read again to be written); a chronicle is kept parsed. Throws ImportError.
 */
export async function readImport(
  path: string,
  forced?: ImportFormat,
  onProgress?: ImportProgress,
): Promise<ReadImport> {
  const totalBytes = fileSize(path);
  const format = forced ?? detectFormat(peek(path), path);
  if (format === "report") {
    const chronicle = await readChronicle(path, totalBytes);
    return { file: path, format, chronicle, warnings: chronicle.warnings };
  }
  let bytes = 0;
  let count = 0;
  for await (const _ of readEvents(path, format, (n) => (bytes += n))) {
    count++;
    if (count % 1000 === 0)
      onProgress?.({ file: path, phase: "checking", records: count, bytes, totalBytes });
  }
  return { file: path, format, count, bytes, warnings: [] };
}

export interface ImportCounts {
  file: string;
  added: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes read files to the database in one transaction: all of them or, on any failure, none.
 * Re-importing the same document updates its events (found by id, or by document and number).
 *
 * Event files are read a second time here, as streams, inside the transaction: holding every event of
 * a file of any size in memory between the check and the write is what this avoids. The first pass
 * (readImport) already refused any bad file before the transaction began; should a file change between
 * the passes, the second pass checks every event again and a failure rolls the whole transaction back.
 */
export async function applyImports(
  db: Database,
  reads: ReadImport[],
  options: { now?: string; onProgress?: ImportProgress } = {},
): Promise<ImportCounts[]> {
  const now = options.now ?? new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    await lockForWriting(trx);
    const results: ImportCounts[] = [];
    for (const read of reads) {
      const counts: ImportCounts = { file: read.file, added: 0, updated: 0, unchanged: 0 };
      const tally = (outcome: WriteOutcome) => {
        counts[outcome]++;
      };
      const origin = `import ${basename(read.file)}`;
      if (read.format === "report") {
        const { document, events } = read.chronicle;
        await writeDocument(trx, document, now);
        const bySeq = await findEventsOfDocument(trx, document.key);
        for (const [index, incoming] of events.entries()) {
          const existing = bySeq.get(incoming.seq) ?? (await findEvent(trx, incoming.id));
          tally(await writeEvent(trx, mergeChronicleEvent(existing, incoming, document.lang), origin, now));
          options.onProgress?.({
            file: read.file,
            phase: "importing",
            records: index + 1,
            totalRecords: events.length,
            bytes: 0,
            totalBytes: 0,
          });
        }
      } else {
        let bytes = 0;
        let done = 0;
        for await (const { event } of readEvents(read.file, read.format, (n) => (bytes += n))) {
          tally(await writeEvent(trx, event, origin, now));
          done++;
          if (done % 500 === 0 || done === read.count)
            options.onProgress?.({
              file: read.file,
              phase: "importing",
              records: done,
              totalRecords: read.count,
              bytes,
              totalBytes: read.bytes,
            });
        }
      }
      results.push(counts);
    }
    return results;
  });
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
