import { z } from "zod";
import { AppError } from "../app/appError.js";
import { problemTypeOf, problemTypeSlug } from "../app/problemTypes.js";

/** One offending parameter (or body field) of a refused request, and what was wrong with it. */
export const ProblemIssue = z.object({ parameter: z.string(), message: z.string() }).strict();

/** One field that differs between two versions of an event (domain/eventDiff.ts's FieldChange). */
export const ProblemFieldChange = z
  .object({ field: z.string(), before: z.unknown(), after: z.unknown() })
  .strict();

/** What a 409 adds to its problem document, so that a client can act on the conflict without asking again. */
export interface ConflictMembers {
  currentRevision?: number | null;
  changes?: { field: string; before: unknown; after: unknown }[];
}

/**
 * Errors as RFC 9457 problem documents: one shape for every error the API answers, with the offending
 * parameters listed under `errors`. A schema, so that the OpenAPI document's Problem is generated from it.
 */
export const ProblemDocument = z
  .object({
    type: z
      .string()
      .describe(
        "The kind of problem, a URI relative to the server (e.g. /problems/invalid-request) whose page explains it",
      ),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z.array(ProblemIssue).optional(),
    // RFC 9457 § 3.2 extension members, sent with a 409 of the review (a stale baseRevision).
    currentRevision: z
      .number()
      .int()
      .nullable()
      .optional()
      .describe("With a 409: the event's revision now (null when the event no longer exists)"),
    changes: z
      .array(ProblemFieldChange)
      .optional()
      .describe(
        "With a 409: field by field, how the current revision differs from the one the proposal was made against",
      ),
  })
  .strict();
export type ProblemDocument = z.output<typeof ProblemDocument>;

/**
 * An error that the HTTP layer answers with a problem document of its status: the use cases' AppError
 * mapped to its status, or a problem of HTTP itself (a method the API does not take, a request line
 * that is no URL, a failure of the server).
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly errors?: { parameter: string; message: string }[],
    /** Seconds a client should wait before asking again (a Retry-After header). */
    readonly retryAfterSeconds?: number,
    /** The members a conflict adds (currentRevision, changes). */
    readonly conflict?: ConflictMembers,
  ) {
    super(detail);
    this.name = "HttpProblem";
  }

  /** The HTTP form of a use case's error: the status its kind has in app/problemTypes.ts. */
  static fromAppError(error: AppError): HttpProblem {
    return new HttpProblem(
      problemTypeSlug(error.kind).status,
      error.message,
      error.issues,
      error.retryAfterSeconds,
      conflictMembers(error.extensions),
    );
  }

  toDocument(instance?: string): ProblemDocument {
    const type = problemTypeOf(this.status);
    return {
      type: `/problems/${type.slug}`,
      title: type.title.en,
      status: this.status,
      detail: this.message,
      ...(instance ? { instance } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
      ...this.conflict,
    };
  }
}

/**
 * The extension members of a use case's error that the problem document carries: only the ones the
 * document's schema names, so that no other key (a proposal's `status`, say) can take the place of a
 * member of the problem itself.
 */
function conflictMembers(extensions: Record<string, unknown> | undefined): ConflictMembers | undefined {
  if (!extensions) return undefined;
  const members: ConflictMembers = {};
  const { currentRevision, changes } = extensions;
  if (currentRevision === null || typeof currentRevision === "number")
    members.currentRevision = currentRevision;
  if (Array.isArray(changes)) members.changes = changes as ConflictMembers["changes"];
  return Object.keys(members).length ? members : undefined;
}

/** Any error as the problem the API answers: its own, a use case's mapped, else null (a failure). */
export function problemOf(error: unknown): HttpProblem | null {
  if (error instanceof HttpProblem) return error;
  if (error instanceof AppError) return HttpProblem.fromAppError(error);
  return null;
}
