// "Nothing lost, whatever happens": an import killed half-way, a server killed while it saves its
// search snapshot, a read-only database, a full disk and a database of a newer aigov. Each ends with the
// data as it was (or as it should be) and, where it fails, one line "error: …" and exit code 1.
import assert from "node:assert/strict";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  rmdirSync,
  statSync,
  truncateSync,
  utimesSync,
  watch,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { after, before, describe, it, type TestContext } from "node:test";
import SQLite from "better-sqlite3";
import pg from "pg";
import { generateEvents } from "../bench/syntheticEvents.js";
import type { DatabaseLocation } from "../src/config.js";
import { cliArgv } from "./builtCli.js";
import { type CliResult, ROOT, runCli, tempDir } from "./runCli.js";
import { startServe, waitFor } from "./serveProcess.js";
import { dumpDatabase } from "./databaseDump.js";
import {
  createPostgresDatabase,
  createSqliteDatabase,
  DIALECTS,
  type TestDatabase,
} from "./testDatabases.js";

const SEED_EVENTS = join(ROOT, "data/events/2025-global-ai-governance-report.json");
const SEED_COUNT = 47;
const isRoot = process.getuid?.() === 0;

/** The CLI ended with exit code 1 and one line "error: …" on stderr (no stack trace) matching pattern. */
const oneLineError = (result: CliResult, pattern: RegExp) => {
  assert.equal(result.code, 1, result.stdout + result.stderr);
  const lines = result.stderr.trim().split("\n");
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0] ?? "", /^error: /);
  assert.match(lines[0] ?? "", pattern);
};

const ok = (result: CliResult) => {
  assert.equal(result.code, 0, result.stderr);
  return result;
};

/** `count` synthetic events as JSON Lines; the last one's English summary holds `marker`. */
function writeJsonLines(path: string, count: number, marker = ""): string {
  const lines: string[] = [];
  for (const event of generateEvents(count)) lines.push(JSON.stringify(event));
  if (marker) {
    const last = JSON.parse(lines[count - 1] ?? "{}") as { summary: { en: string } };
    last.summary.en = `${last.summary.en} ${marker}`;
    lines[count - 1] = JSON.stringify(last);
  }
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
}

/** SQLite's own check of a database file, opened directly. */
function integrityCheck(path: string): string {
  const handle = new SQLite(path);
  try {
    return handle.pragma("integrity_check", { simple: true }) as string;
  } finally {
    handle.close();
  }
}

/** Starts the CLI without waiting for it; `exited` resolves with its code or signal. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, [...cliArgv(), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: tempDir() },
  });
  let stderr = "";
  child.stdout.resume();
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, stderr: () => stderr };
}

const kill = (child: ChildProcess) => {
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
};

/** Runs an import and kills it with SIGKILL as soon as `written` says it is clearly writing. */
async function killImportOnceWriting(args: string[], written: () => Promise<boolean>): Promise<void> {
  const run = startCli(args);
  try {
    await waitFor(
      async () => {
        if (run.child.exitCode !== null) throw new Error(`the import ended first: ${run.stderr()}`);
        return written();
      },
      120_000,
      "the import to write",
    );
    run.child.kill("SIGKILL");
    assert.deepEqual(await run.exited, { code: null, signal: "SIGKILL" });
  } finally {
    kill(run.child);
  }
}

/** How many bytes the events table holds on disk, committed or not (PostgreSQL). */
async function postgresEventsBytes(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ size: string }>("select pg_relation_size('events') as size");
    return Number(result.rows[0]?.size ?? 0);
  } finally {
    await client.end();
  }
}

/** How many events `aigov list` finds (as JSON: its text adds a line under each corrected event). */
const listedCount = async (db: string) =>
  (JSON.parse(ok(await runCli(["list", "--db", db, "--json"])).stdout) as unknown[]).length;

/** Sizes of a file, 0 when it does not exist. */
const sizeOf = (path: string) => (existsSync(path) ? statSync(path).size : 0);

// Written once, shared by every test that needs a large file (12 MB, 40 MB in SQLite): large enough that
// an import is killed well before its commit. A kill comes as soon as the import's uncommitted rows pass
// 1-4 MB on disk, a small part of what the whole file writes; and a file too small for that fails the test
// ("the import ended first"), it cannot pass without the kill landing half-way. It was 30,000 events, which
// only made each import (killed, then repeated) five times longer.
const BIG_COUNT = 6000;
/** The text of the big file's last event, so that a search can find that one. */
const MARKER = "zyzzyvaquark";
let bigFile: string | undefined;
const big = () => (bigFile ??= writeJsonLines(join(tempDir(), "big.jsonl"), BIG_COUNT, MARKER));
// The generated files are megabytes: not left in the temp folder.
const generated: string[] = [];
after(() => {
  for (const file of [bigFile, ...generated]) if (file) rmSync(file, { force: true });
});

