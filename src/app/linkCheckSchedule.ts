import { leaseLastFinished } from "../storage/repos/linkRepo.js";
import { AppError } from "./appError.js";
import {
  checkLinks,
  type LinkCheckContext,
  type LinkCheckOptions,
  type LinkCheckSummary,
} from "./checkLinks.js";

/** A server's link checks on a timer (`aigov serve --check-links-every HOURS`). */
export interface LinkCheckScheduleSettings {
  everyMs: number;
  /** How long after the start the first look is taken (default one minute: the server starts first). */
  firstAfterMs?: number;
  options?: LinkCheckOptions;
  /** After each run that this server made, with what it found. */
  onChecked(summary: LinkCheckSummary): void;
  onError(error: Error): void;
}

/** setTimeout takes at most 2^31-1 ms (about 24.8 days); a longer wait is cut to that and looked at again. */
const LONGEST_TIMER = 2 ** 31 - 1;

/**
 * Runs link checks every `everyMs`, one at a time, for as long as the server runs. The interval is
 * counted from the last check that ran to its end on this database, by any server (the lease records
 * it): a restart does not start a check made an hour ago again, and of several servers on one
 * PostgreSQL database one checks while the others find the lease held and look again later.
 */
export function scheduleLinkChecks(
  context: LinkCheckContext,
  settings: LinkCheckScheduleSettings,
): { stop(): Promise<void> } {
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;

  const later = (ms: number) => {
    if (abort.signal.aborted) return;
    timer = setTimeout(
      () => {
        running = look().finally(() => {
          running = null;
        });
      },
      Math.min(Math.max(ms, 0), LONGEST_TIMER),
    );
    // The timer alone does not keep a process alive (the server does).
    timer.unref();
  };

  const look = async () => {
    try {
      const last = await leaseLastFinished(context.db, "links");
      const due = last ? Date.parse(last) + settings.everyMs : 0;
      const now = Date.parse(context.now());
      if (now < due) return later(due - now);
      const summary = await checkLinks(context, settings.options, { signal: abort.signal });
      if (!abort.signal.aborted) settings.onChecked(summary);
      later(settings.everyMs);
    } catch (error) {
      // Another server (or `aigov links check`) is checking: look again once it may have finished.
      if (!(error instanceof AppError && error.kind === "conflict")) settings.onError(error as Error);
      later(Math.min(settings.everyMs, 10 * 60_000));
    }
  };

  later(settings.firstAfterMs ?? 60_000);
  return {
    async stop() {
      abort.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
