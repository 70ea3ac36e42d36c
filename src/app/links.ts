import { z } from "zod";
import {
  archivedCopyUrl,
  FAILING_OUTCOMES,
  isFailing,
  type LinkOutcome,
  LinkState,
} from "../domain/linkStatus.js";
import type { Database } from "../storage/database.js";
import { citationsOf, listLinkStates, readLinkStates } from "../storage/repos/linkRepo.js";

/**
 * The query of GET /api/links: which links by their last check — `broken` (the default: every link a
 * reader cannot open, outcomes `broken` and `unreachable`), `blocked`, `ok`, or `all` — a page of them.
 */
export const LinksQuery = z
  .object({
    status: z.enum(["broken", "blocked", "ok", "all"]).default("broken"),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  })
  .strict();
export type LinksQuery = z.output<typeof LinksQuery>;

/** A checked link with who cites it and, where it fails, the archived copy of the day it was cited. */
export const CheckedLink = LinkState.extend({
  citedBy: z.array(z.object({ kind: z.enum(["event", "instrument"]), id: z.string() }).strict()),
  /** The Wayback Machine's copy nearest the day it was first cited; offered for failing links only. */
  archivedUrl: z.string().nullable(),
}).strict();
export type CheckedLink = z.infer<typeof CheckedLink>;

export const LinkList = z
  .object({ total: z.number().int(), items: z.array(CheckedLink), next: z.number().int().nullable() })
  .strict();
export type LinkList = z.infer<typeof LinkList>;

const OUTCOMES_OF: Record<LinksQuery["status"], readonly LinkOutcome[] | null> = {
  broken: FAILING_OUTCOMES,
  blocked: ["blocked"],
  ok: ["ok"],
  all: null,
};

const archivedIfFailing = (state: LinkState) =>
  isFailing(state.outcome) ? archivedCopyUrl(state.url, state.firstCitedOn) : null;

/** The checked links, by URL, a page at a time: what editors go through to mend or replace citations. */
export async function listCheckedLinks(services: { db: Database }, query: LinksQuery): Promise<LinkList> {
  const { total, items } = await listLinkStates(services.db, OUTCOMES_OF[query.status], query);
  const citations = await citationsOf(
    services.db,
    items.map((item) => item.url),
  );
  const next = query.offset + items.length < total ? query.offset + items.length : null;
  return {
    total,
    next,
    items: items.map((state) => ({
      ...state,
      citedBy: (citations.get(state.url) ?? []).map((c) => ({ kind: c.kind, id: c.subject })),
      archivedUrl: archivedIfFailing(state),
    })),
  };
}

/** What a page shows of a failing link: since when it fails, and the archived copy to read instead. */
export interface FailingLink {
  since: string;
  checkedAt: string;
  /** The day the link was first cited, and the Wayback Machine's copy nearest it. */
  citedOn: string;
  archivedUrl: string;
}

/** Of these URLs, the ones whose last check failed, by URL (a page marks them). */
export async function failingLinks(
  services: { db: Database },
  urls: readonly string[],
): Promise<Map<string, FailingLink>> {
  const failing = new Map<string, FailingLink>();
  if (urls.length === 0) return failing;
  for (const [url, state] of await readLinkStates(services.db, urls))
    if (isFailing(state.outcome))
      failing.set(url, {
        since: state.firstBrokenAt ?? state.checkedAt,
        checkedAt: state.checkedAt,
        citedOn: state.firstCitedOn,
        archivedUrl: archivedCopyUrl(url, state.firstCitedOn),
      });
  return failing;
}
