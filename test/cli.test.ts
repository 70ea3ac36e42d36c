import assert from "node:assert/strict";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import type { Event } from "../src/domain/event.js";
import { fixture, runCli, SEED, tempDir } from "./runCli.js";
import { DIALECTS, type TestDatabase } from "./testDatabases.js";

const listJson = async (db: string, ...filters: string[]) => {
  const result = await runCli(["list", "--db", db, "--json", ...filters]);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout) as Event[];
};

for (const dialect of DIALECTS)
  describe(`aigov CLI, end to end on a temp database (${dialect.name})`, { skip: dialect.skip }, () => {
    const dir = tempDir();
    let store: TestDatabase;
    let db = "";
    before(async () => {
      store = await dialect.create();
      db = store.arg;
    });
    after(() => store.drop());

    it("imports the seed: 47 events with their footnotes, then re-imports without duplicates", async () => {
      const first = await runCli(["import", SEED, "--db", db]);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /added 47, updated 0, skipped 0/);
      const events = await listJson(db);
      assert.equal(events.length, 47);
      // Oldest first: a month-only date ("2025 年 4 月") counts from the month's first day.
      assert.deepEqual(
        events.map((e) => e.seq).sort((a, b) => (a ?? 0) - (b ?? 0)),
        Array.from({ length: 47 }, (_, i) => i + 1),
      );
      assert.deepEqual(
        events.slice(9, 13).map((e) => e.date.start),
        ["2025-04", "2025-04", "2025-04", "2025-04-09"],
      );
      assert.equal(events.flatMap((e) => e.sources).length, 58);
      const again = await runCli(["import", SEED, "--db", db]);
      assert.match(again.stdout, /added 0, updated 0, skipped 47 \(unchanged\)/);
      assert.equal((await listJson(db)).length, 47);
    });

    it("filters by date range", async () => {
      const december = await listJson(db, "--from", "2025-12", "--to", "2025-12-31");
      assert.deepEqual(
        december.map((e) => e.seq),
        [46, 47],
      );
    });

    it("shows one event, as text and as JSON, and fails clearly for an unknown id", async () => {
      const id = (await listJson(db))[4]?.id as string;
      const text = await runCli(["show", id, "--db", db]);
      assert.match(text.stdout, /2025-02-04\/2025-02-07 \(day\)/);
      assert.match(text.stdout, /\[8\] Arab League Educational/);
      assert.equal(JSON.parse((await runCli(["show", id, "--json", "--db", db])).stdout).seq, 5);
      const missing = await runCli(["show", "no-such-event", "--db", db]);
      assert.equal(missing.code, 1);
      assert.equal(missing.stderr, 'error: no event with id "no-such-event"\n');
    });

    it("exports JSON and CSV that import into another database unchanged", async () => {
      const original = await listJson(db);
      for (const format of ["json", "jsonl", "csv"]) {
        const out = join(dir, `export.${format}`);
        assert.equal((await runCli(["export", "--format", format, "--out", out, "--db", db])).code, 0);
        const other = join(dir, `other-${format}.db`);
        const imported = await runCli(["import", out, "--db", other]);
        assert.equal(imported.code, 0, imported.stderr);
        assert.deepEqual(await listJson(other), original);
      }
    });

    it("keeps curated fields when the seed is imported over the bundled dataset", async () => {
      const bundled = join(dir, "bundled.db");
      const exported = join(dir, "bundled.json");
      // The bundled events file is an ordinary JSON import.
      const events = join(
        new URL("..", import.meta.url).pathname,
        "data/events/2025-global-ai-governance-report.json",
      );
      assert.equal((await runCli(["import", events, "--db", bundled])).code, 0);
      const reimport = await runCli(["import", SEED, "--db", bundled]);
      assert.match(reimport.stdout, /added 0, updated 0, skipped 47/);
      await runCli(["export", "--out", exported, "--db", bundled]);
      const after = await listJson(bundled);
      assert.equal(after[0]?.title.en?.startsWith("United States issues Executive Order 14179"), true);
      assert.deepEqual(after[0]?.jurisdictions, ["US"]);
    });
  });

