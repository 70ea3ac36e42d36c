import { createHmac, randomBytes } from "node:crypto";
import { z } from "zod";
import { type Actor, roleMay } from "../domain/account.js";
import { Language } from "../domain/localizedText.js";
import {
  ChangeType,
  Digest,
  DeliveryStatus,
  SubscriptionRequest,
  SubscriptionScope,
} from "../domain/subscription.js";
import { findUserByEmail } from "../storage/repos/accountRepo.js";
import { findEvent, lockForWriting } from "../storage/repos/eventRepo.js";
import * as repo from "../storage/repos/subscriptionRepo.js";
import { inTransaction } from "../storage/transaction.js";
import { forbidden, invalidRequest, notFound } from "./appError.js";
import type { AppServices } from "./appServices.js";
import { recordAction } from "./audit.js";
import { authorize } from "./authorize.js";
import { sameSecret } from "./credentials.js";
import { isPrivateHost } from "./privateHosts.js";

// Subscriptions: a saved search (or one event, instrument or jurisdiction) with a delivery, kept by the
// account that made it (an admin may keep anyone's; the operator, at the command line, every one).

type Services = Pick<AppServices, "db" | "now" | "obligations" | "baseUrl" | "allowPrivateWebhooks">;

/** A subscription as it is shown: never its secret. */
export const SubscriptionView = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    owner: z.string().describe('The owning account\'s address, or "operator"'),
    scope: SubscriptionScope,
    channel: z.enum(["webhook", "email"]),
    webhook: z.object({ url: z.string() }).strict().nullable(),
    email: z.object({ address: z.string(), digest: Digest }).strict().nullable(),
    lang: z.enum(["zh", "en"]),
    createdAt: z.string(),
    paused: z
      .object({ at: z.string(), reason: z.string() })
      .strict()
      .nullable()
      .describe("Set when deliveries failed for a day; POST …/resume starts them again"),
    deliveries: z
      .object({ pending: z.number().int(), delivered: z.number().int(), failed: z.number().int() })
      .strict(),
    feeds: z
      .object({ atom: z.string(), ics: z.string() })
      .strict()
      .nullable()
      .describe(
        "The same events as Atom and iCalendar, for those who prefer to poll (search and jurisdiction scopes)",
      ),
  })
  .strict();
export type SubscriptionView = z.output<typeof SubscriptionView>;

/** One change owed to a subscription: `id` is the `delivery` its receiver sees on every retry. */
export const DeliveryView = z
  .object({
    id: z.string(),
    change: z
      .object({
        type: ChangeType,
        subject: z
          .string()
          .describe("The event's id (for a correction, the corrected event's), or the instrument's"),
        revision: z
          .number()
          .int()
          .nullable()
          .describe("The event's revision the change made; null for instruments and corrections"),
        at: z.string(),
      })
      .strict(),
    status: DeliveryStatus,
    attempts: z.number().int(),
    lastStatus: z.number().int().nullable().describe("The receiver's last HTTP status, if it answered"),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    nextAttemptAt: z.string().nullable(),
    deliveredAt: z.string().nullable(),
  })
  .strict();
export type DeliveryView = z.output<typeof DeliveryView>;

export const DeliveriesQuery = z
  .object({
    limit: z.coerce
      .number({ message: "expected a whole number" })
      .int("expected a whole number")
      .min(1, "expected at least 1")
      .max(500, "expected at most 500")
      .default(100),
  })
  .strict();

/** Reads a request with a schema: a refusal names its field, as every boundary does. */
export function parseSubscriptionRequest(body: unknown): SubscriptionRequest {
  const result = SubscriptionRequest.safeParse(body);
  if (result.success) return result.data;
  const errors = result.error.issues.map((issue) => ({
    parameter: issue.path.join(".") || "body",
    message: issue.message,
  }));
  throw invalidRequest(errors.map((e) => `${e.parameter}: ${e.message}`).join("; "), errors);
}

const newId = () =>
  `sub-${randomBytes(9)
    .toString("base64url")
    .toLowerCase()
    .replace(/[^a-z0-9]/g, "x")}`;

/** The events' Atom and iCalendar feeds of a scope that is a search (what a poller reads instead). */
function feedsOf(scope: SubscriptionScope, lang: string, baseUrl: string): SubscriptionView["feeds"] {
  const params = new URLSearchParams();
  if (scope.kind === "jurisdiction") params.set("jurisdiction", scope.code);
  else if (scope.kind === "search") {
    const { q, from, to, jurisdiction, type, level, bindingness, tag } = scope.search;
    if (q) params.set("q", q);
    if (from) params.set("from", from);
    if (to) params.set("to", to);
    for (const [key, values] of Object.entries({ jurisdiction, type, level, bindingness, tag }))
      if (values.length) params.set(key, values.join(","));
  } else return null;
  params.set("lang", lang);
  return {
    atom: `${baseUrl}/api/feed.atom?${params}`,
    ics: `${baseUrl}/api/calendar.ics?${params}`,
  };
}