for (const dialect of DIALECTS)
  describe(`kill -9 an import half-way (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: TestDatabase;
    before(async () => {
      store = await dialect.create();
    });
    after(() => store?.drop());

    it(
      "leaves the database as before, whole, readable and ready for the same import",
      { timeout: 300_000 },
      async () => {
        ok(await runCli(["import", SEED_EVENTS, "--db", store.arg]));
        const before = await dumpDatabase(store.location);
        assert.equal(before.events?.length, SEED_COUNT);
        const file = big();
        // "Clearly writing": the import's uncommitted rows are on disk (SQLite's WAL, PostgreSQL's table file).
        const written =
          store.location.kind === "sqlite"
            ? (() => {
                const wal = `${(store.location as { path: string }).path}-wal`;
                return async () => sizeOf(wal) > 2 * 1024 * 1024;
              })()
            : await (async () => {
                const url = store.arg;
                const start = await postgresEventsBytes(url);
                return async () => (await postgresEventsBytes(url)) > start + 1024 * 1024;
              })();
        await killImportOnceWriting(["import", file, "--db", store.arg], written);

        // SQLite's check first, on the files exactly as the killed process left them (its WAL included).
        if (store.location.kind === "sqlite") assert.equal(integrityCheck(store.location.path), "ok");
        assert.deepEqual(await dumpDatabase(store.location), before);
        assert.equal(await listedCount(store.arg), SEED_COUNT);
        assert.match(ok(await runCli(["search", "FLOP", "--db", store.arg])).stdout, /\S/);

        const again = ok(await runCli(["import", file, "--db", store.arg]));
        assert.match(again.stdout, new RegExp(`added ${BIG_COUNT}, updated 0, skipped 0 \\(unchanged\\)`));
        const after = await dumpDatabase(store.location);
        assert.equal(after.events?.length, SEED_COUNT + BIG_COUNT);
        if (store.location.kind === "sqlite") assert.equal(integrityCheck(store.location.path), "ok");
      },
    );
  });

describe("kill -9 an import into a new database (SQLite, filled with a rollback journal)", () => {
  it(
    "leaves a database with no events, whole, that the same import then fills and returns to WAL",
    { timeout: 300_000 },
    async () => {
      const path = join(tempDir(), "new.db");
      const file = big();
      // Filling a new file writes its pages straight into it, the journal beside it holding next to nothing.
      await killImportOnceWriting(
        ["import", file, "--db", path],
        async () => sizeOf(path) > 4 * 1024 * 1024 && existsSync(`${path}-journal`),
      );
      // Opening it rolls the journal back (SQLite's own recovery): the file's schema, and no events.
      assert.equal(integrityCheck(path), "ok");
      const location = { kind: "sqlite" as const, path };
      assert.equal((await dumpDatabase(location)).events?.length, 0);
      const again = ok(await runCli(["import", file, "--db", path]));
      assert.match(again.stdout, new RegExp(`added ${BIG_COUNT}, updated 0, skipped 0 \\(unchanged\\)`));
      assert.equal((await dumpDatabase(location)).events?.length, BIG_COUNT);
      const handle = new SQLite(path);
      try {
        assert.equal(handle.pragma("journal_mode", { simple: true }), "wal");
      } finally {
        handle.close();
      }
      assert.equal(integrityCheck(path), "ok");
    },
  );
});

/** Whether a snapshot file is whole: its SHA-256 over everything before the last 32 bytes matches them. */
function isWholeSnapshot(path: string): boolean {
  if (!existsSync(path)) return false;
  const bytes = readFileSync(path);
  if (bytes.length <= 32) return false;
  const digest = createHash("sha256")
    .update(bytes.subarray(0, bytes.length - 32))
    .digest();
  return digest.equals(bytes.subarray(bytes.length - 32));
}

describe("kill -9 `aigov serve` while it saves its search snapshot (SQLite)", () => {
  it(
    "starts again with every event searchable, and leaves no temporary files behind",
    { timeout: 300_000 },
    async (t: TestContext) => {
      const { path, arg } = await createSqliteDatabase().then((store) => ({
        path: (store.location as { path: string }).path,
        arg: store.arg,
      }));
      const dir = dirname(path);
      const snapshot = `${path}.search-index`;
      const marker = MARKER;
      const count = BIG_COUNT;
      ok(await runCli(["import", SEED_EVENTS, "--db", arg]));
      ok(await runCli(["import", big(), "--db", arg]));
      const total = SEED_COUNT + count;
      const temporaries = () =>
        readdirSync(dir).filter((name) => name.startsWith(`${basename(snapshot)}.`) && name.endsWith(".tmp"));

      // Killed the moment a temporary snapshot file appears (inotify, and a poll in case an event is missed).
      const run = startCli(["serve", "--port", "0", "--db", arg]);
      const watcher = watch(dir, () => {
        if (temporaries().length > 0) kill(run.child);
      });
      try {
        await waitFor(
          async () => {
            if (temporaries().length > 0) kill(run.child);
            return run.child.exitCode !== null || run.child.signalCode !== null;
          },
          180_000,
          "serve to write its snapshot",
        );
      } finally {
        watcher.close();
        kill(run.child);
      }
      await run.exited;
      const leftovers = temporaries();
      t.diagnostic(
        isWholeSnapshot(snapshot)
          ? "serve was killed after its snapshot was complete: truncating it"
          : `serve was killed while writing its snapshot: ${leftovers.length} temporary file(s) left`,
      );
      if (isWholeSnapshot(snapshot)) {
        // Caught too late (the snapshot was renamed into place): damage it, so a bad file is covered anyway.
        truncateSync(snapshot, Math.floor(statSync(snapshot).size / 2));
      } else {
        assert.ok(leftovers.length > 0 || !existsSync(snapshot), "a temporary file, or no snapshot at all");
      }
      // A crashed writer's files: as old as they would be found by a start ten minutes or more later.
      const anHourAgo = new Date(Date.now() - 3_600_000);
      for (const name of leftovers) utimesSync(join(dir, name), anHourAgo, anHourAgo);

      const serve = await startServe(arg);
      try {
        const get = async <T>(query: string) => {
          const res = await fetch(`${serve.url}/api/events?${query}`);
          assert.equal(res.status, 200);
          return (await res.json()) as T;
        };
        assert.equal((await get<{ total: number }>("limit=1")).total, total);
        const found = await get<{ total: number; items: { id: string }[] }>(`q=${marker}`);
        assert.equal(found.total, 1);
        assert.equal(found.items[0]?.id, `synthetic-${count}`);
        assert.ok(isWholeSnapshot(snapshot), "the snapshot is written again, whole");
        assert.deepEqual(temporaries(), [], "no temporary snapshot file is left");
        assert.doesNotMatch(serve.stderr(), /warning/);
      } finally {
        await serve.stop();
      }
    },
  );
});

describe("a read-only database (SQLite)", () => {
  it(
    "refuses an import in one line naming the file, and still lists",
    { timeout: 120_000 },
    async (t: TestContext) => {
      const store = await createSqliteDatabase();
      const path = (store.location as { path: string }).path;
      ok(await runCli(["import", SEED_EVENTS, "--db", store.arg]));
      const before = await dumpDatabase(store.location);
      // chmod does not stop root: there, the file is made immutable (chattr +i), which does.
      let undo: () => void;
      if (isRoot) {
        const made = spawnSync("chattr", ["+i", path], { encoding: "utf8" });
        if (made.status !== 0) {
          t.skip(
            `running as root and chattr +i failed (${(made.stderr || made.error?.message || "").trim()}): cannot make a file root cannot write`,
          );
          return;
        }
        undo = () => spawnSync("chattr", ["-i", path]);
      } else {
        chmodSync(path, 0o444);
        undo = () => chmodSync(path, 0o644);
      }
      try {
        oneLineError(
          await runCli(["import", join(ROOT, "test/fixtures/chronicle-2024-english.txt"), "--db", store.arg]),
          new RegExp(`${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*read-only`),
        );
        assert.equal(await listedCount(store.arg), SEED_COUNT);
        assert.deepEqual(await dumpDatabase(store.location), before);
      } finally {
        undo();
      }
      assert.equal(integrityCheck(path), "ok");
    },
  );
});

/**
 * Runs work in a small tmpfs mounted for it, and unmounts it after. Mounting needs root (and a system
 * that allows it); otherwise the test is skipped with the reason.
 */
async function onTmpfs(t: TestContext, size: string, work: (dir: string) => Promise<void>): Promise<void> {
  if (!isRoot) {
    t.skip("not running as root: cannot mount a small tmpfs");
    return;
  }
  const mountPoint = mkdtempSync(join(tmpdir(), "aigov-tmpfs-"));
  const mounted = spawnSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", mountPoint], {
    encoding: "utf8",
  });
  if (mounted.status !== 0) {
    rmdirSync(mountPoint);
    t.skip(
      `mount -t tmpfs is not permitted here (${(mounted.stderr || mounted.error?.message || "").trim()})`,
    );
    return;
  }
  try {
    await work(mountPoint);
  } finally {
    spawnSync("umount", [mountPoint]);
    rmdirSync(mountPoint);
  }
}

describe("a database on a read-only file system (SQLite)", () => {
  it(
    "refuses reads, writes and a new database in one line that says so",
    { timeout: 120_000 },
    (t: TestContext) =>
      onTmpfs(t, "2m", async (dir) => {
        const path = join(dir, "aigov.db");
        ok(await runCli(["import", SEED_EVENTS, "--db", path]));
        const remounted = spawnSync("mount", ["-o", "remount,ro", dir], { encoding: "utf8" });
        if (remounted.status !== 0) {
          t.skip(`mount -o remount,ro is not permitted here (${remounted.stderr.trim()})`);
          return;
        }
        const chronicle = join(ROOT, "test/fixtures/chronicle-2024-english.txt");
        // A WAL database cannot be opened where its -shm file cannot be made, not even to read.
        oneLineError(
          await runCli(["import", chronicle, "--db", path]),
          /aigov\.db is on a read-only file system/,
        );
        oneLineError(await runCli(["list", "--db", path]), /aigov\.db is on a read-only file system/);
        oneLineError(
          await runCli(["import", chronicle, "--db", join(dir, "new.db")]),
          /cannot create the database .*new\.db: its folder is on a read-only file system/,
        );
        assert.deepEqual(readdirSync(dir), ["aigov.db"]);
      }),
  );
});

describe("a full disk (SQLite)", () => {
  it(
    "refuses an import that does not fit in one line, and the database is as before",
    { timeout: 180_000 },
    (t: TestContext) =>
      onTmpfs(t, "2m", async (dir) => {
        const path = join(dir, "aigov.db");
        ok(await runCli(["import", SEED_EVENTS, "--db", path]));
        const location: DatabaseLocation = { kind: "sqlite", path };
        const before = await dumpDatabase(location);
        // About 12 MB of events into what is left of 2 MB.
        oneLineError(await runCli(["import", big(), "--db", path]), /disk .*is full/);
        assert.deepEqual(await dumpDatabase(location), before);
        assert.equal(integrityCheck(path), "ok");
        assert.equal(await listedCount(path), SEED_COUNT);
      }),
  );

  it(
    "found at COMMIT is named in one line (not as the ROLLBACK that SQLite made pointless), and nothing is written",
    { timeout: 180_000 },
    (t: TestContext) =>
      onTmpfs(t, "1500k", async (dir) => {
        const path = join(dir, "aigov.db");
        ok(await runCli(["import", SEED_EVENTS, "--db", path]));
        const location: DatabaseLocation = { kind: "sqlite", path };
        const before = await dumpDatabase(location);
        // About 1 MB of pages: they fit in SQLite's page cache, so the disk runs out only when COMMIT
        // writes them, after which SQLite has rolled the transaction back itself.
        const fitsInCache = writeJsonLines(join(tempDir(), "fits-in-cache.jsonl"), 200);
        generated.push(fitsInCache);
        const run = await runCli(["import", fitsInCache, "--db", path]);
        oneLineError(run, /disk .*is full/);
        assert.doesNotMatch(run.stderr, /cannot rollback/);
        assert.deepEqual(await dumpDatabase(location), before);
        assert.equal(integrityCheck(path), "ok");
        assert.equal(await listedCount(path), SEED_COUNT);
      }),
  );
});

describe("a PostgreSQL database of a newer aigov", { skip: DIALECTS[1]?.skip ?? false }, () => {
  let store: TestDatabase;
  before(async () => {
    store = await createPostgresDatabase();
  });
  after(() => store?.drop());

  it("is refused in one line, untouched", { timeout: 120_000 }, async () => {
    ok(await runCli(["import", SEED_EVENTS, "--db", store.arg]));
    const client = new pg.Client({ connectionString: store.arg });
    await client.connect();
    try {
      await client.query("insert into kysely_migration (name, timestamp) values ('9999_future', $1)", [
        new Date().toISOString(),
      ]);
    } finally {
      await client.end();
    }
    oneLineError(await runCli(["list", "--db", store.arg]), /newer aigov/);
    oneLineError(await runCli(["import", SEED_EVENTS, "--db", store.arg]), /newer aigov/);
  });
});
