import { randomBytes } from "node:crypto";
import { join } from "node:path";
import pg from "pg";
import type { DatabaseLocation } from "../src/config.js";
import { tempDir } from "./runCli.js";

/** A fresh, empty database for one test: where it is, how the CLI names it, and how to remove it. */
export interface TestDatabase {
  location: DatabaseLocation;
  /** What `--db` takes: a file path or a postgres:// URL. */
  arg: string;
  drop: () => Promise<void>;
}

/** One storage back end the suites run against. */
export interface TestDialect {
  name: "SQLite" | "PostgreSQL";
  /** Why this half is skipped (false: it runs). */
  skip: string | false;
  create: () => Promise<TestDatabase>;
}

/** The server the PostgreSQL half uses (any database on it; each test creates and drops its own). */
export const POSTGRES_TEST_URL = process.env.AIGOV_TEST_POSTGRES_URL ?? "";

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A new database with a random name on the test server (dropped by drop(), even if still connected). */
export async function createPostgresDatabase(): Promise<TestDatabase> {
  const name = `aigov_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(POSTGRES_TEST_URL);
  url.pathname = `/${name}`;
  return {
    location: { kind: "postgres", url: url.toString() },
    arg: url.toString(),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

/** A new SQLite file in a temp folder. */
export async function createSqliteDatabase(): Promise<TestDatabase> {
  const path = join(tempDir(), "aigov.db");
  return { location: { kind: "sqlite", path }, arg: path, drop: async () => {} };
}

/**
 * Both back ends. The PostgreSQL half needs AIGOV_TEST_POSTGRES_URL (CI sets it); without it, it is
 * skipped with a message that says so, so `npm test` still runs where no server is at hand.
 */
export const DIALECTS: readonly TestDialect[] = [
  { name: "SQLite", skip: false, create: createSqliteDatabase },
  {
    name: "PostgreSQL",
    skip: POSTGRES_TEST_URL ? false : "AIGOV_TEST_POSTGRES_URL is not set: PostgreSQL half skipped",
    create: createPostgresDatabase,
  },
];
