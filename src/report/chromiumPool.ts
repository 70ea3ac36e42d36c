import type { Browser } from "playwright-core";
import { launchChromium, type WithBrowser } from "./chromium.js";

/** How many renders a pool runs and holds, and for how long one may run (SECURITY.md, "Bounded work: reports"). */
export interface ChromiumPoolLimits {
  /** Browsers kept running; each prints one render at a time. */
  size: number;
  /** Renders that may wait for a browser; one more is refused with RenderBusyError. */
  queueLength: number;
  /** How long one render may take, its browser's start included, before the browser is killed. */
  timeoutMs: number;
}

/**
 * One browser, a short queue and a minute per render: issue 24 saw six concurrent PDF requests run six
 * browsers. A server that must print more sets AIGOV_CHROMIUM_POOL and AIGOV_RENDER_QUEUE (src/config.ts).
 */
export const DEFAULT_POOL_LIMITS: ChromiumPoolLimits = { size: 1, queueLength: 8, timeoutMs: 60_000 };

/** How long a refused client is asked to wait before it tries again (the Retry-After header). */
export const RETRY_AFTER_SECONDS = 10;

/** Every browser is busy and the queue is full, or the pool is closing: try again later (a 503). */
export class RenderBusyError extends Error {
  override name = "RenderBusyError";
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS;
}

/** A render ran past the pool's timeout: its browser was killed and its slot given to the next render (a 503). */
export class RenderTimeoutError extends Error {
  override name = "RenderTimeoutError";
}

/** One browser's place in the pool: its browser, started on first use and again after it is killed. */
interface Slot {
  browser: Promise<Browser> | null;
}

interface Waiter {
  take: (slot: Slot) => void;
  refuse: (error: Error) => void;
}

/**
 * A few headless browsers shared by every PDF and DOCX render of a server: started lazily, reused,
 * each running one render at a time; renders beyond them wait in a bounded queue, and a render that
 * outlives the timeout has its browser killed so that it cannot hold the slot. `close` on shutdown.
 */
export class ChromiumPool {
  private readonly slots: Slot[];
  private readonly idle: Slot[];
  private readonly waiting: Waiter[] = [];
  private closed = false;
  /** Rejects once the pool closes, so that renders still running end with it rather than at their timeout. */
  private readonly closing: Promise<never>;
  private stop: (error: Error) => void = () => {};
  /** Browsers started so far, for tests and logs. */
  launches = 0;

  constructor(
    private readonly limits: ChromiumPoolLimits = DEFAULT_POOL_LIMITS,
    private readonly launch: () => Promise<Browser> = () => launchChromium(),
  ) {
    this.slots = Array.from({ length: Math.max(1, limits.size) }, () => ({ browser: null }));
    this.idle = [...this.slots];
    this.closing = new Promise<never>((_, reject) => (this.stop = reject));
    this.closing.catch(() => {});
  }

  /** Runs work with one of the pool's browsers, after the renders before it; throws RenderBusyError or RenderTimeoutError. */
  run: WithBrowser = async (work) => {
    const slot = await this.acquire();
    try {
      return await this.render(slot, work);
    } finally {
      this.release(slot);
    }
  };

  /** Refuses the renders still waiting and closes every browser; the pool takes no work afterwards. */
  async close(): Promise<void> {
    this.closed = true;
    this.stop(new RenderBusyError("the server is shutting down"));
    for (const waiter of this.waiting.splice(0))
      waiter.refuse(new RenderBusyError("the server is shutting down"));
    await Promise.all(this.slots.map((slot) => this.discard(slot)));
  }

  private acquire(): Promise<Slot> {
    if (this.closed) return Promise.reject(new RenderBusyError("the server is shutting down"));
    const slot = this.idle.pop();
    if (slot) return Promise.resolve(slot);
    if (this.waiting.length >= this.limits.queueLength)
      return Promise.reject(
        new RenderBusyError(
          `all ${this.slots.length} PDF/DOCX renderer(s) are busy and ${this.waiting.length} render(s) wait; try again later`,
        ),
      );
    return new Promise((take, refuse) => this.waiting.push({ take, refuse }));
  }

  private release(slot: Slot): void {
    const next = this.waiting.shift();
    if (next) next.take(slot);
    else this.idle.push(slot);
  }

  private browserOf(slot: Slot): Promise<Browser> {
    if (!slot.browser) {
      this.launches++;
      const started = this.launch();
      slot.browser = started;
      // A browser that crashes or fails to start is started afresh by the next render.
      const forget = () => {
        if (slot.browser === started) slot.browser = null;
      };
      started.then((browser) => browser.on("disconnected", forget), forget);
    }
    return slot.browser;
  }

  private async render<T>(slot: Slot, work: (browser: Browser) => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new RenderTimeoutError(`the render took longer than ${this.limits.timeoutMs} ms and was stopped`),
          ),
        this.limits.timeoutMs,
      );
    });
    const job = this.browserOf(slot).then(work);
    try {
      return await Promise.race([job, timedOut, this.closing]);
    } catch (error) {
      if (error instanceof RenderTimeoutError || this.closed) {
        // The stuck work fails once its browser is gone; nobody waits for it any more.
        job.catch(() => {});
        void this.discard(slot);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes a slot's browser (killing what runs in it) and leaves the slot to start a new one. */
  private async discard(slot: Slot): Promise<void> {
    const browser = slot.browser;
    slot.browser = null;
    await browser?.then((b) => b.close()).catch(() => {});
  }
}

let shared: ChromiumPool | undefined;

/** The process's one pool for the server's renders, made (not started) on first use with the limits given then. */
export function sharedChromiumPool(limits: ChromiumPoolLimits = DEFAULT_POOL_LIMITS): ChromiumPool {
  shared ??= new ChromiumPool(limits);
  return shared;
}

/** Closes the shared pool's browsers, if any were started: `aigov serve` calls it when it stops. */
export async function closeSharedChromiumPool(): Promise<void> {
  const pool = shared;
  shared = undefined;
  await pool?.close();
}
