/**
 * The one rule for URLs that aigov stores or renders as links: absolute `http:` or `https:` only.
 * Other schemes (`javascript:`, `data:`, `file:`, …) would run code or reach local files when a reader
 * clicks them, and a source citation never needs them.
 */
export function httpUrlOrNull(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? value : null;
}

/** True when `value` is an absolute http(s) URL, the only kind a source or link may carry. */
export function isHttpUrl(value: string): boolean {
  return httpUrlOrNull(value) !== null;
}
