import { z } from "zod";
import {
  addSubscription,
  DeliveriesQuery,
  DeliveryView,
  listSubscriptionViews,
  parseSubscriptionRequest,
  removeSubscription,
  resumeSubscription,
  subscriptionDeliveries,
  subscriptionDetail,
  SubscriptionView,
} from "../../app/subscriptions.js";
import { SubscriptionRequest } from "../../domain/subscription.js";
import { type Answer, defineEndpoint, type Endpoint, jsonAnswer, problemAnswer } from "../endpoint.js";
import { jsonBodyLimit, readJsonBody } from "../jsonBody.js";
import { requestActor } from "../requestActor.js";

/** A subscription belongs to its owner: no cache keeps one for anybody else. */
const PRIVATE = { "cache-control": "private, no-store" };
const MAX_SUBSCRIPTION_BYTES = 16 * 1024;

const subscription = jsonAnswer("The subscription (its secret is never shown)", SubscriptionView);
const subscriptions = jsonAnswer(
  "Subscriptions, oldest first",
  z.object({ subscriptions: z.array(SubscriptionView) }).strict(),
);
const deliveries = jsonAnswer(
  "The delivery log, newest change first",
  z.object({ deliveries: z.array(DeliveryView) }).strict(),
);
const AUTH: Record<number, Answer> = {
  401: problemAnswer("No API token, or one that is unknown, revoked, or whose account is disabled"),
};
const NOT_FOUND = problemAnswer("No subscription of yours has this id");
const SubscriptionId = z.object({ id: z.string() });
const ListQuery = z.object({ all: z.enum(["true", "false"]).optional() }).strict();

/**
 * The subscriptions of the account whose token asks (an admin may ask for everyone's with all=true):
 * create, list, read, remove, resume after a pause, and the delivery log of each.
 */
export const subscriptionRoutes: Endpoint[] = [
  defineEndpoint({
    method: "post",
    path: "/api/subscriptions",
    summary: "Subscribe to a saved search, an event, an instrument or a jurisdiction, by webhook or e-mail",
    description: `The body: { scope, webhook: { url, secret } | email: { address, digest }, lang, name, owner }. scope is { kind: "search", search: { q, from, to, jurisdiction, type, level, bindingness, tag } }, { kind: "event", id }, { kind: "instrument", id } or { kind: "jurisdiction", code }. Every published change that matches is POSTed to the webhook as JSON { type, subscription, delivery, at, revision, event, url } with the header aigov-signature: sha256=<hex HMAC-SHA256 of the raw body keyed with the secret>, retried with doubling waits for 24 hours (delivery is the same on every retry); or collected into an e-mail digest sent immediately, daily or weekly. At most ${MAX_SUBSCRIPTION_BYTES / 1024} KB of JSON.`,
    security: "bearer",
    body: { content: { "application/json": SubscriptionRequest } },
    responses: {
      201: { ...subscription, description: "The subscription" },
      400: problemAnswer("A bad field (which and why), or a webhook on a private address"),
      ...AUTH,
      403: problemAnswer(
        "A digest to another address, or a subscription for another account, by a non-admin",
      ),
      404: problemAnswer("The scope's event or instrument, or the owner's account, does not exist"),
    },
    middleware: [jsonBodyLimit(MAX_SUBSCRIPTION_BYTES)],
    handler: async ({ c, deps: { services } }) => {
      const actor = await requestActor(c, services);
      const request = parseSubscriptionRequest(await readJsonBody(c));
      const made = await addSubscription(services, actor, request);
      return subscription.send(c, made, { ...PRIVATE, location: `/api/subscriptions/${made.id}` }, 201);
    },
  }),
  defineEndpoint({
    method: "get",
    path: "/api/subscriptions",
    summary: "Your subscriptions (everyone's for an admin with all=true)",
    security: "bearer",
    query: ListQuery,
    parameterDescriptions: { all: "true: every account's subscriptions (admins)." },
    responses: {
      200: subscriptions,
      400: problemAnswer("A bad parameter: which one and why, as an RFC 9457 problem document."),
      ...AUTH,
      403: problemAnswer("all=true by a non-admin"),
    },
    handler: async ({ c, query, deps: { services } }) => {
      const actor = await requestActor(c, services);
      const list = await listSubscriptionViews(services, actor, { all: query.all === "true" });
      return subscriptions.send(c, { subscriptions: list }, PRIVATE);
    },
  }),
  defineEndpoint({
    method: "get",
    path: "/api/subscriptions/{id}",
    summary: "One subscription, with its counts of pending, delivered and failed deliveries",
    security: "bearer",
    params: SubscriptionId,
    responses: { 200: subscription, ...AUTH, 404: NOT_FOUND },
    handler: async ({ c, params, deps: { services } }) => {
      const actor = await requestActor(c, services);
      return subscription.send(c, await subscriptionDetail(services, actor, params.id), PRIVATE);
    },
  }),
  defineEndpoint({
    method: "delete",
    path: "/api/subscriptions/{id}",
    summary: "Remove a subscription: nothing more is delivered (its log stays)",
    security: "bearer",
    params: SubscriptionId,
    responses: { 204: { description: "Removed" }, ...AUTH, 404: NOT_FOUND },
    handler: async ({ c, params, deps: { services } }) => {
      const actor = await requestActor(c, services);
      await removeSubscription(services, actor, params.id);
      return c.body(null, 204, PRIVATE);
    },
  }),
  defineEndpoint({
    method: "post",
    path: "/api/subscriptions/{id}/resume",
    summary: "Resume a subscription paused after a day of failed deliveries; what it missed is sent again",
    security: "bearer",
    params: SubscriptionId,
    responses: { 200: subscription, ...AUTH, 404: NOT_FOUND },
    handler: async ({ c, params, deps: { services } }) => {
      const actor = await requestActor(c, services);
      return subscription.send(c, await resumeSubscription(services, actor, params.id), PRIVATE);
    },
  }),
  defineEndpoint({
    method: "get",
    path: "/api/subscriptions/{id}/deliveries",
    summary: "A subscription's delivery log: each change, its status, attempts and last error",
    security: "bearer",
    params: SubscriptionId,
    query: DeliveriesQuery,
    parameterDescriptions: { limit: "At most this many, 1 to 500 (default 100)." },
    responses: {
      200: deliveries,
      400: problemAnswer("A bad parameter: which one and why, as an RFC 9457 problem document."),
      ...AUTH,
      404: NOT_FOUND,
    },
    handler: async ({ c, params, query, deps: { services } }) => {
      const actor = await requestActor(c, services);
      const log = await subscriptionDeliveries(services, actor, params.id, query);
      return deliveries.send(c, { deliveries: log }, PRIVATE);
    },
  }),
];
