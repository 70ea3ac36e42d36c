import { z } from "zod";

/**
 * What the last check of a cited URL found:
 * - `ok`: the server answered 2xx (after following redirects);
 * - `broken`: the server says the page is not there: 404, 410 or another 4xx (but 401, 403 and 429), a
 *   5xx asked twice, a redirect loop or too long a chain of redirects;
 * - `unreachable`: no answer at all: the name does not resolve, the connection is refused or reset, TLS
 *   fails, or nothing came back within the timeout;
 * - `blocked`: the server answered 401, 403 or 429. That is a refusal of the checker (a login, a bot wall,
 *   a rate limit), not a statement about the page, which a person may well open: aigov does not call it
 *   dead, and pages show such a link as they show a working one.
 */
export const LinkOutcome = z.enum(["ok", "broken", "unreachable", "blocked"]);
export type LinkOutcome = z.infer<typeof LinkOutcome>;

/** The outcomes a reader cannot get past: what pages mark and `GET /api/links?status=broken` lists. */
export const FAILING_OUTCOMES: readonly LinkOutcome[] = ["broken", "unreachable"];

/** Whether a link with this outcome is one a reader cannot open. */
export const isFailing = (outcome: LinkOutcome): boolean => FAILING_OUTCOMES.includes(outcome);

/** The outcome of an HTTP status that ended a check (after redirects and the one retry of a 5xx). */
export function outcomeOfStatus(status: number): LinkOutcome {
  if (status >= 200 && status < 300) return "ok";
  if (status === 401 || status === 403 || status === 429) return "blocked";
  // A 3xx without a Location (or a 304 to a plain request) leads nowhere a reader can follow.
  return "broken";
}

/** A link as aigov last checked it. Times are ISO 8601 UTC instants; `firstCitedOn` is a day. */
export const LinkState = z
  .object({
    url: z.string(),
    outcome: LinkOutcome,
    /** The HTTP status of the last answer; null when none came (unreachable). */
    status: z.number().int().nullable(),
    /** Where the redirects led, when they led elsewhere than `url`. */
    finalUrl: z.string().nullable(),
    /** What went wrong, in a few words (`DNS lookup failed`, `no answer within 15000 ms`, `HTTP 404`). */
    error: z.string().nullable(),
    checkedAt: z.string(),
    /** The last check that found it working; kept when it later breaks. */
    lastOkAt: z.string().nullable(),
    /** The first of the failing checks in a row up to now; null while it works. */
    firstBrokenAt: z.string().nullable(),
    /** How many checks in a row have failed (0 once one works; a blocked check does not count). */
    failures: z.number().int().nonnegative(),
    /** The day the URL was first cited (YYYY-MM-DD): the day of the archived copy offered in its place. */
    firstCitedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  })
  .strict();
export type LinkState = z.infer<typeof LinkState>;

/** What one check of a URL found, before it is recorded. */
export interface LinkFinding {
  outcome: LinkOutcome;
  status: number | null;
  finalUrl: string | null;
  error: string | null;
}

/**
 * A link's state after a check: the finding, with the history kept. `lastOkAt` moves only when the
 * link works; `firstBrokenAt` is set by the first failing check of a run of them and cleared when the
 * link works again; a `blocked` answer tells nothing about the page, so it leaves both as they were.
 */
export function nextLinkState(
  previous: LinkState | null,
  finding: LinkFinding,
  at: string,
  firstCitedOn: string,
): LinkState {
  const failing = isFailing(finding.outcome);
  const ok = finding.outcome === "ok";
  return {
    url: previous?.url ?? "",
    ...finding,
    checkedAt: at,
    lastOkAt: ok ? at : (previous?.lastOkAt ?? null),
    firstBrokenAt: ok ? null : failing ? (previous?.firstBrokenAt ?? at) : (previous?.firstBrokenAt ?? null),
    failures: failing ? (previous?.failures ?? 0) + 1 : ok ? 0 : (previous?.failures ?? 0),
    // The earliest day known: a citation found later (or a new event citing it) never moves it forward.
    firstCitedOn: previous && previous.firstCitedOn < firstCitedOn ? previous.firstCitedOn : firstCitedOn,
  };
}

/**
 * The Wayback Machine's copy of `url` nearest to `day` (YYYY-MM-DD): its documented
 * `https://web.archive.org/web/YYYYMMDD/URL` form, which redirects to the snapshot closest to that day.
 * The URL is appended as it is, as the Wayback Machine expects (it is not percent-encoded again).
 */
export function archivedCopyUrl(url: string, day: string): string {
  return `https://web.archive.org/web/${day.replaceAll("-", "")}/${url}`;
}
