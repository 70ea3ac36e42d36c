import { z } from "zod";
import type { Event } from "../domain/event.js";
import { diffEvents } from "../domain/eventDiff.js";
import {
  findRevision,
  listRevisions,
  revisionAsOf,
  type StoredRevision,
} from "../storage/repos/revisionRepo.js";
import { AsOf } from "../domain/asOf.js";
import { invalidRequest, notFound, unavailable } from "./appError.js";
import type { AppServices } from "./appServices.js";
import { EVENT_ID } from "./events.js";
import { presentEvent, type PresentedEvent } from "./presentEvent.js";
import { MAX_AS_OF_CHANGES, type EventSearcher } from "../search/searchService.js";

// History you can cite: every revision of an event, the difference of two, and the archive as it was.

/** One revision as the API lists it. */
export const RevisionView = z.object({
  revision: z.number().int(),
  at: z.string().describe("When it was published (ISO 8601, UTC)"),
  by: z
    .string()
    .nullable()
    .describe("The public name of the account whose proposal it published; null for an import"),
  publishedBy: z.string().nullable().describe("The editor who published it"),
  origin: z.string().describe('What wrote it: the imported file, "bundled dataset", or "proposal N"'),
  note: z.string().nullable(),
  proposal: z.number().int().nullable(),
  removed: z.boolean().describe("This revision removed the event"),
});
export type RevisionView = z.output<typeof RevisionView>;

const showRevision = (r: StoredRevision): RevisionView => ({
  revision: r.revision,
  at: r.changedAt,
  by: r.by,
  publishedBy: r.publishedBy,
  origin: r.origin,
  note: r.note,
  proposal: r.proposalId,
  removed: r.removed,
});

/** Every published revision of an event, oldest first (an event removed since keeps its history). */
export async function eventRevisions(services: Pick<AppServices, "db">, id: string): Promise<RevisionView[]> {
  const revisions = EVENT_ID.test(id) ? await listRevisions(services.db, id) : [];
  if (!revisions.length) throw notFound(`no event with id "${id}" has ever been published`);
  return revisions.map(showRevision);
}

/** The version a revision left the event in: null for a removal. */
const versionOf = (r: StoredRevision): Event | null => (r.removed ? null : r.event);

/** One revision of an event, with the event as it then was. */
export async function eventRevision(
  services: Pick<AppServices, "db" | "corrections">,
  id: string,
  revision: number,
): Promise<{ revision: RevisionView; event: Event | null; presented: PresentedEvent | null }> {
  const found =
    EVENT_ID.test(id) && Number.isSafeInteger(revision)
      ? await findRevision(services.db, id, revision)
      : null;
  if (!found) throw notFound(`event "${id}" has no revision ${revision}`);
  const event = versionOf(found);
  return {
    revision: showRevision(found),
    event,
    presented: event ? presentEvent(event, services.corrections) : null,
  };
}

export const DiffQuery = z
  .object({
    from: z.coerce.number({ message: "expected a revision number" }).int().positive(),
    to: z.coerce.number({ message: "expected a revision number" }).int().positive(),
  })
  .strict();

/** The difference of two revisions of an event, field by field. */
export async function eventDiff(services: Pick<AppServices, "db">, id: string, from: number, to: number) {
  const [a, b] = EVENT_ID.test(id)
    ? await Promise.all([findRevision(services.db, id, from), findRevision(services.db, id, to)])
    : [null, null];
  if (!a) throw notFound(`event "${id}" has no revision ${from}`);
  if (!b) throw notFound(`event "${id}" has no revision ${to}`);
  return { id, from: showRevision(a), to: showRevision(b), changes: diffEvents(versionOf(a), versionOf(b)) };
}

/** An event as it was published at a moment: 404 when it did not exist yet (or had been removed). */
export async function eventAsOf(
  services: Pick<AppServices, "db" | "corrections">,
  id: string,
  asOf: string,
): Promise<{ event: Event; revision: RevisionView; presented: PresentedEvent }> {
  const found = EVENT_ID.test(id) ? await revisionAsOf(services.db, id, asOf) : null;
  if (!found) throw notFound(`no event with id "${id}" existed at ${asOf}`);
  if (found.removed)
    throw notFound(`the event "${id}" had been removed by ${asOf} (revision ${found.revision})`);
  return {
    event: found.event,
    revision: showRevision(found),
    presented: presentEvent(found.event, services.corrections),
  };
}

/** The searcher of the archive as it was at a moment (the current one without a moment). */
export async function searcherAt(
  services: Pick<AppServices, "search">,
  asOf: string | undefined,
): Promise<EventSearcher> {
  if (asOf === undefined) return services.search;
  const view = await services.search.asOf(asOf);
  if (!view)
    throw unavailable(
      `more than ${MAX_AS_OF_CHANGES.toLocaleString("en")} events changed since ${asOf}: an answer as of then is not kept; ask for a later moment, or for one event (GET /api/events/{id}?asOf=…)`,
    );
  return view;
}

/** Parses an `asOf` value, or refuses it naming the parameter. */
export function parseAsOf(value: string): string {
  const parsed = AsOf.safeParse(value);
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? "invalid";
  throw invalidRequest(`asOf: ${message}`, [{ parameter: "asOf", message }]);
}
