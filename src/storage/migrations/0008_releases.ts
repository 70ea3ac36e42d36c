import { type Kysely, sql } from "kysely";
import { isPostgres } from "../dialect.js";

/**
 * Releases: frozen, citable copies of the published data. The files' bytes live in the database, not
 * on one server's disk, so that every server behind a load balancer serves them and a release lasts as
 * long as the archive does. The version is the key: a version, once released, is never made again.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against the schema as it was, not as typed now
export async function up(db: Kysely<any>): Promise<void> {
  const postgres = isPostgres(db);
  const text = postgres ? sql`text collate "C"` : "text";

  await db.schema
    .createTable("releases")
    .addColumn("version", text, (c) => c.primaryKey())
    .addColumn("created_at", text, (c) => c.notNull())
    /** The manifest's JSON as served (manifest.json), for listing releases without reading their files. */
    .addColumn("manifest", text, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("release_files")
    .addColumn("version", text, (c) => c.notNull().references("releases.version"))
    .addColumn("name", text, (c) => c.notNull())
    .addColumn("media_type", text, (c) => c.notNull())
    .addColumn("bytes", "integer", (c) => c.notNull())
    .addColumn("sha256", text, (c) => c.notNull())
    .addColumn("content", postgres ? "bytea" : "blob", (c) => c.notNull())
    .addPrimaryKeyConstraint("release_files_pk", ["version", "name"])
    .execute();
}
