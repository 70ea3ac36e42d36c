import type { Migration, MigrationProvider } from "kysely";
import * as initial from "./0001_initial.js";
import * as dataVersion from "./0002_data_version.js";
import * as africanUnionCode from "./0003_african_union_code.js";

/**
 * The migrations, in order. Append-only: a migration that has landed is never edited; a change to
 * the schema is a new file here.
 */
const MIGRATIONS: Record<string, Migration> = {
  "0001_initial": initial,
  "0002_data_version": dataVersion,
  "0003_african_union_code": africanUnionCode,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
