import { z } from "zod";

// Who may do what. Reads are public; every write is done by someone, and the role says what they may do.

/** The roles, least to most: each may do what the ones before it may. */
export const ROLES = ["contributor", "editor", "admin"] as const;
export const Role = z.enum(ROLES);
export type Role = z.output<typeof Role>;

/** An account's address, as it is stored: trimmed and lower-cased. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "expected an email address of at most 254 characters")
  .pipe(z.email({ message: "expected an email address such as editor@example.org" }));

/** The shortest password an account may have (NIST SP 800-63B asks for at least 8; we ask more). */
export const PASSWORD_MIN_LENGTH = 12;
export const Password = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `expected a password of at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(1_000, "expected a password of at most 1,000 characters");

/** What an action needs. */
export type Permission =
  /** Propose a new event, a change or a removal. */
  | "propose"
  /** Follow changes: one's own subscriptions (every role). */
  | "subscribe"
  /** Publish or reject someone else's proposal. */
  | "review"
  /** Accounts, roles, tokens, settings; the audit log. */
  | "administer";

const LEAST_ROLE: Record<Permission, Role> = {
  propose: "contributor",
  subscribe: "contributor",
  review: "editor",
  administer: "admin",
};

/** Whether a role may do what a permission covers. */
export function roleMay(role: Role, permission: Permission): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(LEAST_ROLE[permission]);
}

/**
 * Who is acting. A signed-in account (by its session or an API token), the operator at the command line
 * (who owns the database and may do anything), or nobody in particular.
 */
export type Actor =
  | {
      kind: "account";
      userId: string;
      email: string;
      name: string;
      role: Role;
      /** How they proved it: a session (web forms) or a token (the API). */
      via: "session" | "token";
      /** Where the request came from, for the audit log. */
      address: string | null;
    }
  | { kind: "operator"; address: string | null }
  | { kind: "anonymous"; address: string | null };

/** The operator at the command line: the audit log's "from where" is the machine's user. */
export const operator = (address: string | null): Actor => ({ kind: "operator", address });
export const anonymous = (address: string | null): Actor => ({ kind: "anonymous", address });

/** The actor as the audit log names them. */
export function actorLabel(actor: Actor): string {
  return actor.kind === "account" ? actor.email : actor.kind;
}
