import { z } from "zod";
import { notFound } from "../../app/appError.js";
import { DiffQuery, eventDiff, eventRevision, eventRevisions, RevisionView } from "../../app/history.js";
import { PresentedEvent } from "../../app/responses.js";
import { defineEndpoint, type Endpoint, jsonAnswer, problemAnswer } from "../endpoint.js";
import { ProblemFieldChange } from "../problem.js";

// History you can cite: every published revision of an event, one of them as it was, and the
// difference of two. Revisions only change when an event does, so these answers are kept by the
// response cache like every read of the data (its key is the data version).

export const RevisionList = z
  .object({ id: z.string(), revisions: z.array(RevisionView).describe("Oldest first") })
  .strict();
export const EventAtRevision = z
  .object({
    id: z.string(),
    revision: RevisionView,
    event: PresentedEvent.nullable().describe("The event as this revision left it; null for a removal"),
  })
  .strict();
export const RevisionDiff = z
  .object({
    id: z.string(),
    from: RevisionView,
    to: RevisionView,
    changes: z.array(ProblemFieldChange).describe("Field by field (title and summary per language)"),
  })
  .strict();

const revisions = jsonAnswer("Every published revision of the event", RevisionList);
const atRevision = jsonAnswer("The revision, and the event as it left it", EventAtRevision);
const diff = jsonAnswer("What changed from one revision to the other", RevisionDiff);
const EventId = z.object({ id: z.string() });

/** GET /api/events/{id}/revisions, …/revisions/{n} and …/diff?from=&to=. */
export const historyRoutes: Endpoint[] = [
  defineEndpoint({
    method: "get",
    path: "/api/events/{id}/revisions",
    summary: "Every published revision of an event: when, by whom, with which note, from which proposal",
    params: EventId,
    responses: {
      200: revisions,
      404: problemAnswer("No event with this id has ever been published"),
    },
    handler: async ({ c, params: { id }, deps: { services } }) =>
      revisions.send(c, { id, revisions: await eventRevisions(services, id) }),
  }),
  defineEndpoint({
    method: "get",
    path: "/api/events/{id}/revisions/{n}",
    summary: "An event as one of its revisions left it",
    params: z.object({ id: z.string(), n: z.string() }),
    responses: { 200: atRevision, 404: problemAnswer("The event has no such revision") },
    handler: async ({ c, params: { id, n }, deps: { services } }) => {
      if (!/^[1-9]\d{0,8}$/.test(n)) throw notFound(`event "${id}" has no revision ${JSON.stringify(n)}`);
      const found = await eventRevision(services, id, Number(n));
      return atRevision.send(c, { id, revision: found.revision, event: found.presented });
    },
  }),
  defineEndpoint({
    method: "get",
    path: "/api/events/{id}/diff",
    summary: "The difference of two revisions of an event, field by field",
    params: EventId,
    query: DiffQuery,
    parameterDescriptions: { from: "The earlier revision (a number).", to: "The later revision (a number)." },
    responses: {
      200: diff,
      400: problemAnswer("from or to is missing or not a revision number"),
      404: problemAnswer("The event has no such revision"),
    },
    handler: async ({ c, params: { id }, query, deps: { services } }) =>
      diff.send(c, await eventDiff(services, id, query.from, query.to)),
  }),
];
