import { homedir } from "node:os";
import { join } from "node:path";

/** Where the data lives: a SQLite file (the embedded default) or a PostgreSQL server. */
export type DatabaseLocation = { kind: "sqlite"; path: string } | { kind: "postgres"; url: string };

/**
 * Resolves the database location (contract: `--db PATH`, else `$AIGOV_DB`, else
 * `$XDG_DATA_HOME/aigov/aigov.db`, else `~/.local/share/aigov/aigov.db`). This file is the only place
 * that reads the environment.
 */
export function resolveDatabaseLocation(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): DatabaseLocation {
  const chosen = flag || env.AIGOV_DB;
  if (chosen) {
    if (/^postgres(?:ql)?:\/\//.test(chosen)) return { kind: "postgres", url: chosen };
    return { kind: "sqlite", path: chosen };
  }
  const dataHome = env.XDG_DATA_HOME || join(env.HOME || homedir(), ".local", "share");
  return { kind: "sqlite", path: join(dataHome, "aigov", "aigov.db") };
}

/** Whether progress lines may be drawn (a person is watching stderr). */
export function isInteractive(stream: NodeJS.WriteStream = process.stderr): boolean {
  return stream.isTTY === true && !process.env.CI;
}

/** Where the search index of a SQLite database is kept between runs: beside the file (none in memory). */
export function searchSnapshotPath(location: DatabaseLocation): string | undefined {
  return location.kind === "sqlite" && location.path !== ":memory:"
    ? `${location.path}.search-index`
    : undefined;
}
