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
import { detectFormat, type ImportFormat } from "./detectFormat.js";
import { ImportError } from "./importError.js";
import { mergeChronicleEvent } from "./mergeChronicleEvent.js";
import { readCsvEvents } from "./readCsvEvents.js";
import { readJsonEvents } from "./readJsonEvents.js";
import { readTextFile } from "./readTextFile.js";

/** A file read and checked, ready to be written: either plain events or a parsed chronicle. */
export type ReadImport =
  | { file: string; format: "json" | "csv"; events: Event[]; warnings: ChronicleWarning[] }
  | { file: string; format: "report"; chronicle: ParsedChronicle; warnings: ChronicleWarning[] };

/** Reads one file to import, in the forced format or the one its content shows. Throws ImportError. */
export function readImport(path: string, forced?: ImportFormat): ReadImport {
  const text = readTextFile(path);
  const format = forced ?? detectFormat(text);
  if (format === "report") {
    const chronicle = parseChronicle(text, path);
    // Every event is checked here, where its line is known, exactly as the write will check it: a bad
    // record (a footnote URL with port 99999) is a file:line error, and --dry-run reports it too.
    for (const event of chronicle.events) {
      const { line, ...stated } = event;
      const result = Event.safeParse(stated);
      if (!result.success)
        throw new ImportError(path, line, `event ${event.seq}: ${describeIssues(result.error)}`);
    }
    return { file: path, format, chronicle, warnings: chronicle.warnings };
  }
  const events = format === "json" ? readJsonEvents(text, path) : readCsvEvents(text, path);
  return { file: path, format, events, warnings: [] };
}

export interface ImportCounts {
  file: string;
  added: number;
  updated: number;
  unchanged: number;
}

export type ImportProgress = (file: string, done: number, total: number) => void;

/**
 * Writes read files to the database in one transaction: all of them or, on any failure, none.
 * Re-importing the same document updates its events (found by id, or by document and number).
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
          options.onProgress?.(read.file, index + 1, events.length);
        }
      } else {
        for (const [index, event] of read.events.entries()) {
          tally(await writeEvent(trx, event, origin, now));
          if (index % 500 === 499 || index === read.events.length - 1)
            options.onProgress?.(read.file, index + 1, read.events.length);
        }
      }
      results.push(counts);
    }
    return results;
  });
}
