import { createHmac, randomUUID } from "node:crypto";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { operator } from "../domain/account.js";
import { addMs } from "../domain/instant.js";
import { Language } from "../domain/localizedText.js";
import { ChangeType, DIGEST_PERIOD_MS, Digest } from "../domain/subscription.js";
import { findEvents } from "../storage/repos/eventRepo.js";
import { parseBody } from "../storage/repos/storedEvent.js";
import * as repo from "../storage/repos/subscriptionRepo.js";
import { inTransaction } from "../storage/transaction.js";
import type { AppServices } from "./appServices.js";
import { recordAction } from "./audit.js";
import {
  composeDigest,
  composePausedNotice,
  type DigestItem,
  eventPage,
  instrumentPage,
} from "./emailDigest.js";
import type { Mailer } from "./mailer.js";
import { type ChangedVersions, matchChanges } from "./subscriptionMatch.js";
import { isPrivateHost } from "./privateHosts.js";
import { unsubscribeUrl } from "./subscriptions.js";

// Delivering what subscriptions are owed, at least once: the outbox entries (written with each change)
// are fanned out to the subscriptions they match, and each delivery is then attempted until it succeeds
// or a day has passed. Every step is a short transaction on the shared database, so any number of
// servers can run it side by side: the fan-out takes turns on its cursor, and each attempt is leased to
// one server.

type Services = Pick<AppServices, "db" | "now" | "obligations" | "baseUrl" | "allowPrivateWebhooks">;

export interface DeliveryOptions {
  /** How webhooks are posted (default: the global fetch). */
  fetch?: typeof fetch;
  /** Where e-mail goes; without one, e-mail deliveries wait (and say so on the subscription's page). */
  mailer?: Mailer | null;
  /** The wait before the first retry; each next wait is twice as long, at most an hour (default 1 s). */
  retryBaseMs?: number;
  /** How long a change is retried before it is given up and its subscription paused (default 24 h). */
  giveUpAfterMs?: number;
  /** How long a receiver may take to answer one POST (default 10 s). */
  timeoutMs?: number;
  /**
   * How long a server holds the deliveries it is attempting (default 60 s): a server killed meanwhile
   * leaves them to the others once it runs out. Longer than the attempts of one round should take.
   */
  leaseMs?: number;
}

const HOUR = 3600_000;
const DEFAULTS = { retryBaseMs: 1000, giveUpAfterMs: 24 * HOUR, timeoutMs: 10_000, leaseMs: 60_000 };
/**
 * Outbox entries fanned out per transaction (one small index of their versions is built for the lot:
 * 1,000 a batch fan out 20,000 changes to 5 subscriptions in 3.3 s, 200 a batch in 5.1 s; npm run bench
 * -- deliveries), and deliveries leased per round.
 */
const FAN_OUT_BATCH = 1000;
const LEASE_BATCH = 200;
/** Names the sender, so that a receiver can tell aigov's posts in its logs. */
const USER_AGENT = "aigov-webhooks/1";

