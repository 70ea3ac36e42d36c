// Instants as aigov stores them: ISO 8601 UTC strings from Date#toISOString, which compare as text.

/** The instant `ms` milliseconds after `iso` (before it, for a negative `ms`), in the same form. */
export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}
