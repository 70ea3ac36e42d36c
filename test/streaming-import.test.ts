import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import SQLite from "better-sqlite3";
import { runCli, SEED, tempDir } from "./runCli.js";

// Imports of large files through the CLI, as streams: sizes large enough that a reader quadratic in the
// records would not finish within the test timeout, small enough for CI. No timing is asserted.

const record = (i: number, start = "2025-01-02", summary?: string) => ({
  id: `bulk-${i}`,
  title: { en: `Bulk event ${i}` },
  ...(summary ? { summary: { en: summary } } : {}),
  date: { start },
});

describe("streaming imports of large files", () => {
  const dir = tempDir();

  // 10,000 events with a summary each make one line of about 8 MB, eight of the reader's 1 MiB chunks: as
  // many bytes as 100,000 bare events, which took three times as long to check and write.
  const ONE_LINE = 10_000;
  const LONG_SUMMARY = "Padding that makes the one line long. ".repeat(20);
  it(
    `imports a JSON array of ${ONE_LINE.toLocaleString("en")} events written on one line`,
    { timeout: 600_000 },
    async () => {
      const file = join(dir, "one-line.json");
      const parts: string[] = [];
      for (let i = 0; i < ONE_LINE; i++) parts.push(JSON.stringify(record(i, "2025-01-02", LONG_SUMMARY)));
      writeFileSync(file, `[${parts.join(",")}]`);
      assert.ok(statSync(file).size > 7 * (1 << 20), "a line of several of the reader's chunks");
      const db = join(dir, "one-line.db");
      const result = await runCli(["import", file, "--db", db]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stdout, `${file}: added ${ONE_LINE}, updated 0, skipped 0 (unchanged)\n`);
      // What was written, read from the file itself: every event, each with its own title. (Read back with
      // `aigov export` this cost as much again as the import, exporting being tested elsewhere.)
      const handle = new SQLite(db, { readonly: true });
      try {
        const rows = handle.prepare("select id, title_en from events").all() as {
          id: string;
          title_en: string;
        }[];
        assert.equal(rows.length, ONE_LINE);
        assert.equal(new Set(rows.map((row) => row.id)).size, ONE_LINE);
        assert.ok(
          rows.every(({ id, title_en }) => /^bulk-\d+$/.test(id) && title_en === `Bulk event ${id.slice(5)}`),
        );
      } finally {
        handle.close();
      }
    },
  );

  it("tells JSON Lines by content, also in a file named .json", async () => {
    const file = join(dir, "lines.json");
    writeFileSync(file, `${JSON.stringify(record(1))}\n${JSON.stringify(record(2))}\n`);
    const result = await runCli(["import", file, "--dry-run"]);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /2 events read as jsonl/);
  });

  const size = 10_000;
  // Past four batches of 500 already written when it is met, so that they are rolled back; the records
  // before it are the test's cost (each checked and written), the ones after it are only bytes.
  const bad = 2_173;
  // With a summary, the JSON files pass 4 MB (about 5 MB) and are
  // read by a worker thread beside the writes; the CSV file (no summary column) stays small and is read
  // inline: both paths report the same error. (It was 20,000 records with half the summary: the same
  // bytes and paths, but twice the records to check and write before the bad one rolls them back.)
  const records = Array.from({ length: size }, (_, i) =>
    record(i, i === bad - 1 ? "2025-13-01" : "2025-01-02", `Summary of bulk event ${i} `.repeat(16)),
  );
  // The line of the bad record in each format: one record a line after a header or an opening bracket.
  const files = {
    "big.json": { text: `[\n${records.map((r) => JSON.stringify(r)).join(",\n")}\n]\n`, line: bad + 1 },
    "big.jsonl": { text: `${records.map((r) => JSON.stringify(r)).join("\n")}\n`, line: bad },
    "big.csv": {
      text: `id,date_start,title_en\n${records.map((r) => `${r.id},${r.date.start},${r.title.en}`).join("\n")}\n`,
      line: bad + 1,
    },
  };
  for (const [name, { text, line }] of Object.entries(files))
    it(
      `refuses ${name} with a bad record in the middle, with file:line, writing nothing`,
      { timeout: 300_000 },
      async () => {
        const db = join(dir, `${name}.db`);
        assert.equal((await runCli(["import", SEED, "--db", db])).code, 0);
        const before = (await runCli(["export", "--format", "jsonl", "--db", db])).stdout;
        const file = join(dir, name);
        writeFileSync(file, text);
        // The worker reads files from 4 MB (src/import/importFiles.ts): the JSON ones are past that.
        if (!name.endsWith(".csv"))
          assert.ok(Buffer.byteLength(text) > 4.5 * 1024 * 1024, "read by the worker");
        for (const args of [["--dry-run"], ["--db", db]]) {
          const result = await runCli(["import", file, ...args]);
          assert.equal(result.code, 1);
          assert.match(
            result.stderr,
            new RegExp(
              `^error: ${file.replace(/[.]/g, "\\.")}:${line}: event ${bad} \\(bulk-${bad - 1}\\): date\\.start: expected a date`,
            ),
          );
          assert.equal(result.stderr.split("\n").length, 2);
        }
        assert.equal((await runCli(["export", "--format", "jsonl", "--db", db])).stdout, before);
        assert.ok(readFileSync(file).length > 0);
        // Into a database that does not exist yet: the refused import leaves no file behind.
        const fresh = join(dir, `${name}.fresh.db`);
        assert.equal((await runCli(["import", file, "--db", fresh])).code, 1);
        assert.deepEqual(
          readdirSync(dir).filter((entry) => entry.startsWith(`${name}.fresh.db`)),
          [],
        );
      },
    );
});
