import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { HostGate } from "./hostGate.js";

/** A clock that moves only when the gate sleeps or a request takes time. */
function fakeTime() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => void (now += ms),
    pass: (ms: number) => void (now += ms),
  };
}

describe("HostGate", () => {
  it("runs one request at a time per host, the delay apart from the end of the last", async () => {
    const time = fakeTime();
    const gate = new HostGate(1000, time.sleep, time.now);
    const log: string[] = [];
    const request = (name: string) => async () => {
      log.push(`${name} starts at ${time.now()}`);
      time.pass(200);
      await Promise.resolve();
      log.push(`${name} ends at ${time.now()}`);
    };
    await Promise.all([gate.run("a.example", request("first")), gate.run("a.example", request("second"))]);
    assert.deepEqual(log, [
      "first starts at 0",
      "first ends at 200",
      "second starts at 1200",
      "second ends at 1400",
    ]);
  });

  it("lets different hosts go on side by side", async () => {
    const gate = new HostGate(60_000);
    let running = 0;
    let most = 0;
    const request = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
    };
    await Promise.all([gate.run("a.example", request), gate.run("b.example", request)]);
    assert.equal(most, 2);
  });

  it("frees the host when a request fails, and passes the failure on", async () => {
    const time = fakeTime();
    const gate = new HostGate(10, time.sleep, time.now);
    await assert.rejects(
      gate.run("a.example", () => Promise.reject(new Error("refused"))),
      /refused/,
    );
    assert.equal(await gate.run("a.example", async () => time.now()), 10);
  });
});
