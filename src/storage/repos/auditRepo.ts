import type { Insertable, Kysely, Selectable } from "kysely";
import type { AuditLogTable, Tables } from "../schema.js";

// The audit log: every action on accounts, tokens, proposals and data, appended and never changed.

type Db = Kysely<Tables>;

export type AuditRow = Selectable<AuditLogTable>;

export async function appendAudit(db: Db, entry: Insertable<AuditLogTable>): Promise<void> {
  await db.insertInto("audit_log").values(entry).execute();
}

/** Entries newest first, before a number (paging), of an action (else any). */
export async function listAudit(
  db: Db,
  options: { before?: number; action?: string; limit: number },
): Promise<AuditRow[]> {
  let query = db.selectFrom("audit_log").selectAll().orderBy("seq", "desc").limit(options.limit);
  if (options.before !== undefined) query = query.where("seq", "<", options.before);
  if (options.action) query = query.where("action", "=", options.action);
  return query.execute();
}