async function present(
  services: Services,
  row: Omit<repo.SubscriptionRow, "after_seq">,
): Promise<SubscriptionView> {
  const counts = await repo.countDeliveries(services.db, row.id);
  const scope = SubscriptionScope.parse(JSON.parse(row.scope));
  return {
    id: row.id,
    name: row.name,
    owner: row.owner_label,
    scope,
    channel: row.channel === "email" ? "email" : "webhook",
    webhook: row.channel === "webhook" && row.webhook_url ? { url: row.webhook_url } : null,
    email:
      row.channel === "email" && row.email ? { address: row.email, digest: Digest.parse(row.digest) } : null,
    lang: Language.catch("en").parse(row.lang),
    createdAt: row.created_at,
    paused: row.paused_at ? { at: row.paused_at, reason: row.paused_reason ?? "" } : null,
    deliveries: {
      pending: counts.pending ?? 0,
      delivered: counts.delivered ?? 0,
      failed: counts.failed ?? 0,
    },
    feeds: feedsOf(scope, row.lang, services.baseUrl()),
  };
}

const isAdmin = (actor: Actor) =>
  actor.kind === "operator" || (actor.kind === "account" && roleMay(actor.role, "administer"));

/** Whom a new subscription belongs to: the one who asks, or (for an admin) the account named. */
async function ownerOf(
  services: Services,
  actor: Exclude<Actor, { kind: "anonymous" }>,
  named: string | undefined,
): Promise<{ id: string | null; label: string; email: string | null }> {
  if (named === undefined || (actor.kind === "account" && named === actor.email)) {
    return actor.kind === "account"
      ? { id: actor.userId, label: actor.email, email: actor.email }
      : { id: null, label: "operator", email: null };
  }
  if (!isAdmin(actor)) throw forbidden("only an admin may subscribe for another account");
  const user = await findUserByEmail(services.db, named);
  if (!user) throw notFound(`owner: no account for ${named}`);
  return { id: user.id, label: user.email, email: user.email };
}

/** A scope's subject must exist: an event or instrument nobody can find would never be delivered. */
async function checkScope(services: Services, scope: SubscriptionScope): Promise<void> {
  if (scope.kind === "event" && !(await findEvent(services.db, scope.id)))
    throw notFound(`scope.id: no event ${JSON.stringify(scope.id)}`);
  if (scope.kind === "instrument" && !services.obligations.instruments.some((i) => i.id === scope.id))
    throw notFound(`scope.id: no instrument ${JSON.stringify(scope.id)}`);
}

/**
 * Subscribes: validate → authorize (any account; an admin for another's) → command (the subscription
 * and its audit entry in one transaction) → present. A webhook to the server's own network (localhost,
 * private addresses) is refused for accounts unless the operator allows it (`allowPrivateWebhooks`):
 * the server would otherwise post to places only it can reach. An e-mail digest goes to the owner's own
 * address unless an admin sets it up: nobody signs a stranger up for mail.
 */
export async function addSubscription(
  services: Services,
  actor: Actor,
  request: SubscriptionRequest,
): Promise<SubscriptionView> {
  authorize(actor, "subscribe");
  const owner = await ownerOf(services, actor, request.owner);
  await checkScope(services, request.scope);
  if (request.webhook && actor.kind !== "operator" && !services.allowPrivateWebhooks) {
    const host = new URL(request.webhook.url).hostname;
    if (isPrivateHost(host))
      throw invalidRequest(`webhook.url: ${host} is on the server's own network; expected a public address`, [
        { parameter: "webhook.url", message: "a private or loopback address" },
      ]);
  }
  if (request.email && !isAdmin(actor) && request.email.address.toLowerCase() !== owner.email)
    throw forbidden(
      `email.address: a digest goes to your own address (${owner.email ?? "none"}) unless an admin sets it up`,
    );
  const now = services.now();
  const row: Omit<repo.SubscriptionRow, "after_seq"> = {
    id: newId(),
    owner_id: owner.id,
    owner_label: owner.label,
    name: request.name || null,
    channel: request.webhook ? "webhook" : "email",
    webhook_url: request.webhook?.url ?? null,
    secret: request.webhook?.secret ?? null,
    email: request.email?.address ?? null,
    digest: request.email?.digest ?? null,
    lang: request.lang,
    scope: JSON.stringify(request.scope),
    created_at: now,
    paused_at: null,
    paused_reason: null,
    removed_at: null,
    last_digest_at: null,
  };
  await inTransaction(services.db, async (trx) => {
    // In turn with writers (who decide under this lock whether anyone is owed their change): a change
    // committed after the subscription is then always in its outbox.
    await lockForWriting(trx);
    await repo.insertSubscription(trx, row);
    await recordAction(trx, actor, "subscription-added", now, row.id, {
      channel: row.channel,
      scope: request.scope.kind,
      owner: owner.label,
    });
  });
  return present(services, row);
}

/** The subscription with this id, if the actor may see it (the owner, an admin, the operator); else 404. */
async function visible(services: Services, actor: Actor, id: string): Promise<repo.SubscriptionRow> {
  authorize(actor, "subscribe");
  const row = await repo.findSubscription(services.db, id);
  const mine = row && actor.kind === "account" && row.owner_id === actor.userId;
  // Someone else's subscription is not said to exist.
  if (!row || row.removed_at !== null || !(mine || isAdmin(actor)))
    throw notFound(`no subscription ${JSON.stringify(id)}`);
  return row;
}

