import type { Kysely } from "kysely";
import type { Tables } from "../schema.js";

/** The id unique to this database (written when it was created or first upgraded), or "" if it has none. */
export async function readDatabaseId(db: Kysely<Tables>): Promise<string> {
  const row = await db
    .selectFrom("aigov_metadata")
    .select("value")
    .where("key", "=", "database_id")
    .executeTakeFirst();
  return row?.value ?? "";
}
