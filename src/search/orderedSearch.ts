/** Binary searches over the index's sorted arrays, and day numbers (days since 1970-01-01). */

/** Index of the first element >= value in a sorted array. */
export function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** In day numbers sorted newest first, the index of the first day on or before `day`. */
export function firstIndexAtOrBefore(daysDescending: Int32Array, day: number): number {
  let lo = 0;
  let hi = daysDescending.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((daysDescending[mid] as number) > day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Days since 1970-01-01 of a YYYY-MM-DD date: dates as numbers in typed arrays. */
export function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / 86_400_000);
}

/** The YYYY-MM-DD date of a day number. */
export function dayString(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

export function daysBetween(first: string, last: string): number {
  return Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000);
}