describe("aigov CLI, bad input changes nothing", () => {
  const dir = tempDir();
  const db = join(dir, "b.db");
  before(async () => {
    await runCli(["import", SEED, "--db", db]);
  });
  const count = async () =>
    (JSON.parse((await runCli(["list", "--json", "--db", db])).stdout) as Event[]).length;

  const cases: [string, string, RegExp][] = [
    ["truncated JSON", fixture("truncated.json"), /truncated\.json:\d+: invalid JSON/],
    [
      "a CSV row with a bad date",
      fixture("bad-date.csv"),
      /bad-date\.csv:3: event 2 \(2025-y\): date\.start: expected a date/,
    ],
    [
      "a chronicle with no events",
      fixture("chronicle-no-events.txt"),
      /chronicle-no-events\.txt:3: the chronicle has no events/,
    ],
    ["a binary file", fixture("binary.bin"), /binary\.bin: (binary content|not UTF-8)/],
    ["an empty file", fixture("empty.txt"), /empty\.txt: the file is empty/],
    ["a missing file", join(dir, "nope.json"), /nope\.json: cannot read: no such file/],
  ];
  for (const [name, file, message] of cases) {
    it(`rejects ${name} with one line and exit 1`, async () => {
      // A good file beside the bad one is not written either: imports are all or nothing.
      const good = join(dir, "good.json");
      writeFileSync(
        good,
        JSON.stringify([{ id: "2025-new", title: { en: "New" }, date: { start: "2025-03-01" } }]),
      );
      const result = await runCli(["import", good, file, "--db", db]);
      assert.equal(result.code, 1);
      assert.match(result.stderr, message);
      assert.equal(result.stderr.trim().split("\n").length, 1, result.stderr);
      assert.match(result.stderr, /^error: /);
      assert.equal(await count(), 47);
    });
  }

  it("answers bad usage with exit 2 and --help with exit 0", async () => {
    assert.equal((await runCli(["list", "--from", "2025-13", "--db", db])).code, 2);
    assert.equal((await runCli(["list", "--type", "treaty", "--db", db])).code, 2);
    assert.equal((await runCli(["frobnicate"])).code, 2);
    assert.equal((await runCli(["import", "--format", "xml", SEED])).code, 2);
    const help = await runCli(["import", "--help"]);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--format <format>/);
  });

  it("documents every command in the README", async () => {
    const help = (await runCli(["--help"])).stdout;
    const commands = [...help.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]).filter((c) => c !== "help");
    assert.ok(commands.length >= 7, help);
    const readme = readFileSync(join(new URL("..", import.meta.url).pathname, "README.md"), "utf8");
    for (const command of commands)
      assert.ok(readme.includes(`aigov ${command}`), `README documents aigov ${command}`);
  });

  it("a newcomer's path: the seed imports classified and bilingual, says so and what to do next", async () => {
    const fresh = join(dir, "newcomer.db");
    const imported = await runCli(["import", SEED, "--db", fresh], {}, { stderrTty: true });
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, /added 47, updated 0, skipped 0/);
    assert.match(imported.stdout, /aigov's curation of this report applied to 47 new events/);
    assert.match(imported.stderr, new RegExp(`next: aigov list --db ${fresh.replace(/[.]/g, "\\.")}`));
    // The README's next step finds the United States' events, in English too, under the bundled ids.
    const us = await runCli(["list", "--jurisdiction", "US", "--lang", "en", "--db", fresh]);
    assert.equal(us.code, 0);
    assert.match(us.stdout, /Executive Order 14179.*\(2025-us-eo-14179-removing-barriers\)/);
    // Nothing matching is said on stderr, stdout left empty for scripts.
    const none = await runCli(["list", "--jurisdiction", "NZ", "--db", fresh]);
    assert.deepEqual([none.code, none.stdout, none.stderr], [0, "", "no events match\n"]);
    const noHit = await runCli(["search", "qwertyuiop", "--db", fresh]);
    assert.deepEqual([noHit.code, noHit.stdout, noHit.stderr], [0, "", "no events match\n"]);
    // A second import of the same chronicle updates those events rather than adding others.
    const again = await runCli(["import", SEED, "--db", fresh]);
    assert.match(again.stdout, /added 0, updated 0, skipped 47 \(unchanged\)\n$/);
    assert.equal(again.stderr, "", "no hints when stderr is not a terminal");
  });

  it("puts the database in $AIGOV_DB, else under $XDG_DATA_HOME", async () => {
    const viaEnv = join(dir, "env.db");
    // Only a command that writes creates the database (a read of a missing one is an error).
    assert.equal((await runCli(["import", SEED], { AIGOV_DB: viaEnv })).code, 0);
    assert.ok(existsSync(viaEnv));
    assert.equal((await runCli(["list"], { AIGOV_DB: viaEnv })).code, 0);
    const xdg = join(dir, "xdg");
    assert.equal((await runCli(["import", SEED], { XDG_DATA_HOME: xdg })).code, 0);
    assert.ok(existsSync(join(xdg, "aigov", "aigov.db")));
  });
});

for (const dialect of DIALECTS)
  describe(`aigov search and the other export formats (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: TestDatabase;
    let db = "";
    before(async () => {
      store = await dialect.create();
      db = store.arg;
      await runCli([
        "import",
        join(new URL("..", import.meta.url).pathname, "data/events/2025-global-ai-governance-report.json"),
        "--db",
        db,
      ]);
    });
    after(() => store.drop());

    it("searches in Chinese and English, best first, with filters and snippets", async () => {
      const chips = await runCli(["search", "芯片", "--db", db]);
      assert.equal(chips.code, 0, chips.stderr);
      assert.match(chips.stdout.split("\n")[0] ?? "", /2025-us-rescinds-ai-diffusion-rule/);
      assert.match(chips.stdout, /\[芯片\]/);
      const json = JSON.parse(
        (await runCli(["search", "FLOP", "--json", "--jurisdiction", "US-CA", "--db", db])).stdout,
      ) as Event[];
      assert.deepEqual(
        json.map((e) => e.seq),
        [37],
      );
      assert.equal((await runCli(["search", "x".repeat(201), "--db", db])).code, 2);
      assert.equal((await runCli(["search", "AI", "--limit", "0", "--db", db])).code, 2);
    });

    it("exports iCalendar, Atom and CSL-JSON", async () => {
      assert.match((await runCli(["export", "--format", "ics", "--db", db])).stdout, /^BEGIN:VCALENDAR/);
      assert.match(
        (await runCli(["export", "--format", "atom", "--lang", "en", "--db", db])).stdout,
        /<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom">/,
      );
      const csl = JSON.parse((await runCli(["export", "--format", "csl", "--db", db])).stdout) as {
        URL?: string;
      }[];
      assert.equal(csl.length, 58);
    });
  });
