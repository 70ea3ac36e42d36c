import { describeIssues, Event } from "../domain/event.js";
import { deriveEventId } from "../domain/eventId.js";
import { ImportError } from "./importError.js";
import type { SourceRecord } from "./sourceRecord.js";

/**
 * The record without the `corrections` the exports add (the API's shape): they are reviewed data of
 * data/corrections/ shown beside the event's text, not part of the event, so that an export imports
 * back into the same events. Only a record that has them is copied.
 */
function withoutCorrections(record: unknown): unknown {
  if (typeof record !== "object" || record === null || !("corrections" in record)) return record;
  const { corrections: _shownBeside, ...event } = record as Record<string, unknown>;
  return event;
}

/** Puts in an id for a record that has none, so that hand-written files need not invent one. */
function withId(record: unknown): unknown {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return record;
  const value = record as Record<string, unknown>;
  if (value.id !== undefined) return value;
  const title = value.title as { zh?: string; en?: string } | undefined;
  const start = (value.date as { start?: unknown } | undefined)?.start;
  if (typeof title !== "object" || title === null || typeof start !== "string") return value;
  return { id: deriveEventId(title, start), ...value };
}

/** An event read from a file, with the line where its record starts. */
export interface ReadEvent {
  event: Event;
  line: number;
}

/** "event N (id)": how an error names the record it is about; ids are cut short, they may be anything. */
function label(index: number, record: unknown): string {
  const id = (record as { id?: unknown } | null)?.id;
  const shown = typeof id === "string" ? (id.length > 80 ? `${id.slice(0, 80)}…` : id) : null;
  return `event ${index}${shown === null ? "" : ` (${JSON.stringify(shown).slice(1, -1)})`}`;
}

/**
 * Checks records as they stream by, each with the event schema while its line is known, and ids for
 * duplicates within the file: `file:line: event N (id): field: expected …`. The ids seen are the only
 * state kept (a few tens of bytes per event), so that a repeated id names the line it was first used on.
 */
export async function* checkEvents(
  records: AsyncIterable<SourceRecord>,
  file: string,
): AsyncGenerator<ReadEvent> {
  const lineOfId = new Map<string, number>();
  let index = 0;
  for await (const { line, record } of records) {
    index++;
    const result = Event.safeParse(withId(withoutCorrections(record)));
    if (!result.success)
      throw new ImportError(file, line, `${label(index, record)}: ${describeIssues(result.error)}`);
    const seen = lineOfId.get(result.data.id);
    if (seen !== undefined)
      throw new ImportError(
        file,
        line,
        `${label(index, record)}: id "${result.data.id}" already used on line ${seen}`,
      );
    lineOfId.set(result.data.id, line);
    yield { event: result.data, line };
  }
}
