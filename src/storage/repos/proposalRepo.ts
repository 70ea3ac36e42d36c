import type { Insertable, Kysely, Selectable } from "kysely";
import type { ProposalsTable, Tables } from "../schema.js";

// Proposals: what contributors (and anyone, as suggestions) ask to change, and what editors decided.

type Db = Kysely<Tables>;

export type ProposalRow = Selectable<ProposalsTable>;

/** Adds a proposal; its number. */
export async function insertProposal(db: Db, proposal: Insertable<ProposalsTable>): Promise<number> {
  const row = await db.insertInto("proposals").values(proposal).returning("id").executeTakeFirstOrThrow();
  return Number(row.id);
}

export async function findProposal(db: Db, id: number): Promise<ProposalRow | null> {
  return (await db.selectFrom("proposals").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

/** Proposals, newest first, of a status (else all), of an event (else any), before a number (paging). */
export async function listProposals(
  db: Db,
  options: { status?: string; eventId?: string; before?: number; limit: number },
): Promise<ProposalRow[]> {
  let query = db.selectFrom("proposals").selectAll().orderBy("id", "desc").limit(options.limit);
  if (options.status) query = query.where("status", "=", options.status);
  if (options.eventId) query = query.where("event_id", "=", options.eventId);
  if (options.before !== undefined) query = query.where("id", "<", options.before);
  return query.execute();
}

/**
 * Records the decision on a pending proposal; false when it was decided already (by another editor a
 * moment before: the one whose update found it pending wins).
 */
export async function decideProposal(
  db: Db,
  id: number,
  decision: {
    status: string;
    decided_by: string | null;
    decided_at: string;
    decision_note: string | null;
    revision: number | null;
  },
): Promise<boolean> {
  const result = await db
    .updateTable("proposals")
    .set(decision)
    .where("id", "=", id)
    .where("status", "=", "pending")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Proposals made from an address since a moment: what limits anonymous suggestions. */
export async function countProposalsFrom(db: Db, address: string, since: string): Promise<number> {
  const row = await db
    .selectFrom("proposals")
    .select((eb) => eb.fn.countAll<number | string>().as("n"))
    .where("address", "=", address)
    .where("created_at", ">", since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
