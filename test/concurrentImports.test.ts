import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { ROOT, runCli, tempDir } from "./runCli.js";
import { DIALECTS, type TestDatabase } from "./testDatabases.js";

/** Runs the CLI without waiting for it, so that two can overlap. */
function startCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(ROOT, "src/cli/main.ts"), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", HOME: tempDir() },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

for (const dialect of DIALECTS)
  describe(`two imports at once (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: TestDatabase;
    before(async () => {
      store = await dialect.create();
      // The database exists before the race: what is tested is the writes, not the first migration.
      assert.equal(
        runCli(["import", join(ROOT, "test/fixtures/chronicle-2024-english.txt"), "--db", store.arg]).code,
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
