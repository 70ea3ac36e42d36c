import type { Event } from "./event.js";

// The difference of two versions of an event, field by field, as a reviewer reads it.

/** One field that differs: its path ("title.en", "sources") and its value before and after. */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

/** The fields compared language by language, so that a reviewer sees zh and en side by side. */
const BY_LANGUAGE = new Set(["title", "summary"]);

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields in which `after` differs from `before`, in the event's own field order; a missing version
 * (an event not yet there, or removed) has every field absent (null).
 */
export function diffEvents(before: Event | null, after: Event | null): FieldChange[] {
  const changes: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  for (const key of keys) {
    const a = (before as Record<string, unknown> | null)?.[key] ?? null;
    const b = (after as Record<string, unknown> | null)?.[key] ?? null;
    if (same(a, b)) continue;
    if (BY_LANGUAGE.has(key)) {
      const texts = [a, b] as (Record<string, string> | null)[];
      for (const lang of ["zh", "en"]) {
        const [x, y] = texts.map((text) => text?.[lang] ?? null);
        if (x !== y) changes.push({ field: `${key}.${lang}`, before: x, after: y });
      }
      continue;
    }
    changes.push({ field: key, before: a, after: b });
  }
  return changes;
}