/** The wait before attempt `attempts + 1`, after `attempts` failed ones: 1 s, 2 s, 4 s, … an hour. */
export function retryDelay(attempts: number, baseMs: number): number {
  return Math.min(HOUR, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** The hex HMAC-SHA256 of a body, as the `aigov-signature` header carries it (`sha256=<hex>`). */
export function signatureOf(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body, "utf8").digest("hex")}`;
}

/**
 * Fans new outbox entries out to the subscriptions they match, one batch per transaction: a delivery
 * per subscription and change (never twice: the pair is unique), for subscriptions that existed when the
 * change was made. Returns how many entries it read (0 once it has caught up).
 */
export async function fanOut(services: Services): Promise<number> {
  return inTransaction(services.db, async (trx) => {
    const cursor = await repo.lockFanOutCursor(trx);
    const entries = await repo.readOutbox(trx, cursor, FAN_OUT_BATCH);
    const last = entries.at(-1);
    if (!last) return 0;
    const bodies = await repo.eventBodiesAt(
      trx,
      entries.flatMap((entry) =>
        entry.revision === null
          ? []
          : entry.type === "event.changed"
            ? [
                { id: entry.subject, revision: entry.revision },
                { id: entry.subject, revision: entry.revision - 1 },
              ]
            : [{ id: entry.subject, revision: entry.revision }],
      ),
    );
    const version = (id: string, revision: number | null) => {
      const found = revision === null ? undefined : bodies.get(`${id}@${revision}`);
      return found ? parseBody(found) : null;
    };
    const corrected = new Map(
      (
        await findEvents(
          trx,
          entries.filter((entry) => entry.type.startsWith("correction.")).map((entry) => entry.subject),
        )
      ).map((event) => [event.id, event]),
    );
    const instruments = new Map(services.obligations.instruments.map((i) => [i.id, i]));
    const changes: ChangedVersions[] = entries.map((entry) =>
      entry.type === "instrument.changed"
        ? { subject: entry.subject, before: null, after: null, instrument: instruments.get(entry.subject) }
        : entry.type.startsWith("correction.")
          ? // A correction is news to whoever follows the event it corrects, as it is now.
            { subject: entry.subject, before: null, after: corrected.get(entry.subject) ?? null }
          : {
              subject: entry.subject,
              before:
                entry.type === "event.changed"
                  ? version(entry.subject, (entry.revision ?? 1) - 1)
                  : entry.type === "event.removed"
                    ? version(entry.subject, entry.revision)
                    : null,
              after: entry.type === "event.removed" ? null : version(entry.subject, entry.revision),
            },
    );
    const subscriptions = await repo.owedSubscriptions(trx);
    const owed = matchChanges(changes, subscriptions, services.obligations.instruments);
    const now = services.now();
    const rows = subscriptions.flatMap((subscription) =>
      (owed.get(subscription.id) ?? [])
        .map((at) => entries[at] as repo.OutboxRow)
        // A change written before the subscription was made is not news to it.
        .filter((entry) => entry.seq > Number(subscription.after_seq))
        .map((entry) => ({
          id: randomUUID(),
          subscription_id: subscription.id,
          outbox_seq: entry.seq,
          status: "pending",
          next_attempt_at: now,
          lease_until: null,
          last_status: null,
          last_error: null,
          created_at: now,
          first_attempt_at: null,
          delivered_at: null,
        })),
    );
    await repo.insertDeliveries(trx, rows);
    await repo.writeFanOutCursor(trx, last.seq);
    return entries.length;
  });
}

/**
 * What a delivery is about: its outbox entry and the event's version it announces (for a correction: the
 * corrected event as it is now), or the instrument as the services hold it.
 */
async function loadChanges(services: Services, deliveries: readonly repo.DeliveryRow[]) {
  const entries = new Map(
    (await repo.readOutboxEntries(services.db, [...new Set(deliveries.map((d) => d.outbox_seq))])).map(
      (e) => [e.seq, e],
    ),
  );
  const bodies = await repo.eventBodiesAt(
    services.db,
    [...entries.values()].flatMap((e) =>
      e.revision === null ? [] : [{ id: e.subject, revision: e.revision }],
    ),
  );
  const corrected = new Map(
    (
      await findEvents(
        services.db,
        [...entries.values()].filter((e) => e.type.startsWith("correction.")).map((e) => e.subject),
      )
    ).map((event) => [event.id, event]),
  );
  const instruments = new Map(services.obligations.instruments.map((i) => [i.id, i]));
  return (delivery: repo.DeliveryRow): DigestItem | null => {
    const entry = entries.get(delivery.outbox_seq);
    if (!entry) return null;
    const type = ChangeType.catch("event.changed").parse(entry.type);
    const changes = entry.detail === null ? undefined : (JSON.parse(entry.detail) as unknown);
    if (type === "instrument.changed") {
      const instrument = instruments.get(entry.subject);
      return instrument ? { type, instrument, changes, revision: null, at: entry.at } : null;
    }
    if (type.startsWith("correction.")) {
      const event = corrected.get(entry.subject);
      return event ? { type, event, changes, revision: null, at: entry.at } : null;
    }
    const stored = bodies.get(`${entry.subject}@${entry.revision}`);
    return stored ? { type, event: parseBody(stored), revision: entry.revision, at: entry.at } : null;
  };
}

/** The JSON a webhook receives for one change. */
export function webhookPayload(
  subscription: string,
  delivery: string,
  change: DigestItem,
  baseUrl: string,
  lang: string,
): string {
  return JSON.stringify({
    type: change.type,
    subscription,
    delivery,
    at: change.at,
    revision: change.revision,
    ...(change.instrument
      ? {
          instrument: change.instrument,
          changes: change.changes,
          url: instrumentPage(change.instrument, baseUrl, lang),
        }
      : {
          event: change.event,
          ...(change.changes === undefined ? {} : { changes: change.changes }),
          url: eventPage(change.event, baseUrl, lang),
        }),
  });
}

/**
 * Records a failed attempt: the next one after a doubling wait, or, once the change has been tried for
 * `giveUpAfterMs`, the delivery given up and its subscription paused (its owner told, where mail can
 * reach them). Returns whether it gave up.
 */
async function attemptFailed(
  services: Services,
  options: Required<Omit<DeliveryOptions, "fetch" | "mailer">> & { mailer: Mailer | null },
  subscription: repo.SubscriptionRow,
  deliveries: readonly repo.DeliveryRow[],
  failure: { status: number | null; error: string },
): Promise<string> {
  const now = services.now();
  const first = deliveries.reduce(
    (earliest, d) => (d.first_attempt_at && d.first_attempt_at < earliest ? d.first_attempt_at : earliest),
    now,
  );
  const attempts = Math.max(...deliveries.map((d) => d.attempts)) + 1;
  const givingUp = Date.parse(now) - Date.parse(first) >= options.giveUpAfterMs;
  const reason = failure.status === null ? failure.error : `HTTP ${failure.status}`;
  const next = addMs(now, retryDelay(attempts, options.retryBaseMs));
  await inTransaction(services.db, async (trx) => {
    for (const delivery of deliveries)
      await repo.updateDeliveries(trx, [delivery.id], {
        attempts: delivery.attempts + 1,
        first_attempt_at: delivery.first_attempt_at ?? now,
        last_status: failure.status,
        last_error: failure.error.slice(0, 500),
        lease_until: null,
        status: givingUp ? "failed" : "pending",
        next_attempt_at: next,
      });
    if (givingUp && subscription.paused_at === null) {
      await repo.updateSubscription(trx, subscription.id, { paused_at: now, paused_reason: reason });
      await recordAction(trx, operator(null), "subscription-paused", now, subscription.id, { reason });
    }
  });
  if (givingUp && subscription.paused_at === null && options.mailer) {
    const to = await repo.ownerEmail(services.db, subscription.owner_id);
    if (to)
      await options.mailer
        .send(
          composePausedNotice({
            to,
            name: subscription.name,
            lang: Language.catch("en").parse(subscription.lang),
            reason,
            baseUrl: services.baseUrl(),
          }),
        )
        .catch(() => undefined);
  }
  return next;
}

/**
 * Why a webhook may not be posted to now: an account's webhook whose host resolves to the server's own
 * network (the address was checked when it was made, but a name can point anywhere later). The
 * operator's subscriptions, and servers configured with allowPrivateWebhooks, may post anywhere.
 */
async function privateTarget(
  services: Services,
  subscription: repo.SubscriptionRow,
): Promise<{ status: null; error: string } | null> {
  if (services.allowPrivateWebhooks || subscription.owner_id === null || !subscription.webhook_url)
    return null;
  const host = new URL(subscription.webhook_url).hostname;
  const addresses = isIP(host.replace(/^\[|\]$/g, ""))
    ? [host]
    : await lookup(host, { all: true }).then(
        (found) => found.map((a) => a.address),
        () => [],
      );
  const inside = [host, ...addresses].find(isPrivateHost);
  return inside
    ? { status: null, error: `${host} resolves to ${inside}, an address on the server's own network` }
    : null;
}

