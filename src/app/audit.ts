import { z } from "zod";
import { type Actor, actorLabel } from "../domain/account.js";
import type { Database } from "../storage/database.js";
import { appendAudit, listAudit } from "../storage/repos/auditRepo.js";
import type { AppServices } from "./appServices.js";
import { authorize } from "./authorize.js";

/** What the audit log records. */
export const AUDIT_ACTIONS = [
  "sign-in",
  "sign-in-refused",
  "sign-out",
  "sign-out-everywhere",
  "user-added",
  "role-changed",
  "user-disabled",
  "token-created",
  "token-revoked",
  "proposal-made",
  "proposal-published",
  "proposal-rejected",
  "import",
  "subscription-added",
  "subscription-removed",
  "subscription-paused",
  "subscription-resumed",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Appends one action to the audit log: who (the actor), what, on what, from where. Called inside the
 * transaction of the change it records, so that the log and the data never disagree. `detail` holds
 * what else is worth knowing (a role, a file, counts), never a secret.
 */
export async function recordAction(
  db: Database,
  actor: Actor,
  action: AuditAction,
  at: string,
  subject: string | null,
  detail: Record<string, unknown> | null = null,
): Promise<void> {
  await appendAudit(db, {
    at,
    actor_id: actor.kind === "account" ? actor.userId : null,
    actor: actorLabel(actor),
    action,
    subject,
    detail: detail ? JSON.stringify(detail) : null,
    address: actor.address,
  });
}

export const AuditQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    before: z.coerce.number().int().positive().optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
  })
  .strict();
export type AuditQuery = z.output<typeof AuditQuery>;

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  subject: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()).nullable(),
  address: z.string().nullable(),
});
export type AuditEntry = z.output<typeof AuditEntry>;

/** The audit log, newest first, for an administrator (or the operator). */
export async function auditEntries(
  services: Pick<AppServices, "db">,
  actor: Actor,
  query: AuditQuery,
): Promise<{ entries: AuditEntry[]; next: number | null }> {
  authorize(actor, "administer");
  const rows = await listAudit(services.db, query);
  const entries = rows.map((row) => ({
    seq: Number(row.seq),
    at: row.at,
    actor: row.actor,
    action: row.action as AuditAction,
    subject: row.subject,
    detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null,
    address: row.address,
  }));
  const last = entries.at(-1);
  return { entries, next: entries.length === query.limit && last ? last.seq : null };
}
