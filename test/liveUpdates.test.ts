import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { ROOT, runCli, tempDir } from "./runCli.js";
import { type ServeProcess, startServe, waitFor } from "./serveProcess.js";
import { DIALECTS, type TestDatabase } from "./testDatabases.js";

/** A one-event JSON file whose title holds a word found nowhere else. */
function eventFile(title: string): string {
  const path = join(tempDir(), "one.json");
  writeFileSync(
    path,
    JSON.stringify([
      { id: "live-update-probe", title: { en: title }, date: { start: "2026-11-20" }, jurisdictions: ["EU"] },
    ]),
  );
  return path;
}

async function hits(server: ServeProcess, q: string): Promise<number> {
  const response = await fetch(`${server.url}/api/events?q=${encodeURIComponent(q)}&limit=1`);
  assert.equal(response.status, 200);
  return ((await response.json()) as { total: number }).total;
}

for (const dialect of DIALECTS)
  describe(`servers follow writes by other processes (${dialect.name})`, { skip: dialect.skip }, () => {
    let store: TestDatabase;
    let servers: ServeProcess[] = [];
    before(async () => {
      store = await dialect.create();
      const seeded = await runCli([
        "import",
        join(ROOT, "data/events/2025-global-ai-governance-report.json"),
        "--db",
        store.arg,
      ]);
      assert.equal(seeded.code, 0, seeded.stderr);
      servers = await Promise.all([startServe(store.arg), startServe(store.arg)]);
    });
    after(async () => {
      await Promise.all(servers.map((server) => server.stop()));
      await store.drop();
    });

    it(
      "an event imported by the CLI is found through every server, then its change, with no restart",
      { timeout: 60_000 },
      async () => {
        for (const server of servers) assert.equal(await hits(server, "quokkaprobe"), 0);
        const added = await runCli(["import", eventFile("Quokkaprobe rules adopted"), "--db", store.arg]);
        assert.equal(added.code, 0, added.stderr);
        const took = await Promise.all(
          servers.map((server) =>
            waitFor(async () => (await hits(server, "quokkaprobe")) === 1, 20_000, "found"),
          ),
        );
        // Timings are for people reading the log; the bench measures latency (no timed assertion here).
        process.stdout.write(
          `# found through each server after ${took.map((ms) => ms.toFixed(0)).join(", ")} ms\n`,
        );
        const changed = await runCli(["import", eventFile("Wombatprobe rules adopted"), "--db", store.arg]);
        assert.equal(changed.code, 0, changed.stderr);
        for (const server of servers) {
          await waitFor(async () => (await hits(server, "wombatprobe")) === 1, 20_000, "the change found");
          // The answer to the old word may be the response cache's for as long as the server reuses its
          // read of the data version (versionMaxAgeMs, 250 ms in serve): then it must be gone.
          await waitFor(
            async () => (await hits(server, "quokkaprobe")) === 0,
            2_000,
            "the old version no longer found",
          );
          const all = (await (await fetch(`${server.url}/api/events?limit=1`)).json()) as { total: number };
          assert.equal(all.total, 48);
          assert.doesNotMatch(server.stderr(), /warning|error/i);
        }
      },
    );
  });
