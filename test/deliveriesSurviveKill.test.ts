import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { cliArgv } from "./builtCli.js";
import { runCli, tempDir } from "./runCli.js";
import { waitFor } from "./serveProcess.js";
import { startReceiver } from "./webhookReceiver.js";
import { DIALECTS } from "./testDatabases.js";

// The process is the point here: `aigov serve` is killed (SIGKILL, no chance to tidy up) while a delivery
// is pending, and the next server on the same database delivers it, with the same delivery id.

/** `aigov serve --port 0` from the build; resolves once it listens. */
function serve(db: string) {
  const child = spawn(process.execPath, [...cliArgv(), "serve", "--port", "0", "--db", db], {
    // A lease of a second: the delivery the killed server held is free soon after.
    env: { PATH: process.env.PATH ?? "", HOME: tempDir(), AIGOV_DELIVERY_LEASE_SECONDS: "1" },
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const listening = new Promise<void>((resolve, reject) => {
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (/ events at http/.test(stdout)) resolve();
    });
    child.once("exit", (code) => reject(new Error(`serve exited with ${code}: ${stderr}`)));
  });
  return { child, exited, listening };
}

for (const dialect of DIALECTS) {
  describe(`deliveries survive a killed server (${dialect.name})`, { skip: dialect.skip }, () => {
    const cleanups: (() => Promise<void>)[] = [];
    after(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    it("delivers after a restart what was pending when the server was killed", async () => {
      const store = await dialect.create();
      cleanups.push(store.drop);
      const receiver = await startReceiver();
      cleanups.push(receiver.close);
      const db = store.arg;
      const file = join(tempDir(), "event.json");
      const event = {
        id: "2026-eu-killed-server-test",
        title: { en: "An event that outlives a server" },
        date: { start: "2026-12-01" },
        jurisdictions: ["EU"],
        sources: [],
      };
      // The archive exists (an earlier import), the operator subscribes (their webhooks may be on
      // localhost), and then imports the event the subscription is owed.
      writeFileSync(file, JSON.stringify([{ ...event, id: "2026-eu-earlier-event" }]));
      assert.equal((await runCli(["import", file, "--db", db])).code, 0);
      const added = await runCli([
        "subscriptions",
        "add",
        "--jurisdiction",
        "EU",
        "--webhook",
        receiver.url,
        "--secret",
        "a secret long enough to sign",
        "--db",
        db,
      ]);
      assert.equal(added.code, 0, added.stderr);
      const id = added.stdout.trim();
      receiver.answer(id, ...Array<number>(100).fill(503));
      writeFileSync(file, JSON.stringify([event]));
      assert.equal((await runCli(["import", file, "--db", db])).code, 0);

      const first = serve(db);
      await first.listening;
      await waitFor(async () => receiver.received.length > 0, 15_000, "a first attempt");
      first.child.kill("SIGKILL");
      await first.exited;
      const attempted = JSON.parse(receiver.received[0]?.body ?? "{}") as { delivery: string };
      assert.equal(receiver.acknowledged().length, 0);

      // The receiver works again; a new server on the same database delivers the change.
      receiver.received.length = 0;
      receiver.reset(id);
      const second = serve(db);
      cleanups.push(async () => {
        second.child.kill("SIGTERM");
        await second.exited;
      });
      await second.listening;
      await waitFor(async () => receiver.acknowledged().length > 0, 20_000, "the delivery after restart");
      const [delivered] = receiver.acknowledged();
      assert.equal(delivered?.delivery, attempted.delivery, "the same delivery, retried");
      assert.equal(delivered?.event.id, event.id);
    });
  });
}
