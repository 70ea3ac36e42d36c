import { addMs } from "../domain/instant.js";
import { z } from "zod";
import { type Actor, actorLabel } from "../domain/account.js";
import { describeIssues, Event } from "../domain/event.js";
import { diffEvents, type FieldChange } from "../domain/eventDiff.js";
import {
  applyPatch,
  ChangeProposal,
  type EventPatch,
  NewEventProposal,
  ProposalNote,
  type ProposalKind,
  type ProposalRequest,
  ProposalStatus,
  RemoveProposal,
  SuggestionInput,
} from "../domain/proposal.js";
import type { Database } from "../storage/database.js";
import { lockForWriting, removeEvent, writeEvents } from "../storage/repos/eventWriteRepo.js";
import * as repo from "../storage/repos/proposalRepo.js";
import { findCurrentRevision, findRevision } from "../storage/repos/revisionRepo.js";
import { inTransaction } from "../storage/transaction.js";
import {
  conflict,
  forbidden,
  type InputIssue,
  invalidRequest,
  notFound,
  tooManyRequests,
} from "./appError.js";
import type { AppServices } from "./appServices.js";
import { recordAction } from "./audit.js";
import { authorize } from "./authorize.js";

// Proposals and review: every change by a contributor waits as a proposal until an editor who is not
// its author publishes it (a new revision, in one transaction with the change log) or rejects it.

type Services = Pick<AppServices, "db" | "now">;

/** Suggestions anyone may make from one address in an hour. */
export const SUGGESTIONS_PER_HOUR = 5;

/** A proposal as every adapter shows it. */
export const ProposalView = z.object({
  id: z.number().int(),
  kind: z.enum(["add", "change", "remove", "suggestion"]),
  status: ProposalStatus,
  eventId: z.string(),
  baseRevision: z.number().int().nullable(),
  note: z.string(),
  sourceUrl: z.string().nullable(),
  author: z
    .string()
    .describe("The author's public name; 'operator' for an import, 'anonymous' for a suggestion"),
  createdAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  revision: z.number().int().nullable().describe("The revision publishing wrote"),
  event: z.record(z.string(), z.unknown()).nullable().describe("The whole proposed event (a new event)"),
  patch: z.record(z.string(), z.unknown()).nullable().describe("The fields a change sets"),
  currentRevision: z.number().int().nullable().describe("The event's revision now (null: no such event now)"),
  stale: z.boolean().describe("A pending change or removal whose baseRevision is no longer current"),
  changes: z
    .array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() }))
    .describe(
      "Field by field: for a pending proposal, what publishing it would change in the current revision; for a published one, what it changed",
    ),
});
export type ProposalView = z.output<typeof ProposalView>;

