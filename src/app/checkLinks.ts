import { addMs } from "../domain/instant.js";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { FAILING_OUTCOMES, type LinkOutcome, type LinkState, nextLinkState } from "../domain/linkStatus.js";
import type { ObligationsData } from "../reference/obligationsData.js";
import type { Database } from "../storage/database.js";
import {
  type LinkCitation,
  failingLinkUrls,
  forgetUncitedLinks,
  readLinkStates,
  releaseLease,
  replaceLinkCitations,
  takeLease,
  writeLinkState,
} from "../storage/repos/linkRepo.js";
import { AppError, invalidRequest, unavailable } from "./appError.js";
import { gatherCitedLinks } from "./citedLinks.js";
import { HostGate, type Sleep } from "./hostGate.js";
import { probeLink } from "./linkProbe.js";

/** The limits of a link check; the defaults are what a polite checker of other people's sites uses. */
export const LinkCheckOptions = z
  .object({
    /** Per request: how long to wait for an answer's headers. */
    timeoutMs: z.number().int().min(1).max(600_000).default(15_000),
    /** Between the end of one request to a host and the start of the next. */
    perHostDelayMs: z.number().int().min(0).max(600_000).default(1_000),
    /** How many hosts are checked at the same time (each host is asked one request at a time). */
    concurrency: z.number().int().min(1).max(64).default(8),
    maxRedirects: z.number().int().min(0).max(50).default(10),
    /** Check again only the links whose last check failed (broken or unreachable). */
    onlyFailing: z.boolean().default(false),
    /** Whose URLs: the stored events' sources, the reference data's (instruments and duties), or both. */
    scope: z.enum(["all", "events", "reference"]).default("all"),
  })
  .strict();
export type LinkCheckOptions = z.input<typeof LinkCheckOptions>;

/** What a link check needs: the database, the reference data whose URLs it checks too, and the clock. */
export interface LinkCheckContext {
  db: Database;
  obligations: Pick<ObligationsData, "instruments" | "obligations">;
  now(): string;
}

/** What a run can be given besides its options: a progress callback, and a sleep for the tests' clocks. */
export interface LinkCheckHooks {
  onProgress?(done: number, total: number): void;
  sleep?: Sleep;
  /** Who holds the lease during the run (default: a random id for this run). */
  holder?: string;
  /** How long the lease lasts before it must be renewed (default 10 minutes). */
  leaseMs?: number;
  /** Ends the run early (a server shutting down): the links checked so far stay recorded. */
  signal?: AbortSignal;
}

/** What a run found: how many URLs were checked and of each outcome, and how many were not http(s). */
export const LinkCheckSummary = z
  .object({
    checked: z.number().int(),
    ok: z.number().int(),
    broken: z.number().int(),
    unreachable: z.number().int(),
    blocked: z.number().int(),
    skipped: z.number().int(),
    startedAt: z.string(),
    finishedAt: z.string(),
  })
  .strict();
export type LinkCheckSummary = z.infer<typeof LinkCheckSummary>;

/** Unanswered links in a run where nothing answered, from which the checker is taken to be offline. */
const OFFLINE_AFTER = 3;

/** The lease's name: one link check at a time per database. */
const LEASE = "links";

/** The User-Agent of the checker, so that a site's operator sees who asks and why. */
export const LINK_CHECKER_USER_AGENT =
  "aigov-link-checker/0.1 (checks that the sources an AI-governance archive cites still work)";

/**
 * Checks every cited URL once (or only the failing ones) and records what it found, URL by URL, so that
 * an interrupted run keeps what it checked. Hosts are checked side by side (up to `concurrency`), each
 * politely (HostGate). One run at a time per database: a lease in the database, renewed as the run goes,
 * keeps a second run (another server's timer, a second `aigov links check`) from starting; it is refused
 * as a conflict.
 */
