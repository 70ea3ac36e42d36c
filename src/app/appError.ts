/**
 * What can go wrong in a use case, said without a transport: each adapter maps it to its own form (the
 * API to a problem document with a status, the pages to a page, the CLI to one line and exit code 1).
 * The kinds are the public problem types of app/problemTypes.ts that a caller can act on.
 */
export type AppErrorKind = "invalid-request" | "not-found" | "too-many-requests" | "unavailable";

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

/** Refused input issues as one line: `from: expected a date; to: expected a date`. */
export function issuesLine(issues: InputIssue[]): string {
  return issues.map((issue) => `${issue.parameter}: ${issue.message}`).join("; ");
}
