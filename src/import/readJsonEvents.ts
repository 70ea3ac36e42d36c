import { describeIssues, Event } from "../domain/event.js";
import { deriveEventId } from "../domain/eventId.js";
import { ImportError } from "./importError.js";
import { arrayElementOffsets, lineOfOffset } from "./jsonPositions.js";

/** Puts in an id for a record that has none, so that hand-written files need not invent one. */
function withId(record: unknown): unknown {
  if (typeof record !== "object" || record === null || Array.isArray(record)) return record;
  const value = record as Record<string, unknown>;
  if (value.id !== undefined) return value;
  const title = value.title as { zh?: string; en?: string } | undefined;
  const start = (value.date as { start?: unknown } | undefined)?.start;
  if (!title || typeof start !== "string") return value;
  return { id: deriveEventId(title, start), ...value };
}

/**
 * Reads events from JSON: an array of events in the public shape, or `{ "events": [...] }`. One bad
 * record rejects the file, with the line where the record starts and what was expected.
 */
export function readJsonEvents(text: string, file: string): Event[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position ? lineOfOffset(text, Number(position)) : text.split("\n").length;
    const reason = position ? message.replace(/\s*in JSON at position \d+.*$/, "") : message;
    throw new ImportError(file, line, `invalid JSON (${reason}): expected an array of events`);
  }
  const records = Array.isArray(parsed)
    ? parsed
    : typeof parsed === "object" && parsed !== null && Array.isArray((parsed as { events?: unknown }).events)
      ? (parsed as { events: unknown[] }).events
      : null;
  if (records === null)
    throw new ImportError(file, 1, 'expected an array of events or an object { "events": [...] }');
  const offsets = arrayElementOffsets(text);
  const lineOf = (index: number) => lineOfOffset(text, offsets[index] ?? 0);
  const events: Event[] = [];
  const firstLineOfId = new Map<string, number>();
  records.forEach((record, index) => {
    const result = Event.safeParse(withId(record));
    const label = `event ${index + 1}${typeof (record as { id?: unknown })?.id === "string" ? ` (${(record as { id: string }).id})` : ""}`;
    if (!result.success)
      throw new ImportError(file, lineOf(index), `${label}: ${describeIssues(result.error)}`);
    const seen = firstLineOfId.get(result.data.id);
    if (seen !== undefined)
      throw new ImportError(
        file,
        lineOf(index),
        `${label}: id "${result.data.id}" already used on line ${seen}`,
      );
    firstLineOfId.set(result.data.id, lineOf(index));
    events.push(result.data);
  });
  return events;
}