/** Names of accounts, by id, for showing who decided. */
async function namesOf(db: Database, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map();
  const rows = await db.selectFrom("users").select(["id", "name"]).where("id", "in", wanted).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** What a proposal makes of the current version: the new event, or null (a removal). */
function proposedEvent(
  row: repo.ProposalRow,
  current: Event | null,
): { event: Event | null; error: string | null } {
  if (row.kind === "remove") return { event: null, error: null };
  if (row.kind === "suggestion") return { event: current, error: null };
  const payload = JSON.parse(row.payload ?? "{}") as Record<string, unknown>;
  const candidate =
    row.kind === "add" ? payload : current ? applyPatch(current, payload as EventPatch) : null;
  if (candidate === null) return { event: null, error: "the event no longer exists" };
  const parsed = Event.safeParse(candidate);
  return parsed.success
    ? { event: parsed.data, error: null }
    : { event: null, error: describeIssues(parsed.error) };
}

async function present(
  db: Database,
  row: repo.ProposalRow,
  names: Map<string, string>,
): Promise<ProposalView> {
  const current = await findCurrentRevision(db, row.event_id);
  let changes: FieldChange[];
  if (row.status === "published" && row.revision !== null && row.kind !== "suggestion") {
    const [before, after] = await Promise.all([
      row.revision > 1 ? findRevision(db, row.event_id, row.revision - 1) : null,
      findRevision(db, row.event_id, row.revision),
    ]);
    const version = (r: typeof before) => (r && !r.removed ? r.event : null);
    changes = diffEvents(version(before), version(after));
  } else {
    changes = diffEvents(current?.event ?? null, proposedEvent(row, current?.event ?? null).event);
  }
  const payload = row.payload ? (JSON.parse(row.payload) as Record<string, unknown>) : null;
  return {
    id: Number(row.id),
    kind: row.kind as ProposalKind,
    status: row.status as ProposalStatus,
    eventId: row.event_id,
    baseRevision: row.base_revision,
    note: row.note,
    sourceUrl: row.source_url,
    author: row.author_label,
    createdAt: row.created_at,
    decidedBy: row.decided_by ? (names.get(row.decided_by) ?? null) : null,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
    revision: row.revision,
    event: row.kind === "add" ? payload : null,
    patch: row.kind === "change" ? payload : null,
    currentRevision: current?.revision ?? null,
    stale:
      row.status === "pending" &&
      row.base_revision !== null &&
      (current === null || current.revision !== row.base_revision),
    changes,
  };
}

/** Who a proposal is by: the account (its id, and its public name), else the operator or "anonymous". */
function authorOf(actor: Actor): { author_id: string | null; author_label: string } {
  return actor.kind === "account"
    ? { author_id: actor.userId, author_label: actor.name }
    : { author_id: null, author_label: actorLabel(actor) };
}

/** Zod issues as input issues, each under the field it names, prefixed (`event.title`, `patch.date`). */
function issuesOf(error: z.ZodError, prefix: string): InputIssue[] {
  return error.issues.map((issue) => ({
    parameter: [prefix, ...issue.path.map(String)].filter(Boolean).join("."),
    message: issue.message,
  }));
}

function refuse(issues: InputIssue[]): never {
  throw invalidRequest(
    issues.map((i) => (i.parameter ? `${i.parameter}: ${i.message}` : i.message)).join("; "),
    issues,
  );
}

/**
 * The validate step of POST /api/proposals: tells the three shapes apart by their keys and checks each
 * with its schema, a new event with the same Event schema as an import. A bad field is refused by name.
 */
export function parseProposalRequest(body: unknown): ProposalRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    refuse([{ parameter: "", message: "expected a JSON object with event, patch or remove" }]);
  const keys = body as Record<string, unknown>;
  if ("event" in keys) {
    const shape = NewEventProposal.safeParse(body);
    if (!shape.success) refuse(issuesOf(shape.error, ""));
    const event = Event.safeParse(shape.data.event);
    if (!event.success) refuse(issuesOf(event.error, "event"));
    return { kind: "add", event: event.data, note: shape.data.note };
  }
  if ("remove" in keys) {
    const shape = RemoveProposal.safeParse(body);
    if (!shape.success) refuse(issuesOf(shape.error, ""));
    return {
      kind: "remove",
      eventId: shape.data.eventId,
      baseRevision: shape.data.baseRevision,
      note: shape.data.note,
    };
  }
  if ("patch" in keys) {
    const shape = ChangeProposal.safeParse(body);
    if (!shape.success) refuse(issuesOf(shape.error, ""));
    return {
      kind: "change",
      eventId: shape.data.eventId,
      patch: shape.data.patch as EventPatch,
      baseRevision: shape.data.baseRevision,
      note: shape.data.note,
    };
  }
  refuse([
    { parameter: "", message: "expected one of: event (a new event), patch (a change) or remove: true" },
  ]);
}

/** Refuses a change or removal made against a revision that is not the current one. */
function refuseStale(
  eventId: string,
  baseRevision: number,
  current: { event: Event; revision: number } | null,
  base: Event | null,
): void {
  if (current === null)
    throw conflict(`the event "${eventId}" does not exist now`, {
      currentRevision: null,
      changes: diffEvents(base, null),
    });
  if (current.revision !== baseRevision)
    throw conflict(
      `baseRevision ${baseRevision} is not the current revision of "${eventId}" (${current.revision}): someone else's change came first; propose again against revision ${current.revision}`,
      { currentRevision: current.revision, changes: diffEvents(base, current.event) },
    );
}

