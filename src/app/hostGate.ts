/** Waits `ms` milliseconds (tests give a gate their own clock and sleep to measure it). */
export type Sleep = (ms: number) => Promise<void>;

const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Politeness towards the servers aigov checks: one request at a time per host (its name and port), and
 * at least `delayMs` between the end of one request to a host and the start of the next, while requests
 * to different hosts go on side by side. Every request of a link check goes through it, redirects to
 * another host and the GET after a refused HEAD included.
 */
export class HostGate {
  /** Per host, the end of the last queued request: the next one starts after it. */
  private readonly queues = new Map<string, Promise<void>>();
  private readonly lastEnded = new Map<string, number>();

  constructor(
    private readonly delayMs: number,
    private readonly sleep: Sleep = realSleep,
    private readonly now: () => number = Date.now,
  ) {}

  /** Runs `request` when the host's turn comes, and frees the host when it ends (or fails). */
  run<T>(host: string, request: () => Promise<T>): Promise<T> {
    const before = this.queues.get(host) ?? Promise.resolve();
    const turn = before.then(async () => {
      const last = this.lastEnded.get(host);
      const wait = last === undefined ? 0 : last + this.delayMs - this.now();
      if (wait > 0) await this.sleep(wait);
      try {
        return await request();
      } finally {
        this.lastEnded.set(host, this.now());
      }
    });
    const settled = turn.then(
      () => undefined,
      () => undefined,
    );
    this.queues.set(host, settled);
    // A host's queue is dropped once its last request is done, so a long run keeps no map of every host.
    void settled.then(() => {
      if (this.queues.get(host) === settled) this.queues.delete(host);
    });
    return turn;
  }
}
