import type { Source } from "../domain/event.js";
import { httpUrlOrNull } from "../domain/httpUrl.js";

/**
 * A source's footnote as printed: its text as stored (so that publisher and URL read back the same),
 * or, for a source an editor added without one, its publisher and URL.
 */
export function printedNote(source: Source): string | null {
  if (source.text) return source.text;
  // Markdown makes <…> a link whatever its scheme: only an http(s) URL is written that way.
  const url = httpUrlOrNull(source.url);
  const parts = [source.publisher, url && `<${url}>`].filter(Boolean);
  return parts.length ? `${parts.join(". ")}.` : null;
}