async function baseVersion(db: Database, eventId: string, revision: number): Promise<Event | null> {
  const found = await findRevision(db, eventId, revision);
  return found && !found.removed ? found.event : null;
}

/** The patch a change stores: each of its fields as the checked event has it (defaults filled in). */
function normalizedPatch(patch: EventPatch, event: Event): Record<string, unknown> {
  return Object.fromEntries(Object.keys(patch).map((key) => [key, event[key as keyof Event]]));
}

/**
 * Files a proposal (authorize: contributor and up). A change is checked against the event it would
 * make, and refused at once (409) when its baseRevision is no longer the current one; a new event whose
 * id is taken is refused too. Recorded in the audit log.
 */
export async function propose(
  services: Services,
  actor: Actor,
  request: ProposalRequest,
): Promise<ProposalView> {
  if (request.kind === "suggestion") return suggestCorrection(services, actor, request.eventId, request);
  authorize(actor, "propose");
  const now = services.now();
  const id = await inTransaction(services.db, async (trx) => {
    const eventId = request.kind === "add" ? request.event.id : request.eventId;
    const current = await findCurrentRevision(trx, eventId);
    let payload: string | null = null;
    if (request.kind === "add") {
      if (current)
        throw conflict(
          `an event with id "${eventId}" exists already (revision ${current.revision}): propose a change to it`,
          {
            currentRevision: current.revision,
            changes: [],
          },
        );
      payload = JSON.stringify(request.event);
    } else {
      if (!current) throw notFound(`no event with id "${eventId}"`);
      refuseStale(
        eventId,
        request.baseRevision,
        current,
        await baseVersion(trx, eventId, request.baseRevision),
      );
      if (request.kind === "change") {
        const made = Event.safeParse(applyPatch(current.event, request.patch));
        if (!made.success) refuse(issuesOf(made.error, "patch"));
        if (diffEvents(current.event, made.data).length === 0)
          refuse([
            { parameter: "patch", message: "expected a change: every field given is as it is already" },
          ]);
        payload = JSON.stringify(normalizedPatch(request.patch, made.data));
      }
    }
    const proposalId = await repo.insertProposal(trx, {
      kind: request.kind,
      event_id: eventId,
      base_revision: request.kind === "add" ? null : request.baseRevision,
      payload,
      note: request.note,
      source_url: null,
      status: "pending",
      ...authorOf(actor),
      address: actor.address,
      created_at: now,
      decided_by: null,
      decided_at: null,
      decision_note: null,
      revision: null,
    });
    await recordAction(trx, actor, "proposal-made", now, `proposal ${proposalId}`, {
      kind: request.kind,
      eventId,
    });
    return proposalId;
  });
  return proposalDetail(services, id);
}

/**
 * Anyone's suggestion of a correction to an event: a proposal without changes that lands in the
 * editors' queue, visible to all with what became of it. Limited per address (SUGGESTIONS_PER_HOUR).
 */
export async function suggestCorrection(
  services: Services,
  actor: Actor,
  eventId: string,
  input: unknown,
): Promise<ProposalView> {
  const parsed = SuggestionInput.safeParse(input);
  if (!parsed.success) refuse(issuesOf(parsed.error, ""));
  const now = services.now();
  const id = await inTransaction(services.db, async (trx) => {
    if (!(await findCurrentRevision(trx, eventId))) throw notFound(`no event with id "${eventId}"`);
    const address = actor.address ?? "unknown";
    if (actor.kind === "anonymous") {
      const since = addMs(now, -3_600_000);
      if ((await repo.countProposalsFrom(trx, address, since)) >= SUGGESTIONS_PER_HOUR)
        throw tooManyRequests(
          `at most ${SUGGESTIONS_PER_HOUR} suggestions an hour from one address; try again later`,
          3600,
        );
    }
    const proposalId = await repo.insertProposal(trx, {
      kind: "suggestion",
      event_id: eventId,
      base_revision: null,
      payload: null,
      note: parsed.data.note,
      source_url: parsed.data.sourceUrl,
      status: "pending",
      ...authorOf(actor),
      address,
      created_at: now,
      decided_by: null,
      decided_at: null,
      decision_note: null,
      revision: null,
    });
    await recordAction(trx, actor, "proposal-made", now, `proposal ${proposalId}`, {
      kind: "suggestion",
      eventId,
    });
    return proposalId;
  });
  return proposalDetail(services, id);
}

