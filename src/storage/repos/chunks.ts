// Rows in statements of bounded size, for the repositories that write or look up many at once.

/**
 * Bound parameters per statement: below SQLite's limit (32,766) and PostgreSQL's (65,535), so that a
 * batch of rows goes in one statement (one parse and plan) instead of one statement per row.
 */
const MAX_PARAMETERS = 30_000;

/** Rows in statements of at most MAX_PARAMETERS values. */
export function* chunksOf<T extends object>(rows: T[]): Generator<T[]> {
  if (rows.length === 0) return;
  const perRow = Object.keys(rows[0] as object).length;
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / perRow));
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}
