import { createHash } from "node:crypto";
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

/**
 * Where the search index of a database is kept between runs: beside a SQLite file (none in memory);
 * for a PostgreSQL database, in the user's cache folder (`$XDG_CACHE_HOME/aigov`, else `~/.cache/aigov`),
 * named by a digest of the server and database (never the password), so that each of several stateless
 * servers keeps its own and starts without indexing every event. A snapshot carries the database's
 * id and is refused for any other database, so a stale or shared file is never trusted.
 */
export function searchSnapshotPath(
  location: DatabaseLocation,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (location.kind === "sqlite")
    return location.path === ":memory:" ? undefined : `${location.path}.search-index`;
  let target: string;
  try {
    const url = new URL(location.url);
    target = `${url.username}@${url.hostname}:${url.port}${url.pathname}`;
  } catch {
    return undefined;
  }
  const cacheHome = env.XDG_CACHE_HOME || join(env.HOME || homedir(), ".cache");
  const digest = createHash("sha256").update(target).digest("hex").slice(0, 16);
  return join(cacheHome, "aigov", `postgres-${digest}.search-index`);
}