/** Posts one change to a webhook: its answer's status, or null and why when nothing answered. */
async function post(
  url: string,
  body: string,
  secret: string,
  delivery: string,
  doFetch: typeof fetch,
  timeoutMs: number,
): Promise<{ status: number | null; error: string }> {
  try {
    const response = await doFetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "aigov-signature": signatureOf(body, secret),
        "aigov-delivery": delivery,
      },
      body,
      // A redirect is not a delivery: the receiver should be configured at its final address.
      redirect: "manual",
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, error: response.ok ? "" : `the receiver answered ${response.status}` };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return {
      status: null,
      error: cause ? `${(error as Error).message} (${cause})` : (error as Error).message,
    };
  }
}

/** Attempts every webhook delivery that is due: each subscription's in the order of its changes. */
export async function deliverWebhooks(services: Services, options: DeliveryOptions = {}): Promise<number> {
  const settings = { ...DEFAULTS, ...options, mailer: options.mailer ?? null };
  const doFetch = options.fetch ?? fetch;
  const now = services.now();
  // Leased for longer than a round's attempts should take, so that no other server makes them meanwhile
  // (should one outlast its lease, a receiver may see a change twice, with the same delivery id).
  const leased = await repo.leaseDueDeliveries(
    services.db,
    "webhook",
    now,
    addMs(now, settings.leaseMs),
    LEASE_BATCH,
  );
  if (leased.length === 0) return 0;
  const changeOf = await loadChanges(services, leased);
  const bySubscription = new Map<string, repo.DeliveryRow[]>();
  for (const delivery of leased)
    bySubscription.set(delivery.subscription_id, [
      ...(bySubscription.get(delivery.subscription_id) ?? []),
      delivery,
    ]);
  let delivered = 0;
  // At most this many attempts per subscription in one round: they are made one after the other, and
  // must end within the lease (a slow receiver leaves the rest to the next round, still in order).
  const perSubscription = Math.max(1, Math.floor(settings.leaseMs / settings.timeoutMs) - 1);
  await Promise.all(
    [...bySubscription].map(async ([id, all]) => {
      const deliveries = all.slice(0, perSubscription);
      await repo.updateDeliveries(
        services.db,
        all.slice(perSubscription).map((d) => d.id),
        { lease_until: null },
      );
      const subscription = await repo.findSubscription(services.db, id);
      // Removed or paused since the lease was taken: nothing more is posted.
      const stopped =
        !subscription?.webhook_url ||
        !subscription.secret ||
        subscription.removed_at ||
        subscription.paused_at;
      const refusal = stopped ? null : await privateTarget(services, subscription);
      for (const delivery of deliveries) {
        const change = changeOf(delivery);
        if (stopped || !subscription?.webhook_url || !subscription.secret || !change) {
          await repo.updateDeliveries(services.db, [delivery.id], { lease_until: null });
          continue;
        }
        const body = webhookPayload(id, delivery.id, change, services.baseUrl(), subscription.lang);
        const result =
          refusal ??
          (await post(
            subscription.webhook_url,
            body,
            subscription.secret,
            delivery.id,
            doFetch,
            settings.timeoutMs,
          ));
        if (result.status !== null && result.status >= 200 && result.status < 300) {
          await repo.updateDeliveries(services.db, [delivery.id], {
            status: "delivered",
            attempts: delivery.attempts + 1,
            first_attempt_at: delivery.first_attempt_at ?? services.now(),
            delivered_at: services.now(),
            last_status: result.status,
            last_error: null,
            lease_until: null,
          });
          delivered++;
          continue;
        }
        // The later ones wait with this one (a receiver that is down would fail them too), due when it is
        // next tried: the order of a subscription's changes is kept.
        const next = await attemptFailed(services, settings, subscription, [delivery], result);
        await repo.holdLaterDeliveries(services.db, id, delivery.outbox_seq, next);
        break;
      }
    }),
  );
  return delivered;
}

