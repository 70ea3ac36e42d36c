import type { Migration, MigrationProvider } from "kysely";
import * as initial from "./0001_initial.js";
import * as dataVersion from "./0002_data_version.js";
import * as africanUnionCode from "./0003_african_union_code.js";
import * as metadata from "./0004_aigov_metadata.js";
import * as eventChanges from "./0005_event_changes.js";
import * as editorial from "./0006_editorial.js";
import * as subscriptions from "./0007_subscriptions.js";
import * as releases from "./0008_releases.js";
import * as links from "./0009_links.js";

/**
 * The migrations, in order. Append-only: a migration that has landed is never edited; a change to
 * the schema is a new file here.
 */
const MIGRATIONS: Record<string, Migration> = {
  "0001_initial": initial,
  "0002_data_version": dataVersion,
  "0003_african_union_code": africanUnionCode,
  "0004_aigov_metadata": metadata,
  "0005_event_changes": eventChanges,
  "0006_editorial": editorial,
  "0007_subscriptions": subscriptions,
  "0008_releases": releases,
  "0009_links": links,
};

/** The migrations this version knows, by name. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);

/** The schema version this aigov writes: the number of its newest migration. */
export const SCHEMA_VERSION = Math.max(0, ...MIGRATION_NAMES.map((name) => Number.parseInt(name, 10)));

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