export async function checkLinks(
  context: LinkCheckContext,
  options: LinkCheckOptions = {},
  hooks: LinkCheckHooks = {},
): Promise<LinkCheckSummary> {
  const parsed = LinkCheckOptions.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidRequest(`${issue?.path.join(".")}: ${issue?.message}`);
  }
  const settings = parsed.data;
  const { db } = context;
  const holder = hooks.holder ?? randomUUID();
  const leaseMs = hooks.leaseMs ?? 10 * 60_000;
  const startedAt = context.now();
  if (!(await takeLease(db, LEASE, holder, startedAt, addMs(startedAt, leaseMs))))
    throw new AppError(
      "conflict",
      "another link check is running on this database; try again when it is done",
    );
  let leaseRenewedAt = Date.now();
  let finished = false;
  try {
    const kinds: LinkCitation["kind"][] =
      settings.scope === "all"
        ? ["event", "instrument"]
        : settings.scope === "events"
          ? ["event"]
          : ["instrument"];
    const cited = await gatherCitedLinks(db, context.obligations, startedAt.slice(0, 10), kinds);
    // Who cites what is replaced for the kinds gathered; the other kind's citations (and links) stay.
    await replaceLinkCitations(
      db,
      [...cited.links.values()].flatMap((entry) => entry.citations),
      kinds,
    );
    await forgetUncitedLinks(db);
    const urls = settings.onlyFailing
      ? (await failingLinkUrls(db, FAILING_OUTCOMES)).filter((url) => cited.links.has(url))
      : [...cited.links.keys()].sort();
    const previous = await readLinkStates(db, urls);

    // Each host's URLs in one queue; `concurrency` workers take a host's whole queue at a time.
    const byHost = new Map<string, string[]>();
    for (const url of urls) {
      const host = new URL(url).host;
      byHost.set(host, [...(byHost.get(host) ?? []), url]);
    }
    const queues = [...byHost.values()];
    const gate = new HostGate(settings.perHostDelayMs, hooks.sleep);
    const counts: Record<LinkOutcome, number> = { ok: 0, broken: 0, unreachable: 0, blocked: 0 };
    // Links that got no answer are written last, and only if some link answered: a run in which
    // nothing answers says the checker is offline, not that every source died.
    const unanswered: LinkState[] = [];
    let done = 0;
    let leaseLost = false;
    const worker = async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift())
        for (const url of queue) {
          if (hooks.signal?.aborted || leaseLost) return;
          const finding = await probeLink(url, { ...settings, userAgent: LINK_CHECKER_USER_AGENT, gate });
          const firstCitedOn = cited.links.get(url)?.firstCitedOn ?? startedAt.slice(0, 10);
          const state = nextLinkState(previous.get(url) ?? null, finding, context.now(), firstCitedOn);
          if (finding.outcome === "unreachable") unanswered.push({ ...state, url });
          else await writeLinkState(db, { ...state, url });
          counts[finding.outcome]++;
          done++;
          hooks.onProgress?.(done, urls.length);
          // The lease outlives the run only if the process dies; a long run renews it half-way through each.
          if (Date.now() - leaseRenewedAt > leaseMs / 2) {
            leaseRenewedAt = Date.now();
            const now = context.now();
            // Lost (a stall outlasted it, and another check took over): this one stops, not both run.
            if (!(await takeLease(db, LEASE, holder, now, addMs(now, leaseMs)))) leaseLost = true;
          }
        }
    };
    await Promise.all(Array.from({ length: Math.min(settings.concurrency, queues.length) }, worker));
    if (leaseLost)
      throw new AppError(
        "conflict",
        `the link check stopped after ${done} of ${urls.length} links: another check took over its lease`,
      );
    const answered = counts.ok + counts.broken + counts.blocked;
    if (answered === 0 && unanswered.length >= OFFLINE_AFTER)
      throw unavailable(
        `none of the ${unanswered.length} links checked answered (${unanswered[0]?.error}): this machine seems to have no network; nothing was recorded`,
      );
    for (const state of unanswered) await writeLinkState(db, state);
    finished = hooks.signal?.aborted !== true;
    return { checked: urls.length, ...counts, skipped: cited.skipped, startedAt, finishedAt: context.now() };
  } finally {
    await releaseLease(db, LEASE, holder, finished ? context.now() : undefined);
  }
}