/** Whether an e-mail subscription's digest is due: at once, or a day (a week) after the last one. */
function digestDue(subscription: repo.SubscriptionRow, now: string): boolean {
  const digest = Digest.catch("daily").parse(subscription.digest);
  const since = subscription.last_digest_at ?? subscription.created_at;
  return Date.parse(now) >= Date.parse(since) + DIGEST_PERIOD_MS[digest];
}

/** Sends every digest that is due: one e-mail per subscription with all the changes it has pending. */
export async function deliverDigests(services: Services, options: DeliveryOptions = {}): Promise<number> {
  const mailer = options.mailer;
  if (!mailer) return 0;
  const settings = { ...DEFAULTS, ...options, mailer };
  let sent = 0;
  for (const subscription of await repo.activeSubscriptions(services.db)) {
    if (subscription.channel !== "email" || !subscription.email) continue;
    const now = services.now();
    if (!digestDue(subscription, now)) continue;
    const leased = await repo.leaseSubscriptionDeliveries(
      services.db,
      subscription.id,
      now,
      addMs(now, settings.leaseMs),
    );
    if (leased.length === 0) continue;
    const changeOf = await loadChanges(services, leased);
    const items = leased.flatMap((delivery) => {
      const change = changeOf(delivery);
      return change ? [change] : [];
    });
    const lang = Language.catch("en").parse(subscription.lang);
    try {
      await mailer.send(
        composeDigest({
          to: subscription.email,
          name: subscription.name,
          lang,
          digest: Digest.catch("daily").parse(subscription.digest),
          items,
          baseUrl: services.baseUrl(),
          unsubscribeUrl: await unsubscribeUrl(services, subscription.id, lang),
        }),
      );
    } catch (error) {
      await attemptFailed(services, settings, subscription, leased, {
        status: null,
        error: (error as Error).message,
      });
      continue;
    }
    const at = services.now();
    await inTransaction(services.db, async (trx) => {
      for (const delivery of leased)
        await repo.updateDeliveries(trx, [delivery.id], {
          status: "delivered",
          attempts: delivery.attempts + 1,
          first_attempt_at: delivery.first_attempt_at ?? at,
          delivered_at: at,
          last_error: null,
          lease_until: null,
        });
      await repo.updateSubscription(trx, subscription.id, { last_digest_at: at });
    });
    sent++;
  }
  return sent;
}

