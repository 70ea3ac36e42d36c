import type { DatabaseLocation } from "../src/config.js";
import { openDatabase } from "../src/storage/database.js";
import type { Tables } from "../src/storage/schema.js";

/** The data tables, each with the key its rows are sorted by. */
const TABLES: [keyof Tables, string[]][] = [
  ["events", ["id"]],
  ["event_jurisdictions", ["event_id", "code"]],
  ["event_tags", ["event_id", "tag"]],
  ["event_revisions", ["event_id", "revision"]],
  ["event_changes", ["seq"]],
  ["documents", ["key"]],
  ["jurisdictions", ["code"]],
  ["aigov_metadata", ["key"]],
  ["data_version", ["id"]],
  ["users", ["id"]],
  ["api_tokens", ["id"]],
  ["sessions", ["id_hash"]],
  ["sign_in_failures", ["key", "at"]],
  ["proposals", ["id"]],
  ["audit_log", ["seq"]],
  ["releases", ["version"]],
  ["release_files", ["version", "name"]],
  ["links", ["url"]],
  ["link_citations", ["url", "kind", "subject"]],
];

/**
 * Every row of every data table, in key order, to compare databases (a copy with its original) or one
 * database before and after something that must not change it. The database id is shown as "(own)"
 * (each database has its own), and PostgreSQL's bigint change numbers, which it returns as strings, as
 * numbers.
 */
export async function dumpDatabase(location: DatabaseLocation): Promise<Record<string, unknown[]>> {
  const db = await openDatabase(location, { create: false });
  try {
    const out: Record<string, unknown[]> = {};
    for (const [table, key] of TABLES) {
      let query = db.selectFrom(table).selectAll();
      for (const column of key) query = query.orderBy(column as never);
      const rows = (await query.execute()) as Record<string, unknown>[];
      out[table] = rows.map((row) =>
        row.key === "database_id"
          ? { ...row, value: "(own)" }
          : table === "event_changes"
            ? { ...row, seq: Number(row.seq) }
            : row,
      );
    }
    return out;
  } finally {
    await db.destroy();
  }
}
