/**
 * What can go wrong in a use case, said without a transport: each adapter maps it to its own form (the
 * API to a problem document with a status, the pages to a page, the CLI to one line and exit code 1).
 * The kinds are the public problem types of app/problemTypes.ts that a caller can act on.
 */
export type AppErrorKind =
  | "invalid-request"
  | "unauthenticated"
  | "forbidden"
  | "not-found"
  | "conflict"
  | "too-many-requests"
  | "unavailable";

/** One input that was refused: the parameter (or field) and what was expected of it. */
export interface InputIssue {
  parameter: string;
  message: string;
}

/** A use case's refusal: bad input, nothing there, too many at once, or a service that is busy or missing. */
export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    detail: string,
    readonly issues: InputIssue[] = [],
    /** For a busy service: when to ask again. */
    readonly retryAfterSeconds?: number,
    /** The error of the room below that this one says in the use case's terms. */
    cause?: unknown,
    /** What else a caller needs to act on it: for a conflict, the revision now current and the difference. */
    readonly extensions?: Record<string, unknown>,
  ) {
    super(detail, cause === undefined ? undefined : { cause });
    this.name = "AppError";
  }
}

/** Bad input: the detail in one line, and each refused parameter. */
export const invalidRequest = (detail: string, issues: InputIssue[] = [], cause?: unknown) =>
  new AppError("invalid-request", detail, issues, undefined, cause);

/** Nothing at the id, code or path asked for. */
export const notFound = (detail: string) => new AppError("not-found", detail);

/** A service the answer needs is missing or busy; `retryAfterSeconds` when waiting helps. */
export const unavailable = (detail: string, retryAfterSeconds?: number) =>
  new AppError("unavailable", detail, [], retryAfterSeconds);

/** Nobody is signed in (or the token is unknown, revoked, or its account disabled). */
export const unauthenticated = (detail: string) => new AppError("unauthenticated", detail);

/** Signed in, but the role (or the rule that nobody reviews their own proposal) does not allow it. */
export const forbidden = (detail: string) => new AppError("forbidden", detail);

/** The request is sound but the data moved under it: a proposal decided, a revision no longer current. */
export const conflict = (detail: string, extensions?: Record<string, unknown>) =>
  new AppError("conflict", detail, [], undefined, undefined, extensions);

/** Too many tries too fast (sign-ins, suggestions): `retryAfterSeconds` says when to try again. */
export const tooManyRequests = (detail: string, retryAfterSeconds: number) =>
  new AppError("too-many-requests", detail, [], retryAfterSeconds);

/** Refused input issues as one line: `from: expected a date; to: expected a date`. */
export function issuesLine(issues: InputIssue[]): string {
  return issues.map((issue) => `${issue.parameter}: ${issue.message}`).join("; ");
}
