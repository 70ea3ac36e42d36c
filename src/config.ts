import { createHash } from "node:crypto";
import { homedir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { type ChromiumPoolLimits, DEFAULT_POOL_LIMITS } from "./report/chromiumPool.js";
import { MAX_REPORT_YEARS } from "./report/reportPeriod.js";

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

/** Whether progress lines may be drawn (a person is watching stderr, and it is not CI). */
export function isInteractive(
  stream: { readonly isTTY?: boolean } = process.stderr,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  return stream.isTTY === true && !env.CI;
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

/** The bounds on report work that an operator may change (SECURITY.md, "Bounded work: reports"). */
export interface ReportLimits {
  /** The longest period a report covers, in years: `AIGOV_REPORT_MAX_YEARS`. */
  maxYears: number;
  /** Browsers the server shares among PDF and DOCX renders (`AIGOV_CHROMIUM_POOL`), renders that may
   * wait for one (`AIGOV_RENDER_QUEUE`), and how long one may run (`AIGOV_RENDER_TIMEOUT_MS`). */
  pool: ChromiumPoolLimits;
}

/** A whole number from an environment variable within bounds, else the default; anything else is refused by name. */
function wholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const parsed = z.coerce.number().int().min(min).max(max).safeParse(raw);
  if (!parsed.success)
    throw new Error(`${name}: expected a whole number from ${min} to ${max}, got "${raw}"`);
  return parsed.data;
}

/** Reads the report limits from the environment; unset variables keep the defaults of MAX_REPORT_YEARS and DEFAULT_POOL_LIMITS. */
export function reportLimits(env: NodeJS.ProcessEnv = process.env): ReportLimits {
  return {
    maxYears: wholeNumber(env, "AIGOV_REPORT_MAX_YEARS", MAX_REPORT_YEARS, 1, 1000),
    pool: {
      // More than a few browsers is the unbounded memory this limit exists to prevent.
      size: wholeNumber(env, "AIGOV_CHROMIUM_POOL", DEFAULT_POOL_LIMITS.size, 1, 2),
      queueLength: wholeNumber(env, "AIGOV_RENDER_QUEUE", DEFAULT_POOL_LIMITS.queueLength, 0, 1000),
      timeoutMs: wholeNumber(env, "AIGOV_RENDER_TIMEOUT_MS", DEFAULT_POOL_LIMITS.timeoutMs, 1000, 600_000),
    },
  };
}

/** The bounds on responses in progress that an operator may change (SECURITY.md, "Bounded work: exports"). */
export interface StreamingLimits {
  /** Exports streaming at once on one server: `AIGOV_MAX_EXPORTS`. */
  maxExports: number;
  /** Exports streaming at once to one client address: `AIGOV_MAX_EXPORTS_PER_CLIENT`. */
  maxExportsPerClient: number;
  /** How long a response may wait on a client that reads nothing before it is cut: `AIGOV_WRITE_IDLE_TIMEOUT_MS`. */
  writeIdleTimeoutMs: number;
}

/**
 * Reads the streaming limits that the environment sets, and only those (the defaults belong to the
 * server, DEFAULT_LIMITS in server/nodeServer.ts); a malformed value is refused by name.
 */
export function streamingLimits(env: NodeJS.ProcessEnv = process.env): Partial<StreamingLimits> {
  const bounds: Record<keyof StreamingLimits, [name: string, min: number, max: number]> = {
    maxExports: ["AIGOV_MAX_EXPORTS", 1, 1000],
    maxExportsPerClient: ["AIGOV_MAX_EXPORTS_PER_CLIENT", 1, 1000],
    writeIdleTimeoutMs: ["AIGOV_WRITE_IDLE_TIMEOUT_MS", 1000, 3_600_000],
  };
  const set: Partial<StreamingLimits> = {};
  for (const [key, [name, min, max]] of Object.entries(bounds) as [
    keyof StreamingLimits,
    [string, number, number],
  ][])
    if (env[name]?.trim()) set[key] = wholeNumber(env, name, 0, min, max);
  return set;
}

/**
 * Whether the server sits behind a proxy the operator runs, which sets X-Forwarded-For
 * (`AIGOV_TRUST_PROXY=1` or `true`; `aigov serve --trust-proxy` says the same): the client's address is
 * then taken from that header. Off by default, since a client could write any address there.
 */
export function trustProxy(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(?:1|true|yes)$/i.test(env.AIGOV_TRUST_PROXY?.trim() ?? "");
}

/**
 * Where subscription e-mail goes: `--smtp URL` on serve, else `AIGOV_SMTP_URL` (smtp://user:pass@host:587,
 * smtps://… for TLS from the start); none by default, and e-mail deliveries then wait. The sender is
 * `AIGOV_MAIL_FROM` (default: aigov <aigov@localhost>).
 */
export function smtpSettings(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): { url: string; from: string } | null {
  const url = flag?.trim() || env.AIGOV_SMTP_URL?.trim();
  if (!url) return null;
  return { url, from: env.AIGOV_MAIL_FROM?.trim() || "aigov <aigov@localhost>" };
}

/**
 * How long a server holds the deliveries it is attempting, in ms (`AIGOV_DELIVERY_LEASE_SECONDS`,
 * default 60): after a crash, the others take them up once it runs out.
 */
export function deliveryLeaseMs(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.AIGOV_DELIVERY_LEASE_SECONDS?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds < 1 || seconds > 86_400)
    throw new Error(`AIGOV_DELIVERY_LEASE_SECONDS: expected whole seconds from 1 to 86400, got "${value}"`);
  return seconds * 1000;
}

/**
 * Whether accounts may subscribe webhooks on localhost or private addresses, and deliveries may go there
 * (`AIGOV_ALLOW_PRIVATE_WEBHOOKS=1`): for a server and its receivers on one private network. Off by
 * default, since the server would otherwise post where only it can reach.
 */
export function allowPrivateWebhooks(env: NodeJS.ProcessEnv = process.env): boolean {
  return /^(?:1|true|yes)$/i.test(env.AIGOV_ALLOW_PRIVATE_WEBHOOKS?.trim() ?? "");
}
