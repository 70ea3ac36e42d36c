import type { Source } from "../domain/event.js";

/**
 * A source's footnote as printed: its text as stored (so that publisher and URL read back the same),
 * or, for a source an editor added without one, its publisher and URL.
 */
export function printedNote(source: Source): string | null {
  if (source.text) return source.text;
  const parts = [source.publisher, source.url && `<${source.url}>`].filter(Boolean);
  return parts.length ? `${parts.join(". ")}.` : null;
}
