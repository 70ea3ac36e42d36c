import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { before, describe, it } from "node:test";
import SQLite from "better-sqlite3";
import type { EventInput } from "../src/domain/event.js";
import { cliArgv } from "./builtCli.js";
import { type CliResult, ROOT, runCli, SEED, tempDir } from "./runCli.js";

/** A small event in the public shape, for files the tests import. */
const event = (id: string, overrides: Partial<EventInput> = {}): EventInput => ({
  id,
  title: { en: `Event ${id}` },
  date: { start: "2025-03-01" },
  ...overrides,
});

const writeJson = (dir: string, name: string, events: EventInput[]) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(events, null, 2));
  return path;
};

const ok = (result: CliResult) => {
  assert.equal(result.code, 0, result.stderr);
  return result;
};

/** Runs the CLI as a process of its own: the built one, dist/ first brought up to date (test/builtCli.ts). */
function cliProcess(args: string[], nodeArgs: string[] = [], home = tempDir()): Promise<CliResult> {
  const child = spawn(process.execPath, [...nodeArgs, ...cliArgv(), ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: home },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

/** A failure the CLI reports as exactly one line "error: …" and exit 1. */
export const oneLineError = (result: CliResult, pattern: RegExp) => {
  assert.equal(result.code, 1, result.stdout + result.stderr);
  const lines = result.stderr.trim().split("\n");
  assert.equal(lines.length, 1, result.stderr);
  assert.match(lines[0] ?? "", /^error: /);
  assert.match(lines[0] ?? "", pattern);
};

describe("hardening: the CLI on hostile and careless input", () => {
  // An import that meets a held write lock first waits out SQLite's busy timeout (5 s), asleep: it runs
  // as a process of its own, started before the other tests, which run meanwhile (point 8 takes its result).
  let busyImport: Promise<CliResult>;
  before(async () => {
    const dir = tempDir();
    const db = join(dir, "a.db");
    ok(await runCli(["import", SEED, "--db", db]));
    const file = writeJson(dir, "one.json", [event("busy-1")]);
    // A connection of this test holds the write lock while the import runs, then lets go.
    const holder = new SQLite(db);
    holder.exec("begin immediate");
    busyImport = cliProcess(["import", file, "--db", db, "--wait", "0"]).finally(() => {
      holder.exec("rollback");
      holder.close();
    });
  });

  it("point 2: refuses a javascript: source URL at import with file:line", async () => {
    const dir = tempDir();
    const file = writeJson(dir, "evil.json", [
      event("a"),
      event("b", { sources: [{ url: "javascript:alert(document.domain)" }] }),
    ]);
    const result = await runCli(["import", file, "--db", join(dir, "a.db")]);
    oneLineError(result, /evil\.json:\d+: .*sources\.0\.url: expected an http\(s\) URL/);
  });

  it("issue 24 point 9: refuses a title past its limit (an 80 MB title once imported), writing nothing", async () => {
    const dir = tempDir();
    const db = join(dir, "a.db");
    const file = writeJson(dir, "huge.json", [
      event("a"),
      event("b", { title: { en: "x".repeat(3_000_000) } }),
    ]);
    oneLineError(
      await runCli(["import", file, "--db", db]),
      /huge\.json:\d+: .*title\.en: expected at most 2,000 characters/,
    );
    const listed = await runCli(["list", "--db", db, "--json"]);
    assert.deepEqual(listed.code === 0 ? JSON.parse(listed.stdout) : [], [], "nothing was imported");
  });

  it("point 3: neutralises formula cells in CSV exports and reads them back exactly", async () => {
    const dir = tempDir();
    const db = join(dir, "a.db");
    const titles = ['=HYPERLINK("http://evil.example")', "+1", "-2", "@SUM(A1)", "'=quoted", "plain"];
    const file = writeJson(
      dir,
      "formula.json",
      titles.map((title, i) => event(`f-${i}`, { title: { en: title }, summary: { en: `-${title}` } })),
    );
    ok(await runCli(["import", file, "--db", db]));
    const csv = ok(await runCli(["export", "--format", "csv", "--db", db])).stdout;
    for (const line of csv.split("\n").slice(1))
      for (const cell of line.split(","))
        assert.doesNotMatch(cell.replace(/^"/, ""), /^[=+\-@\t\r]/, `a formula cell: ${line}`);
    const csvFile = join(dir, "out.csv");
    writeFileSync(csvFile, csv);
    const db2 = join(dir, "b.db");
    ok(await runCli(["import", csvFile, "--db", db2]));
    const back = JSON.parse(ok(await runCli(["list", "--json", "--db", db2])).stdout) as EventInput[];
    assert.deepEqual(back.map((e) => e.title.en).sort(), [...titles].sort());
    assert.deepEqual(back.map((e) => e.summary?.en).sort(), titles.map((t) => `-${t}`).sort());
  });

  describe("point 5: recognising aigov databases", () => {
    it("refuses a file that is not a database, in one line, without touching it", async () => {
      const dir = tempDir();
      const path = join(dir, "notes.txt");
      writeFileSync(path, "not a database at all, just some notes\n".repeat(200));
      const before = readFileSync(path);
      oneLineError(await runCli(["list", "--db", path]), /not an aigov database|not a database/);
      oneLineError(await runCli(["import", SEED, "--db", path]), /not an aigov database|not a database/);
      assert.deepEqual(readFileSync(path), before);
      assert.ok(!existsSync(`${path}-wal`));
    });

    it("refuses another program's SQLite database without switching it to WAL or adding tables", async () => {
      const dir = tempDir();
      const path = join(dir, "other.db");
      const other = new SQLite(path);
      other.exec("create table notes(x text)");
      other.close();
      const before = readFileSync(path);
      oneLineError(await runCli(["import", SEED, "--db", path]), /not an aigov database/);
      oneLineError(await runCli(["list", "--db", path]), /not an aigov database/);
      assert.deepEqual(readFileSync(path), before);
      assert.ok(!existsSync(`${path}-wal`));
    });

    it("refuses a database of a newer schema with 'upgrade'", async () => {
      const dir = tempDir();
      const path = join(dir, "new.db");
      ok(await runCli(["import", SEED, "--db", path]));
      const future = new SQLite(path);
      future
        .prepare(
          "insert into kysely_migration(name, timestamp) values ('9999_from_the_future', '2030-01-01')",
        )
        .run();
      future.close();
      oneLineError(await runCli(["list", "--db", path]), /created by a newer aigov \(schema 9999\); upgrade/);
    });

    it("does not create a database for a read command, but does for import", async () => {
      const dir = tempDir();
      const path = join(dir, "typo.db");
      for (const args of [["list"], ["show", "x"], ["search", "欧盟"], ["export"], ["report"]]) {
        oneLineError(await runCli([...args, "--db", path]), /no database at .*typo\.db/);
        assert.ok(!existsSync(path), `${args[0]} created ${path}`);
      }
      ok(await runCli(["import", SEED, "--db", path]));
      assert.ok(existsSync(path));
      assert.equal(JSON.parse(ok(await runCli(["list", "--json", "--db", path])).stdout).length, 47);
    });
  });

  it("point 6: a snapshot of another database of the same size is not loaded", async () => {
    const dir = tempDir();
    const db = join(dir, "big.db");
    const many = (word: string) =>
      Array.from({ length: 5000 }, (_, i) => event(`${word}-${i}`, { title: { en: `${word} number ${i}` } }));
    ok(await runCli(["import", writeJson(dir, "a.json", many("aardvark")), "--db", db]));
    const first = JSON.parse(
      ok(await runCli(["search", "aardvark", "--json", "--db", db])).stdout,
    ) as unknown[];
    assert.equal(first.length, 20);
    assert.ok(existsSync(`${db}.search-index`));
    for (const name of readdirSync(dir))
      if (name.startsWith("big.db") && !name.endsWith("search-index"))
        rmSync(join(dir, name), { force: true });
    ok(await runCli(["import", writeJson(dir, "b.json", many("zebra")), "--db", db]));
    const second = JSON.parse(
      ok(await runCli(["search", "zebra", "--json", "--db", db])).stdout,
    ) as unknown[];
    assert.equal(second.length, 20, "the old snapshot was loaded for a different database");
    const stale = JSON.parse(
      ok(await runCli(["search", "aardvark", "--json", "--db", db])).stdout,
    ) as unknown[];
    assert.equal(stale.length, 0);
  });

  describe("point 8: import errors", () => {
    const chronicleWithPort = (url: string) =>
      [
        "2025 年全球人工智能治理大事记",
        "",
        "1 月",
        "",
        "1. 某国发布人工智能法¹",
        "",
        "摘要：2025 年 1 月 5 日，某国发布人工智能法。",
        "",
        `¹ 某政府. <${url}>.`,
        "",
      ].join("\n");

    it("an invalid port in a footnote URL is a file:line error, and --dry-run says the same", async () => {
      const dir = tempDir();
      const file = join(dir, "port.txt");
      writeFileSync(file, chronicleWithPort("https://x.org:99999/law"));
      const db = join(dir, "a.db");
      const real = await runCli(["import", file, "--db", db]);
      oneLineError(real, /port\.txt:\d+: .*url/);
      assert.doesNotMatch(real.stderr, /ZodError|\n\s+at /);
      const dry = await runCli(["import", file, "--dry-run", "--db", db]);
      oneLineError(dry, /port\.txt:\d+: .*url/);
      assert.equal(dry.stderr, real.stderr);
    });

    it("a database held busy by another writer is one line, not a stack trace", async () => {
      // Started in the `before` above: the import of one event while this process holds the write lock.
      oneLineError(await busyImport, /busy/);
    });
  });

  it("point 9: lines of a million spaces are read in linear time", { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const file = join(dir, "spaces.txt");
    const head =
      "2025 年全球人工智能治理大事记\n\n1 月\n\n1. 某国发布人工智能法\n\n摘要：2025 年 1 月 5 日，某国发布。";
    writeFileSync(
      file,
      `${head}${" ".repeat(1_000_000)}x\n${" ".repeat(1_000_000)}\n日期：${" ".repeat(1_000_000)}x\n`,
    );
    // Read through in linear time (the test's timeout); the summary then holds a million spaces, past the
    // event's limit, which is said in one line rather than imported.
    oneLineError(
      await runCli(["import", file, "--dry-run", "--db", join(dir, "a.db")]),
      /spaces\.txt:\d+: .*summary\.zh: expected at most 50,000 characters/,
    );
  });

  describe("point 10: terminal and file hygiene", () => {
    it("strips control characters from titles printed to the terminal", async () => {
      const dir = tempDir();
      const db = join(dir, "a.db");
      const title = "Bad\u001b[2J\u001b]0;pwned\u0007 title\u009b31m end\r\n";
      ok(
        await runCli([
          "import",
          writeJson(dir, "ctl.json", [event("ctl", { title: { en: title, zh: title } })]),
          "--db",
          db,
        ]),
      );
      for (const args of [["list"], ["show", "ctl"], ["search", "title", "--lang", "en"]]) {
        const out = ok(await runCli([...args, "--db", db])).stdout;
        assert.doesNotMatch(
          out,
          // eslint-disable-next-line no-control-regex -- looking for control characters
          /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/,
          `${args[0]}: ${JSON.stringify(out)}`,
        );
        assert.match(out, /Bad/);
      }
      const missing = await runCli(["show", "\u001b[2Jx", "--db", db]);
      assert.ok(!missing.stderr.includes("\u001b"));
    });

    it("leaves no temporary file behind when an export cannot be written", async () => {
      const dir = tempDir();
      const db = join(dir, "a.db");
      ok(await runCli(["import", SEED, "--db", db]));
      const target = join(dir, "out");
      mkdirSync(target);
      for (const args of [
        ["export", "--out", target],
        ["report", "--out", target],
      ]) {
        const result = await runCli([...args, "--db", db]);
        assert.equal(result.code, 1, result.stderr);
        assert.deepEqual(
          readdirSync(dir).filter((name) => name.includes("tmp")),
          [],
          `${args[0]} left a temporary file`,
        );
      }
    });

    it("does not depend on marked, and loads playwright-core only for pdf and docx", async () => {
      const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
        dependencies: Record<string, string>;
      };
      assert.equal(pkg.dependencies.marked, undefined);
      const dir = tempDir();
      const db = join(dir, "a.db");
      ok(await runCli(["import", SEED, "--db", db]));
      const probe = join(dir, "probe.cjs");
      writeFileSync(
        probe,
        `process.on("exit",()=>{if(Object.keys(require.cache).some((k)=>k.includes("playwright-core")))process.stderr.write("PLAYWRIGHT LOADED\\n")});`,
      );
      // Built (dist/ kept up to date by test/builtCli.ts), which starts in a third of the time: what a
      // module imports, and so whether playwright-core is loaded, is the same from dist/ as from src/
      // (`report --format pdf` prints PLAYWRIGHT LOADED there too). The three at once.
      const commands = [["list"], ["report", "--format", "html"], ["export", "--format", "csv"]];
      const results = await Promise.all(
        commands.map((args) => cliProcess([...args, "--db", db], ["--require", probe], dir)),
      );
      results.forEach((result, i) => {
        assert.equal(result.code, 0, result.stderr);
        assert.doesNotMatch(result.stderr, /PLAYWRIGHT LOADED/, String(commands[i]));
      });
    });
  });
});
