import { type Kysely, sql, type Transaction } from "kysely";
import { isPostgres } from "./dialect.js";
import type { Tables } from "./schema.js";
import { inFillingTransaction } from "./transaction.js";

type Db = Kysely<Tables>;

/** The tables that hold data, in an order that satisfies foreign keys, each with its sort key. */
const DATA_TABLES = [
  ["documents", ["key"]],
  ["jurisdictions", ["code"]],
  ["events", ["id"]],
  ["event_jurisdictions", ["event_id", "code"]],
  ["event_tags", ["event_id", "tag"]],
  ["event_revisions", ["event_id", "revision"]],
  ["event_changes", ["seq"]],
  ["users", ["id"]],
  ["api_tokens", ["id"]],
  ["sessions", ["id_hash"]],
  ["sign_in_failures", ["key", "at"]],
  ["proposals", ["id"]],
  ["audit_log", ["seq"]],
  ["subscriptions", ["id"]],
  ["outbox", ["seq"]],
  ["deliveries", ["id"]],
  ["reference_snapshot", ["key"]],
  ["releases", ["version"]],
  ["release_files", ["version", "name"]],
  ["links", ["url"]],
  ["link_citations", ["url", "kind", "subject"]],
] as const;

/** The generated numbers whose PostgreSQL sequences must go on after the copied rows. */
const SERIAL_COLUMNS = [
  ["event_changes", "seq"],
  ["proposals", "id"],
  ["audit_log", "seq"],
  ["outbox", "seq"],
] as const;

/** What a copy moved: rows per table. */
export type CopyCounts = Record<(typeof DATA_TABLES)[number][0], number>;

/** A target that already holds data; copying would mix two archives. */
export class TargetNotEmptyError extends Error {
  override name = "TargetNotEmptyError";
}

// Rows per INSERT: 17 columns × 500 stays under SQLite's and PostgreSQL's bound-parameter limits.
const BATCH = 500;

async function isEmpty(db: Db): Promise<boolean> {
  for (const [table] of DATA_TABLES) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table name varies; rows are copied as they are
    const row = await (db as Kysely<any>).selectFrom(table).selectAll().limit(1).executeTakeFirst();
    if (row) return false;
  }
  return true;
}

async function copyRows(
  source: Transaction<Tables>,
  target: Transaction<Tables>,
  counts: CopyCounts,
): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- generic over the tables: rows go across unchanged
  const [from, to] = [source as Kysely<any>, target as Kysely<any>];
  for (const [table, key] of DATA_TABLES) {
    let batch: Record<string, unknown>[] = [];
    const flush = async () => {
      if (batch.length) await to.insertInto(table).values(batch).execute();
      counts[table] += batch.length;
      batch = [];
    };
    let query = from.selectFrom(table).selectAll();
    for (const column of key) query = query.orderBy(column);
    for await (const row of query.stream(1000)) {
      batch.push(row as Record<string, unknown>);
      if (batch.length === BATCH) await flush();
    }
    await flush();
  }
  // Metadata travels except the database id: the copy is another database (its search snapshot too).
  const metadata = await source
    .selectFrom("aigov_metadata")
    .selectAll()
    .where("key", "!=", "database_id")
    .execute();
  for (const { key, value } of metadata)
    await target
      .insertInto("aigov_metadata")
      .values({ key, value })
      .onConflict((c) => c.column("key").doUpdateSet({ value }))
      .execute();
  // Generated numbers are copied as they are; PostgreSQL's sequences must then go on after them.
  if (isPostgres(target))
    for (const [table, column] of SERIAL_COLUMNS)
      await sql`select setval(pg_get_serial_sequence(${table}, ${column}), greatest(1, (select coalesce(max(${sql.ref(column)}), 0) from ${sql.table(table)})), (select count(*) > 0 from ${sql.table(table)}))`.execute(
        target,
      );
  const version = await from
    .selectFrom("data_version")
    .select("version")
    .where("id", "=", 1)
    .executeTakeFirst();
  await to
    .updateTable("data_version")
    .set({ version: Number(version?.version ?? 0) })
    .where("id", "=", 1)
    .execute();
}

/**
 * Copies every event, revision, change-log entry, document, jurisdiction, account, token, session,
 * proposal, audit entry, subscription, outbox entry and delivery, release (with its files), checked
 * link, metadata entry (but the database id) and the data version from one aigov database into
 * another, empty one, whatever their dialects. The source is read in one snapshot; the target is written in one transaction, so a failed copy leaves it empty.
 */
export async function copyDatabase(source: Db, target: Db): Promise<CopyCounts> {
  if (!(await isEmpty(target))) throw new TargetNotEmptyError("the target database already holds data");
  const counts = Object.fromEntries(DATA_TABLES.map(([table]) => [table, 0])) as CopyCounts;

  const reading = isPostgres(source)
    ? source.transaction().setIsolationLevel("repeatable read")
    : source.transaction();
  await reading.execute((from) => inFillingTransaction(target, (to) => copyRows(from, to, counts)));
  return counts;
}