export const ProposalsQuery = z
  .object({
    status: ProposalStatus.optional(),
    event: z.string().max(120).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: z.coerce.number().int().positive().optional(),
  })
  .strict();
export type ProposalsQuery = z.output<typeof ProposalsQuery>;

/** Proposals, newest first (public: anyone can see what was proposed and what became of it). */
export async function listProposalViews(
  services: Pick<AppServices, "db">,
  query: ProposalsQuery,
): Promise<{ proposals: ProposalView[]; next: number | null }> {
  const rows = await repo.listProposals(services.db, {
    status: query.status,
    eventId: query.event,
    before: query.before,
    limit: query.limit,
  });
  const names = await namesOf(
    services.db,
    rows.map((row) => row.decided_by),
  );
  const proposals = [];
  for (const row of rows) proposals.push(await present(services.db, row, names));
  const last = proposals.at(-1);
  return { proposals, next: proposals.length === query.limit && last ? last.id : null };
}

/** One proposal, with its difference field by field. */
export async function proposalDetail(services: Pick<AppServices, "db">, id: number): Promise<ProposalView> {
  const row = Number.isSafeInteger(id) && id > 0 ? await repo.findProposal(services.db, id) : null;
  if (!row) throw notFound(`no proposal ${id}`);
  return present(services.db, row, await namesOf(services.db, [row.decided_by]));
}

/** Parses the note of a decision: required to reject (why), optional to publish. */
export const DecisionInput = z.object({ note: ProposalNote.optional() }).strict();

/** The checks every decision makes: an editor, a pending proposal, and not the editor's own. */
async function pendingFor(db: Database, actor: Actor, id: number): Promise<repo.ProposalRow> {
  authorize(actor, "review");
  const row = Number.isSafeInteger(id) && id > 0 ? await repo.findProposal(db, id) : null;
  if (!row) throw notFound(`no proposal ${id}`);
  if (actor.kind === "account" && row.author_id === actor.userId)
    throw forbidden("an editor does not publish or reject their own proposal: another editor reviews it");
  if (row.status !== "pending")
    throw conflict(`proposal ${id} is ${row.status} already`, { proposalStatus: row.status });
  return row;
}

/**
 * Publishes a proposal (authorize: an editor who is not its author): the change becomes the event's next
 * revision, written in one transaction with the change log, the proposal's decision and the audit entry,
 * after taking the write lock, so that of two editors publishing against the same revision one wins and
 * the other is refused (409, with the difference) instead of writing over it. A suggestion is
 * acknowledged without a revision.
 */
