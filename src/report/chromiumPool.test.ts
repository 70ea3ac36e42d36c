import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Browser } from "playwright-core";
import { ChromiumPool, RenderBusyError, RenderTimeoutError } from "./chromiumPool.js";

/** A stand-in browser: counts its closes; `run` in the tests decides how long a render takes. */
function fakeBrowser(): Browser & { closed: number } {
  const browser = {
    closed: 0,
    on: () => browser,
    close: async () => {
      browser.closed++;
    },
  };
  return browser as unknown as Browser & { closed: number };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const never = () => new Promise<never>(() => {});

function pool(limits: { size?: number; queueLength?: number; timeoutMs?: number } = {}) {
  const browsers: ReturnType<typeof fakeBrowser>[] = [];
  const chromium = new ChromiumPool({ size: 1, queueLength: 4, timeoutMs: 5_000, ...limits }, async () => {
    const browser = fakeBrowser();
    browsers.push(browser);
    return browser;
  });
  return { chromium, browsers };
}

describe("ChromiumPool", () => {
  it("starts no browser until a render needs one, then one for all renders, one at a time", async () => {
    const { chromium, browsers } = pool();
    assert.equal(chromium.launches, 0);
    let running = 0;
    let most = 0;
    const seen = new Set<Browser>();
    const render = (browser: Browser) => {
      seen.add(browser);
      running++;
      most = Math.max(most, running);
      return sleep(10).then(() => running--);
    };
    await Promise.all(Array.from({ length: 5 }, () => chromium.run(render)));
    assert.equal(chromium.launches, 1);
    assert.equal(seen.size, 1);
    assert.equal(most, 1);
    await chromium.close();
    assert.equal(browsers[0]?.closed, 1);
  });

  it("runs as many renders at once as it has browsers", async () => {
    const { chromium } = pool({ size: 2 });
    let running = 0;
    let most = 0;
    const render = async () => {
      running++;
      most = Math.max(most, running);
      await sleep(10);
      running--;
    };
    await Promise.all(Array.from({ length: 6 }, () => chromium.run(render)));
    assert.equal(most, 2);
    assert.equal(chromium.launches, 2);
    await chromium.close();
  });

  it("refuses a render beyond the queue at once, and takes work again when the queue drains", async () => {
    const { chromium } = pool({ queueLength: 2 });
    let finish = () => {};
    const held = new Promise<void>((resolve) => (finish = resolve));
    const first = chromium.run(() => held);
    const queued = [chromium.run(async () => 1), chromium.run(async () => 2)];
    await assert.rejects(
      chromium.run(async () => 3),
      (error) => error instanceof RenderBusyError && error.retryAfterSeconds > 0,
    );
    finish();
    await first;
    assert.deepEqual(await Promise.all(queued), [1, 2]);
    assert.equal(await chromium.run(async () => 4), 4);
    await chromium.close();
  });

  it("stops a render past the timeout, kills its browser and gives the slot to the next render", async () => {
    const { chromium, browsers } = pool({ timeoutMs: 50 });
    const stuck = chromium.run(never);
    const next = chromium.run(async (browser) => browser);
    const started = Date.now();
    await assert.rejects(stuck, RenderTimeoutError);
    assert.ok(Date.now() - started < 1_000);
    const fresh = await next;
    assert.equal(browsers[0]?.closed, 1, "the stuck render's browser is closed");
    assert.equal(fresh, browsers[1], "the next render gets a new browser");
    assert.equal(chromium.launches, 2);
    await chromium.close();
  });

  it("refuses the renders still waiting when it closes, and any render afterwards", async () => {
    const { chromium } = pool();
    const running = chromium.run(() => sleep(20));
    const waiting = chromium.run(async () => "late");
    await chromium.close();
    await assert.rejects(waiting, RenderBusyError);
    await running.catch(() => {});
    await assert.rejects(
      chromium.run(async () => 1),
      RenderBusyError,
    );
  });
});
