import { z } from "zod";
import { notFound } from "../../app/appError.js";
import { authorize } from "../../app/authorize.js";
import {
  listProposalViews,
  parseProposalRequest,
  propose,
  proposalDetail,
  ProposalsQuery,
  ProposalView,
  publishProposal,
  rejectProposal,
} from "../../app/proposals.js";
import { Event } from "../../domain/event.js";
import { ChangeProposal, ProposalNote, RemoveProposal } from "../../domain/proposal.js";
import { type Answer, defineEndpoint, type Endpoint, jsonAnswer, problemAnswer } from "../endpoint.js";
import { jsonBodyLimit, readJsonBody } from "../jsonBody.js";
import { requestActor } from "../requestActor.js";

/** The largest proposal body: a whole event with its sources fits many times over. */
export const MAX_PROPOSAL_BYTES = 256 * 1024;
/** The largest decision body: a note of 5,000 characters, even written as \u escapes. */
export const MAX_DECISION_BYTES = 64 * 1024;

/**
 * Proposals change between data versions (a proposal filed or rejected changes no event), so their
 * reads are never kept by the response cache, which is keyed by the data version; nor is any answer
 * to a write.
 */
const NOT_STORED = { "cache-control": "no-store" };

const proposal = jsonAnswer("The proposal, with its difference field by field", ProposalView);
export const ProposalList = z
  .object({
    proposals: z.array(ProposalView),
    next: z
      .number()
      .int()
      .nullable()
      .describe("The `before` of the next page (older proposals), null on the last"),
  })
  .strict();
const proposals = jsonAnswer("Proposals, newest first", ProposalList);

/** The three shapes of POST /api/proposals, as documented (the use case tells them apart by their keys). */
const ProposalBody = z.union([
  z.object({ event: Event, note: ProposalNote }).strict().describe("A new event"),
  ChangeProposal.describe("A change of some fields of an event, against its current revision"),
  RemoveProposal.describe("The removal of an event, against its current revision"),
]);
const PublishBody = z.object({ note: ProposalNote.optional() }).strict();
const RejectBody = z.object({ note: ProposalNote }).strict();

const BAD_BODY = problemAnswer(
  "A bad body or parameter (not JSON, too large, a field the event schema refuses): which and why",
);
const AUTH: Record<number, Answer> = {
  401: problemAnswer("No API token, or one that is unknown, revoked, or whose account is disabled"),
  403: problemAnswer("The token's role may not do this"),
};
const ProposalId = z.object({ id: z.string() });

/** A proposal's id from its path: digits, else no proposal has it (404, as for an unknown number). */
function proposalNumber(id: string): number {
  if (/^[1-9]\d{0,14}$/.test(id)) return Number(id);
  throw notFound(`no proposal ${JSON.stringify(id)}`);
}

/**
 * POST /api/proposals, GET /api/proposals, GET /api/proposals/{id} and POST /api/proposals/{id}/publish
 * and …/reject: every change waits as a proposal until an editor who is not its author publishes it.
 * Each write reads the token first (401 or 403 before the body is read), then the body, then runs the
 * use case, which checks the role again with the rest of its rules.
 */
