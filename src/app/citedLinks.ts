import { isHttpUrl } from "../domain/httpUrl.js";
import type { Instrument } from "../domain/instrument.js";
import type { Obligation } from "../domain/obligation.js";
import type { ObligationsData } from "../reference/obligationsData.js";
import type { Database } from "../storage/database.js";
import { type LinkCitation, streamEventSourceUrls } from "../storage/repos/linkRepo.js";

/** Every http(s) URL aigov cites, each once, with who cites it and the day it was first cited. */
export interface CitedLinks {
  /** By URL: the citations, and the earliest day (YYYY-MM-DD) one of them was made. */
  links: Map<string, { citations: LinkCitation[]; firstCitedOn: string }>;
  /** Cited URLs that are not http(s) (a `mailto:`, a relative path): not checked. */
  skipped: number;
}

// The fields of the reference data that hold URLs: an instrument's official text and where each of its
// dates and identifiers was checked; a duty's citation (and its transitions' and developer rule's).
const URL_KEYS = new Set(["url", "officialUrl", "verifiedFrom"]);

/** The URLs in a record of the reference data (an instrument, a duty): the strings under URL_KEYS, at any depth. */
export function urlsIn(value: unknown, under = false, found: string[] = []): string[] {
  if (typeof value === "string") {
    if (under) found.push(value);
  } else if (Array.isArray(value)) {
    for (const item of value) urlsIn(item, under, found);
  } else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) urlsIn(inner, URL_KEYS.has(key), found);
  }
  return found;
}

/**
 * Gathers the cited URLs: every source URL of every stored event, and every URL of the instruments and
 * their duties (a duty's URLs count as its instrument's, whose page shows them).
 *
 * The day a URL was cited, for the archived copy offered when it breaks: for an event, the day it was
 * first stored (its `created_at`, the day of its first revision); the reference data carries no date of
 * its own checks, so for its URLs it is `today`, the day the checker first meets them — the earliest
 * day recorded is kept from one run to the next (nextLinkState), so it never moves forward.
 */
export async function gatherCitedLinks(
  db: Database,
  reference: Pick<ObligationsData, "instruments" | "obligations">,
  today: string,
  kinds: readonly LinkCitation["kind"][] = ["event", "instrument"],
): Promise<CitedLinks> {
  const links: CitedLinks["links"] = new Map();
  let skipped = 0;
  const cite = (url: string, citation: Omit<LinkCitation, "url">, day: string) => {
    if (!isHttpUrl(url)) {
      skipped++;
      return;
    }
    const entry = links.get(url) ?? { citations: [], firstCitedOn: day };
    if (!entry.citations.some((c) => c.kind === citation.kind && c.subject === citation.subject))
      entry.citations.push({ url, ...citation });
    if (day < entry.firstCitedOn) entry.firstCitedOn = day;
    links.set(url, entry);
  };
  if (kinds.includes("event"))
    for await (const event of streamEventSourceUrls(db))
      for (const url of event.urls)
        cite(url, { kind: "event", subject: event.id }, event.createdAt.slice(0, 10));
  const records: [Instrument | Obligation, string][] = kinds.includes("instrument")
    ? [
        ...reference.instruments.map((i): [Instrument, string] => [i, i.id]),
        ...reference.obligations.map((o): [Obligation, string] => [o, o.instrument]),
      ]
    : [];
  for (const [record, instrument] of records)
    for (const url of urlsIn(record)) cite(url, { kind: "instrument", subject: instrument }, today);
  return { links, skipped };
}