/** One round of the worker: fan out everything new, then attempt what is due. */
export async function deliverDue(
  services: Services,
  options: DeliveryOptions = {},
): Promise<{ webhooks: number; digests: number }> {
  let webhooks = 0;
  if (await repo.workWaiting(services.db, services.now())) {
    while ((await fanOut(services)) > 0);
    webhooks = await deliverWebhooks(services, options);
  }
  const digests = await deliverDigests(services, options);
  return { webhooks, digests };
}

/** A delivery worker running in a server: a round every `intervalMs`, and at once when woken. */
export interface DeliveryWorker {
  /** Asks for a round now (a change was just written, by this server or another). */
  wake(): void;
  /** Waits for the round in progress, then stops. */
  stop(): Promise<void>;
}

export function startDeliveryWorker(
  services: Services,
  options: DeliveryOptions & { intervalMs?: number; onError?: (error: Error) => void } = {},
): DeliveryWorker {
  const interval = options.intervalMs ?? 1000;
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  const round = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    running = deliverDue(services, options)
      .then(() => undefined)
      .catch((error: Error) => options.onError?.(error))
      .finally(() => {
        running = null;
        if (stopped) return;
        if (again) {
          again = false;
          setImmediate(round);
        } else {
          timer = setTimeout(round, interval);
          timer.unref();
        }
      });
  };
  setImmediate(round);
  return {
    wake: () => round(),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
