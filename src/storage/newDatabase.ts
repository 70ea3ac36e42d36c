/**
 * Whether a database holds only the migrator's own tables: another aigov is creating it (the migrator
 * makes them before its first migration commits) or was stopped doing so. It is then new, not foreign.
 */
export function isBeingCreated(tables: string[]): boolean {
  return tables.every((name) => name === "kysely_migration" || name === "kysely_migration_lock");
}
