import { basename } from "node:path";
import type { Transaction } from "kysely";
import { Event } from "../domain/event.js";
import type { Language } from "../domain/localizedText.js";
import type { ChronicleEvent } from "./chronicle/parseChronicle.js";
import { type Database, whileLocked, type WriterWait } from "../storage/database.js";
import { writeDocument } from "../storage/repos/documentRepo.js";
import type { Tables } from "../storage/schema.js";
import {
  findEvent,
  findEventsOfDocument,
  lockForWriting,
  WRITE_BATCH,
  writeEvents,
} from "../storage/repos/eventRepo.js";
import { inFillingTransaction } from "../storage/transaction.js";
import { curatedEventsOf } from "./curatedEvents.js";
import { mergeChronicleEvent } from "./mergeChronicleEvent.js";
import { readEventsInWorker } from "./readEventsInWorker.js";
import {
  type ImportProgress,
  type ImportSource,
  readEventBatches,
  type StreamFormat,
} from "./readImportFiles.js";

/** Files from which reading and checking run in a worker thread, beside the writes (startup costs a moment). */
const WORKER_FROM_BYTES = 4 * 1024 * 1024;

/**
 * The checked events of an event file in batches of WRITE_BATCH: a large file is read by a worker
 * thread while the caller writes (two cores instead of one), a small one right here. `onBytes` hears
 * the bytes read so far.
 */
async function* batchesToWrite(
  source: ImportSource & { format: StreamFormat },
  onBytes: (bytes: number) => void,
): AsyncGenerator<Event[]> {
  if (source.bytes >= WORKER_FROM_BYTES) {
    yield* readEventsInWorker(source.file, source.format, WRITE_BATCH, onBytes);
    return;
  }
  for await (const { events, bytes } of readEventBatches(source.file, source.format, WRITE_BATCH)) {
    onBytes(bytes);
    yield events;
  }
}

export interface ImportCounts {
  file: string;
  added: number;
  updated: number;
  unchanged: number;
  /** New events of a chronicle started from aigov's curation of that document (curatedEventsOf). */
  curated: number;
}

/**
 * Writes files to the database in one transaction: all of them or, on any failure, none.
 * Re-importing the same document updates its events (found by id, or by document and number).
 *
 * Event files are streamed: each record is checked as it is read (a bad one is a file:line error) and
 * written in batches of WRITE_BATCH, so a file of any size takes one pass and bounded memory. An error
 * anywhere, in any file, rolls the whole transaction back: the database is as before the command.
 */
export async function applyImports(
  db: Database,
  sources: ImportSource[],
  options: { now?: string; onProgress?: ImportProgress } & WriterWait = {},
): Promise<ImportCounts[]> {
  const now = options.now ?? new Date().toISOString();
  // Another process's write holds the lock: this one waits (options.waitMs) and tries again, which is
  // safe until it has the lock: nothing is read from the files before that.
  let locked = false;
  return whileLocked(() => writeImports(db, sources, now, options, () => (locked = true)), {
    ...options,
    retryable: () => !locked,
  });
}

/**
 * A chronicle's events as an import stores them: each merged with the stored event of the same document
 * and number (else of the same id), so that a re-import updates rather than duplicates; a new event of a
 * document aigov has curated starts from its curated record (English, jurisdictions, classification),
 * and `curated` counts those. What `aigov import` writes, and what `aigov import --propose` proposes.
 */
export async function chronicleEventsToStore(
  db: Database | Transaction<Tables>,
  chronicle: Extract<ImportSource, { format: "report" }>["chronicle"],
): Promise<{ events: Event[]; curated: number }> {
  const { document, events } = chronicle;
  const bySeq = await findEventsOfDocument(db, document.key);
  const curation = curatedEventsOf(document.key);
  const merged: Event[] = [];
  let curated = 0;
  for (const incoming of events) {
    let existing = bySeq.get(incoming.seq) ?? (await findEvent(db, incoming.id));
    // The curated record of the same number, if it is still the same event: a revised edition under the
    // same title may number its events otherwise, and a number alone must not lend one event another's
    // English, jurisdictions and id.
    const candidate = existing ? undefined : curation.get(incoming.seq);
    const start = candidate && sameChronicleEvent(candidate, incoming, document.lang) ? candidate : undefined;
    if (start) {
      // Stored under its curated id already (the bundled dataset): that is the event to update.
      const stored = await findEvent(db, start.id);
      existing = stored ?? start;
      if (!stored) curated++;
    }
    merged.push(Event.parse(mergeChronicleEvent(existing, incoming, document.lang)));
  }
  return { events: merged, curated };
}

/** Whether a curated record is the chronicle's event: the same title in its language, or the same day. */
function sameChronicleEvent(curated: Event, incoming: ChronicleEvent, lang: Language): boolean {
  const words = (text: string | undefined) => (text ?? "").replace(/\s+/g, "");
  return (
    (words(curated.title[lang]) !== "" && words(curated.title[lang]) === words(incoming.title[lang])) ||
    (curated.date.start === incoming.date.start && curated.date.end === incoming.date.end)
  );
}

async function writeImports(
  db: Database,
  sources: ImportSource[],
  now: string,
  options: { onProgress?: ImportProgress },
  onLocked: () => void,
): Promise<ImportCounts[]> {
  return inFillingTransaction(db, async (trx) => {
    await lockForWriting(trx);
    onLocked();
    const results: ImportCounts[] = [];
    for (const source of sources) {
      const counts: ImportCounts = { file: source.file, added: 0, updated: 0, unchanged: 0, curated: 0 };
      const origin = `import ${basename(source.file)}`;
      const write = async (events: Event[]) => {
        for (const outcome of await writeEvents(trx, events, origin, now)) counts[outcome]++;
      };
      if (source.format === "report") {
        const { document, events } = source.chronicle;
        await writeDocument(trx, document, now);
        const { events: toStore, curated } = await chronicleEventsToStore(trx, source.chronicle);
        await write(toStore);
        counts.curated = curated;
        options.onProgress?.({
          file: source.file,
          phase: "importing",
          records: events.length,
          totalRecords: events.length,
          bytes: 0,
          totalBytes: 0,
        });
      } else {
        let bytes = 0;
        let done = 0;
        for await (const batch of batchesToWrite(source, (n) => (bytes = n))) {
          await write(batch);
          done += batch.length;
          options.onProgress?.({
            file: source.file,
            phase: "importing",
            records: done,
            bytes,
            totalBytes: source.bytes,
          });
        }
      }
      results.push(counts);
    }
    return results;
  });
}

// The reading API, for the callers that import files (the CLI's import command).
export {
  type ImportProgress,
  type ImportProgressUpdate,
  type ImportSource,
  MAX_CHRONICLE_BYTES,
  openImport,
  type ReadImport,
  readImport,
  readTextEvents,
  type StreamFormat,
} from "./readImportFiles.js";