export async function publishProposal(
  services: Services,
  actor: Actor,
  id: number,
  input: unknown = {},
): Promise<ProposalView> {
  const decision = DecisionInput.safeParse(input ?? {});
  if (!decision.success) refuse(issuesOf(decision.error, ""));
  const now = services.now();
  await inTransaction(services.db, async (trx) => {
    await lockForWriting(trx);
    const row = await pendingFor(trx, actor, id);
    const current = await findCurrentRevision(trx, row.event_id);
    let revision: number | null = null;
    const editorNote = decision.data.note ?? null;
    const attribution = { userId: row.author_id, note: row.note, proposalId: Number(row.id) };
    const origin = `proposal ${row.id}`;
    if (row.kind === "change" || row.kind === "remove") {
      const base = row.base_revision as number;
      refuseStale(row.event_id, base, current, await baseVersion(trx, row.event_id, base));
    }
    if (row.kind === "add" && current)
      throw conflict(`an event with id "${row.event_id}" exists already (revision ${current.revision})`, {
        currentRevision: current.revision,
        changes: [],
      });
    if (row.kind === "add" || row.kind === "change") {
      const made = proposedEvent(row, current?.event ?? null);
      if (!made.event) throw conflict(`proposal ${id} no longer makes a valid event: ${made.error}`);
      await writeEvents(trx, [made.event], origin, now, attribution);
      revision = (current?.revision ?? 0) + 1;
    } else if (row.kind === "remove") {
      revision = await removeEvent(trx, row.event_id, origin, now, attribution);
    }
    const decided = await repo.decideProposal(trx, Number(row.id), {
      status: "published",
      decided_by: actor.kind === "account" ? actor.userId : null,
      decided_at: now,
      decision_note: editorNote,
      revision,
    });
    if (!decided) throw conflict(`proposal ${id} was decided by someone else a moment ago`);
    await recordAction(trx, actor, "proposal-published", now, `proposal ${row.id}`, {
      eventId: row.event_id,
      kind: row.kind,
      revision,
    });
  });
  return proposalDetail(services, id);
}

/** Rejects a proposal with a note saying why (authorize: an editor who is not its author). */
export async function rejectProposal(
  services: Services,
  actor: Actor,
  id: number,
  input: unknown,
): Promise<ProposalView> {
  const decision = z
    .object({ note: ProposalNote })
    .strict()
    .safeParse(input ?? {});
  if (!decision.success) refuse(issuesOf(decision.error, ""));
  const now = services.now();
  await inTransaction(services.db, async (trx) => {
    const row = await pendingFor(trx, actor, id);
    const decided = await repo.decideProposal(trx, Number(row.id), {
      status: "rejected",
      decided_by: actor.kind === "account" ? actor.userId : null,
      decided_at: now,
      decision_note: decision.data.note,
      revision: null,
    });
    if (!decided) throw conflict(`proposal ${id} was decided by someone else a moment ago`);
    await recordAction(trx, actor, "proposal-rejected", now, `proposal ${row.id}`, { eventId: row.event_id });
  });
  return proposalDetail(services, id);
}

/**
 * Turns events (read from import files) into pending proposals: a new id is an addition, a known one a
 * change of the fields that differ, against its current revision; an event as it is already is skipped.
 * Each batch (a file) carries its note. One transaction for all of them: every proposal, or none.
 */
export async function proposeEvents(
  services: Services,
  actor: Actor,
  batches: readonly { events: readonly Event[]; note: string }[],
): Promise<{ proposed: number[]; unchanged: number }[]> {
  authorize(actor, "propose");
  const now = services.now();
  return inTransaction(services.db, async (trx) => {
    const results: { proposed: number[]; unchanged: number }[] = [];
    for (const { events, note } of batches) {
      const proposed: number[] = [];
      let unchanged = 0;
      for (const event of events) {
        const current = await findCurrentRevision(trx, event.id);
        if (current && diffEvents(current.event, event).length === 0) {
          unchanged++;
          continue;
        }
        const differs = (key: keyof Event) =>
          JSON.stringify(event[key]) !== JSON.stringify(current?.event[key]);
        const patch = current
          ? Object.fromEntries(
              (Object.keys(event) as (keyof Event)[]).filter(differs).map((key) => [key, event[key]]),
            )
          : null;
        const id = await repo.insertProposal(trx, {
          kind: current ? "change" : "add",
          event_id: event.id,
          base_revision: current?.revision ?? null,
          payload: JSON.stringify(patch ?? event),
          note,
          source_url: null,
          status: "pending",
          ...authorOf(actor),
          address: actor.address,
          created_at: now,
          decided_by: null,
          decided_at: null,
          decision_note: null,
          revision: null,
        });
        proposed.push(id);
      }
      await recordAction(trx, actor, "proposal-made", now, null, {
        proposals: proposed.length,
        unchanged,
        note,
      });
      results.push({ proposed, unchanged });
    }
    return results;
  });
}