/** The actor's subscriptions (every one for `all` and an admin or the operator), oldest first. */
export async function listSubscriptionViews(
  services: Services,
  actor: Actor,
  options: { all?: boolean } = {},
): Promise<SubscriptionView[]> {
  authorize(actor, "subscribe");
  if (options.all && !isAdmin(actor))
    throw forbidden("listing everyone's subscriptions needs an admin account");
  const rows =
    options.all || actor.kind === "operator"
      ? await repo.listSubscriptions(services.db)
      : await repo.listSubscriptions(services.db, { id: actor.userId });
  return Promise.all(rows.map((row) => present(services, row)));
}

export async function subscriptionDetail(
  services: Services,
  actor: Actor,
  id: string,
): Promise<SubscriptionView> {
  return present(services, await visible(services, actor, id));
}

/** Removes a subscription: it receives nothing more; its row and delivery log stay for the record. */
export async function removeSubscription(services: Services, actor: Actor, id: string): Promise<void> {
  const row = await visible(services, actor, id);
  const now = services.now();
  await inTransaction(services.db, async (trx) => {
    await repo.updateSubscription(trx, row.id, { removed_at: now });
    await recordAction(trx, actor, "subscription-removed", now, row.id);
  });
}

/** Starts a paused subscription again: its given-up deliveries are retried at once. */
export async function resumeSubscription(
  services: Services,
  actor: Actor,
  id: string,
): Promise<SubscriptionView> {
  const row = await visible(services, actor, id);
  const now = services.now();
  await inTransaction(services.db, async (trx) => {
    await repo.updateSubscription(trx, row.id, { paused_at: null, paused_reason: null });
    await repo.requeueFailed(trx, row.id, now);
    await recordAction(trx, actor, "subscription-resumed", now, row.id);
  });
  return subscriptionDetail(services, actor, id);
}

/** A subscription's delivery log, newest change first. */
export async function subscriptionDeliveries(
  services: Services,
  actor: Actor,
  id: string,
  query: z.output<typeof DeliveriesQuery>,
): Promise<DeliveryView[]> {
  const row = await visible(services, actor, id);
  const deliveries = await repo.listDeliveries(services.db, row.id, query.limit);
  const entries = new Map(
    (
      await repo.readOutboxEntries(
        services.db,
        deliveries.map((d) => d.outbox_seq),
      )
    ).map((e) => [e.seq, e]),
  );
  return deliveries.map((delivery) => {
    const entry = entries.get(delivery.outbox_seq);
    return {
      id: delivery.id,
      change: {
        type: ChangeType.catch("event.changed").parse(entry?.type),
        subject: entry?.subject ?? "",
        revision: entry?.revision ?? null,
        at: entry?.at ?? delivery.created_at,
      },
      status: DeliveryStatus.catch("pending").parse(delivery.status),
      attempts: delivery.attempts,
      lastStatus: delivery.last_status,
      lastError: delivery.last_error,
      createdAt: delivery.created_at,
      nextAttemptAt: delivery.status === "pending" ? delivery.next_attempt_at : null,
      deliveredAt: delivery.delivered_at,
    };
  });
}

// Unsubscribing from an e-mail without signing in: the link carries an HMAC of the subscription's id,
// keyed with a secret kept in the database (so that every server makes and accepts the same links).

/** The token of a subscription's unsubscribe link. */
export async function unsubscribeToken(services: Pick<AppServices, "db">, id: string): Promise<string> {
  const key = await repo.tokenKey(services.db, randomBytes(32).toString("hex"));
  return createHmac("sha256", key).update(`unsubscribe:${id}`).digest("base64url");
}

/** The page a digest links for unsubscribing. */
export async function unsubscribeUrl(
  services: Pick<AppServices, "db" | "baseUrl">,
  id: string,
  lang: string,
) {
  const params = new URLSearchParams({ s: id, t: await unsubscribeToken(services, id), lang });
  return `${services.baseUrl()}/unsubscribe?${params}`;
}

/**
 * Removes the subscription a signed unsubscribe link names, without a sign-in: the token proves the link
 * came from one of its digests. A wrong token is refused as if the subscription did not exist.
 */
export async function unsubscribeWithToken(
  services: Pick<AppServices, "db" | "now">,
  actor: Actor,
  id: string,
  token: string,
): Promise<{ id: string; alreadyRemoved: boolean }> {
  const row = await repo.findSubscription(services.db, id);
  if (!row || !sameSecret(token, await unsubscribeToken(services, id)))
    throw notFound("this unsubscribe link is not one aigov sent, or it was cut short");
  if (row.removed_at) return { id, alreadyRemoved: true };
  const now = services.now();
  await inTransaction(services.db, async (trx) => {
    await repo.updateSubscription(trx, row.id, { removed_at: now });
    await recordAction(trx, actor, "subscription-removed", now, row.id, { via: "unsubscribe link" });
  });
  return { id, alreadyRemoved: false };
}
