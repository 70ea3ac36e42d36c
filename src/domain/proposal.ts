import { z } from "zod";
import { Event, EventId } from "./event.js";
import { isHttpUrl } from "./httpUrl.js";

// A proposal: a change to the archive that waits for an editor. Every write by a contributor is one.

export const PROPOSAL_KINDS = ["add", "change", "remove", "suggestion"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];
export const PROPOSAL_STATUSES = ["pending", "published", "rejected"] as const;
export const ProposalStatus = z.enum(PROPOSAL_STATUSES);
export type ProposalStatus = z.output<typeof ProposalStatus>;

/** Why a change is proposed (or a decision made): said in a sentence or a page, never left out. */
export const ProposalNote = z
  .string()
  .trim()
  .min(1, "expected a note saying why")
  .max(5_000, "expected a note of at most 5,000 characters");

/** The fields of an event a change may set: all but its id, which is the event's identity. */
export const PATCHABLE_FIELDS = (Object.keys(Event.shape) as (keyof Event)[]).filter((key) => key !== "id");

/**
 * A change's fields, by name: only the event's own (the values are checked on the event they make, so
 * that a patch is held to the same schema as an import).
 */
export const EventPatch = z
  .object(Object.fromEntries(PATCHABLE_FIELDS.map((field) => [field, z.unknown().optional()])))
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: "expected at least one field to change" });
export type EventPatch = Partial<Omit<Event, "id">>;

const Revision = z.number().int().positive("expected a revision number (1 or more)");

/** A proposal as it is asked for (POST /api/proposals): one of three shapes, told apart by their keys. */
export const NewEventProposal = z.object({ event: z.unknown(), note: ProposalNote }).strict();
export const ChangeProposal = z
  .object({ eventId: EventId, patch: EventPatch, baseRevision: Revision, note: ProposalNote })
  .strict();
export const RemoveProposal = z
  .object({
    eventId: EventId,
    remove: z.literal(true, { message: "expected true" }),
    baseRevision: Revision,
    note: ProposalNote,
  })
  .strict();

/** Anyone's suggestion of a correction: a note and, if they have one, the source that shows it. */
export const SuggestionInput = z
  .object({
    note: ProposalNote,
    sourceUrl: z
      .string()
      .trim()
      .max(4_096, "expected a URL of at most 4,096 characters")
      .refine((url) => url === "" || isHttpUrl(url), { message: "expected an http(s) URL" })
      .optional()
      .transform((url) => url || null),
  })
  .strict();

/** A proposal as the use cases take it, once its shape is known and its event checked. */
export type ProposalRequest =
  | { kind: "add"; event: Event; note: string }
  | { kind: "change"; eventId: string; patch: EventPatch; baseRevision: number; note: string }
  | { kind: "remove"; eventId: string; baseRevision: number; note: string }
  | { kind: "suggestion"; eventId: string; note: string; sourceUrl: string | null };

/** The event a change makes: the current version with the patch's fields set. */
export function applyPatch(current: Event, patch: EventPatch): unknown {
  return { ...current, ...patch, id: current.id };
}
