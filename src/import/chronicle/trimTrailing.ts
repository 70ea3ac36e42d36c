/**
 * Removes trailing characters of a set, in linear time. A regex such as /[\s.]+$/ is quadratic on a
 * long run of those characters followed by anything else (it retries the run from every position):
 * a crafted line of 40,000 spaces took 0.6 s.
 */
export function trimTrailing(text: string, isTrailing: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0 && isTrailing(text[end - 1] as string)) end--;
  return end === text.length ? text : text.slice(0, end);
}

/** A character test from the characters of a string, for trimTrailing. */
export function charsOf(chars: string): (char: string) => boolean {
  const set = new Set(chars);
  return (char) => set.has(char) || (set.has(" ") && /\s/.test(char));
}
