import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import SQLite from "better-sqlite3";
import { cliArgv } from "./builtCli.js";
import { type CliResult, ROOT, runCli, tempDir } from "./runCli.js";
import { type ServeProcess, startServe } from "./serveProcess.js";
import { DIALECTS, type TestDatabase } from "./testDatabases.js";

/**
 * Runs the CLI as a process of its own without waiting for it, so that two can overlap: SQLite's locks and
 * PostgreSQL's queue are between processes. `onStderr` sees stderr as it grows. The built CLI, dist/
 * first brought up to date with src/ (test/builtCli.ts): it starts in a third of the time, and nine start here.
 */
function startCli(args: string[], onStderr?: (stderr: string) => void): Promise<CliResult> {
  const child = spawn(process.execPath, [...cliArgv(), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: tempDir() },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    onStderr?.(stderr);
  });
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

for (const dialect of DIALECTS)
  describe(`two imports at once (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: TestDatabase;
    before(async () => {
      store = await dialect.create();
      // The database exists before the race: what is tested is the writes, not the first migration.
      assert.equal(
        (await runCli(["import", join(ROOT, "test/fixtures/chronicle-2024-english.txt"), "--db", store.arg]))
          .code,
        0,
      );
    });
    after(() => store.drop());

    it("queue: one adds the events, the other then finds them unchanged", async () => {
      const events = join(ROOT, "data/events/2025-global-ai-governance-report.json");
      const results = await Promise.all([1, 2].map(() => startCli(["import", events, "--db", store.arg])));
      for (const result of results) assert.equal(result.code, 0, result.stderr);
      const summaries = results.map((r) => r.stdout.replace(/^.*: /, "").trim()).sort();
      assert.deepEqual(summaries, [
        "added 0, updated 0, skipped 47 (unchanged)",
        "added 47, updated 0, skipped 0 (unchanged)",
      ]);
    });
  });

/**
 * A database holding the 2024 fixture, and another process holding its write lock until released; with
 * `exclusive`, holding the file as an import filling a new one does (rollback journal, nobody reads).
 */
async function heldDatabase(exclusive = false): Promise<{ db: string; release: () => void }> {
  const db = join(tempDir(), "held.db");
  const fixture = join(ROOT, "test/fixtures/chronicle-2024-english.txt");
  assert.equal((await runCli(["import", fixture, "--db", db])).code, 0);
  const holder = spawn(
    process.execPath,
    [
      "-e",
      `const db = new (require("better-sqlite3"))(${JSON.stringify(db)});
       ${exclusive ? `db.pragma("journal_mode = DELETE"); db.exec("begin exclusive");` : `db.exec("begin immediate");`}
       process.stdout.write("locked\\n");
       process.stdin.on("data", () => { db.exec("rollback"); db.close(); process.exit(0); });`,
    ],
    { cwd: ROOT },
  );
  await new Promise<void>((resolve) => holder.stdout.once("data", () => resolve()));
  let released = false;
  const release = () => {
    if (!released) holder.stdin.end("done");
    released = true;
  };
  return { db, release };
}

// Concurrently: each test has a database of its own, and most of their time is spent waiting (SQLite's
// busy timeout of 5 s runs out before an import says it waits or gives up), not computing.
describe("imports that meet another process's write (SQLite)", { concurrency: true }, () => {
  const events = join(ROOT, "data/events/2025-global-ai-governance-report.json");

  it("waits for a write lock held by another process, says so, then imports", async () => {
    const { db, release } = await heldDatabase();
    // Held until the import says it waits, which it does once SQLite's own busy timeout (5 s) has run out: a
    // timer instead would race the child's start-up on a loaded machine. The fallback only ends a broken run.
    const fallback = setTimeout(release, 120_000);
    let saidItWaits = 0;
    const started = performance.now();
    try {
      const result = await startCli(["import", events, "--db", db], (stderr) => {
        if (!saidItWaits && /waiting up to/.test(stderr)) {
          saidItWaits = performance.now();
          setTimeout(release, 1000);
        }
      });
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /another process is writing to the database; waiting up to 600 s/);
      assert.match(result.stdout, /added 47/);
      assert.ok(saidItWaits - started > 4000, "it said so only after SQLite's busy timeout");
    } finally {
      clearTimeout(fallback);
      release();
    }
  });

  it("gives up after --wait seconds with one line, changing nothing", async () => {
    const { db, release } = await heldDatabase();
    try {
      const result = await startCli(["import", events, "--db", db, "--wait", "1"]);
      assert.equal(result.code, 1);
      // SQLite's own busy timeout (5 s) is longer than the wait asked for: it gives up after that, at once.
      assert.match(result.stderr, /^error: the database .* is busy[^\n]*\n$/);
    } finally {
      release();
    }
    const listed = await runCli(["list", "--db", db, "--json", "--from", "2025"]);
    assert.equal(listed.code, 0, listed.stderr);
    assert.deepEqual(JSON.parse(listed.stdout), [], "none of the 2025 events were written");
  });

  it("serve waits for a process that holds the whole file, says so, then serves", async () => {
    const { db, release } = await heldDatabase(true);
    // Released once serve says it waits (see above); the fallback only ends a broken run.
    const fallback = setTimeout(release, 120_000);
    let serve: ServeProcess | undefined;
    try {
      serve = await startServe(db, {}, (stderr) => {
        if (/waiting for it to finish/.test(stderr)) setTimeout(release, 500);
      });
      assert.match(serve.stderr(), /another process is writing to the database; waiting for it to finish/);
      const page = (await (await fetch(`${serve.url}/api/events?limit=1`)).json()) as { total: number };
      assert.ok(page.total > 0);
    } finally {
      clearTimeout(fallback);
      release();
      await serve?.stop();
    }
  });

  it("takes a file holding only the migrator's empty tables (another aigov creating it) as new", async () => {
    const db = join(tempDir(), "creating.db");
    const file = new SQLite(db);
    file.exec(`create table kysely_migration (name varchar(255) not null primary key, timestamp varchar(255) not null);
      create table kysely_migration_lock (id varchar(255) not null primary key, is_locked integer default 0 not null);`);
    file.close();
    const result = await runCli(["import", events, "--db", db]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /added 47/);
  });

  it("two imports into a new file at once: the second waits for the first, both succeed", async () => {
    const db = join(tempDir(), "new.db");
    const results = await Promise.all([1, 2].map(() => startCli(["import", events, "--db", db])));
    for (const result of results) assert.equal(result.code, 0, result.stderr);
    const summaries = results.map((r) => r.stdout.replace(/^.*: /, "").trim()).sort();
    assert.deepEqual(summaries, [
      "added 0, updated 0, skipped 47 (unchanged)",
      "added 47, updated 0, skipped 0 (unchanged)",
    ]);
  });
});