export const proposalRoutes: Endpoint[] = [
  defineEndpoint({
    method: "post",
    path: "/api/proposals",
    summary: "Propose a new event, a change or a removal (contributors, editors, admins)",
    description: `The body is one of three shapes: { event, note } (a new event, checked by the same schema as an import), { eventId, patch, baseRevision, note } (a change) or { eventId, remove: true, baseRevision, note } (a removal). A bad field is a 400 naming it; a baseRevision that is no longer the event's current one is a 409 with currentRevision and changes. At most ${MAX_PROPOSAL_BYTES / 1024} KB of JSON.`,
    security: "bearer",
    body: { content: { "application/json": ProposalBody } },
    responses: {
      201: { ...proposal, description: "The proposal, pending" },
      400: BAD_BODY,
      ...AUTH,
      404: problemAnswer("A change or removal of an event that does not exist"),
      409: problemAnswer(
        "The baseRevision is not the current one (with currentRevision and changes), or a new event's id is taken",
      ),
    },
    middleware: [jsonBodyLimit(MAX_PROPOSAL_BYTES)],
    handler: async ({ c, deps: { services } }) => {
      const actor = await requestActor(c, services);
      authorize(actor, "propose");
      const request = parseProposalRequest(await readJsonBody(c));
      const made = await propose(services, actor, request);
      return proposal.send(c, made, { ...NOT_STORED, location: `/api/proposals/${made.id}` }, 201);
    },
  }),
  defineEndpoint({
    method: "get",
    path: "/api/proposals",
    summary: "Proposals, newest first, with what each would change (or changed)",
    query: ProposalsQuery,
    parameterDescriptions: {
      status: "pending, published or rejected; default all.",
      event: "The proposals of one event (its id).",
      limit: "Page size, 1 to 200 (default 50).",
      before: "The `next` of a previous page: proposals older than it.",
    },
    responses: {
      200: proposals,
      400: problemAnswer("A bad parameter: which one and why, as an RFC 9457 problem document."),
    },
    handler: async ({ c, query, deps: { services } }) =>
      proposals.send(c, await listProposalViews(services, query), NOT_STORED),
  }),
  defineEndpoint({
    method: "get",
    path: "/api/proposals/{id}",
    summary: "One proposal, with the field-by-field difference against the event's current revision",
    params: ProposalId,
    responses: { 200: proposal, 404: problemAnswer("No proposal has this id") },
    handler: async ({ c, params, deps: { services } }) =>
      proposal.send(c, await proposalDetail(services, proposalNumber(params.id)), NOT_STORED),
  }),
  defineEndpoint({
    method: "post",
    path: "/api/proposals/{id}/publish",
    summary: "Publish a proposal as the event's next revision (an editor or admin who is not its author)",
    description: `The body, optional, is { note } (the editor's note). A change made against a revision that is no longer current is refused with 409, its problem document carrying currentRevision and changes; nothing is written over someone else's change. At most ${MAX_DECISION_BYTES / 1024} KB of JSON.`,
    security: "bearer",
    params: ProposalId,
    body: { content: { "application/json": PublishBody }, required: false },
    responses: {
      200: { ...proposal, description: "The proposal, published, with the revision it wrote" },
      400: BAD_BODY,
      ...AUTH,
      403: problemAnswer("The token's role may not review, or the proposal is its own author's"),
      404: problemAnswer("No proposal has this id"),
      409: problemAnswer(
        "The proposal is stale (with currentRevision and changes) or was published or rejected already",
      ),
    },
    middleware: [jsonBodyLimit(MAX_DECISION_BYTES)],
    handler: async ({ c, params, deps: { services } }) => {
      const actor = await requestActor(c, services);
      authorize(actor, "review");
      const id = proposalNumber(params.id);
      const body = await readJsonBody(c, { optional: true });
      return proposal.send(c, await publishProposal(services, actor, id, body ?? {}), NOT_STORED);
    },
  }),
  defineEndpoint({
    method: "post",
    path: "/api/proposals/{id}/reject",
    summary: "Reject a proposal, saying why (an editor or admin who is not its author)",
    description: `The body is { note }, required: the public reason. At most ${MAX_DECISION_BYTES / 1024} KB of JSON.`,
    security: "bearer",
    params: ProposalId,
    body: { content: { "application/json": RejectBody } },
    responses: {
      200: { ...proposal, description: "The proposal, rejected, with the note" },
      400: BAD_BODY,
      ...AUTH,
      403: problemAnswer("The token's role may not review, or the proposal is its own author's"),
      404: problemAnswer("No proposal has this id"),
      409: problemAnswer("The proposal was published or rejected already"),
    },
    middleware: [jsonBodyLimit(MAX_DECISION_BYTES)],
    handler: async ({ c, params, deps: { services } }) => {
      const actor = await requestActor(c, services);
      authorize(actor, "review");
      const id = proposalNumber(params.id);
      const body = await readJsonBody(c, { optional: true });
      return proposal.send(c, await rejectProposal(services, actor, id, body ?? {}), NOT_STORED);
    },
  }),
];
