import { z } from "zod";
import { EventFilterInput } from "./eventQuery.js";
import { EventId, JurisdictionCode } from "./event.js";
import { isHttpUrl } from "./httpUrl.js";
import { Language } from "./localizedText.js";

// What a subscription follows and where its changes go: the records of src/app/subscriptions.ts.

/** The longest saved query, as the search box takes it. */
const MAX_QUERY = 200;

/** A saved search: the words and filters of GET /api/events (paging and sorting aside). */
export const SavedSearch = EventFilterInput.extend({
  q: z.string().trim().max(MAX_QUERY, `expected at most ${MAX_QUERY} characters`).optional(),
}).strict();
export type SavedSearch = z.output<typeof SavedSearch>;

/** What a subscription follows: a saved search, one event, the events of one instrument, or a jurisdiction. */
export const SubscriptionScope = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("search"), search: SavedSearch }).strict(),
  z.object({ kind: z.literal("event"), id: EventId }).strict(),
  z.object({ kind: z.literal("instrument"), id: z.string().min(1).max(120) }).strict(),
  z.object({ kind: z.literal("jurisdiction"), code: JurisdictionCode }).strict(),
]);
export type SubscriptionScope = z.output<typeof SubscriptionScope>;

export const DIGESTS = ["immediate", "daily", "weekly"] as const;
export const Digest = z.enum(DIGESTS);
export type Digest = z.output<typeof Digest>;

/** How long each digest collects changes before it is sent (immediate: at once). */
export const DIGEST_PERIOD_MS: Record<Digest, number> = {
  immediate: 0,
  daily: 24 * 3600_000,
  weekly: 7 * 24 * 3600_000,
};

/** The shortest webhook secret: an HMAC key that can be guessed protects nothing. */
export const MIN_SECRET_LENGTH = 16;

export const WebhookTarget = z
  .object({
    url: z
      .string()
      .max(2000, "expected a URL of at most 2,000 characters")
      .refine(isHttpUrl, { message: "expected an http or https URL" })
      // Credentials in the URL would be shown in the delivery log and errors: the secret signs instead.
      .refine((url) => !/^[a-z]+:\/\/[^/?#]*@/i.test(url), {
        message: "expected a URL without a user name or password (the secret authenticates deliveries)",
      }),
    secret: z
      .string()
      .min(MIN_SECRET_LENGTH, `expected a secret of at least ${MIN_SECRET_LENGTH} characters`)
      .max(200, "expected a secret of at most 200 characters"),
  })
  .strict();

export const EmailTarget = z
  .object({
    address: z
      .string()
      .trim()
      .max(254)
      .pipe(z.email({ message: "expected an email address such as analyst@example.org" })),
    digest: Digest.default("daily"),
  })
  .strict();

/** A new subscription, as the API, the web form and the CLI hand it in (exactly one delivery). */
export const SubscriptionRequest = z
  .object({
    name: z.string().trim().max(200, "expected a name of at most 200 characters").optional(),
    scope: SubscriptionScope,
    webhook: WebhookTarget.optional(),
    email: EmailTarget.optional(),
    lang: Language.default("en"),
    /** An admin may subscribe for another account (its address); default: the one who asks. */
    owner: z.string().trim().toLowerCase().max(254).optional(),
  })
  .strict()
  .refine((request) => (request.webhook === undefined) !== (request.email === undefined), {
    message: "expected exactly one of webhook and email",
    path: ["webhook"],
  });
export type SubscriptionRequest = z.output<typeof SubscriptionRequest>;

/** What a published change is to a subscriber. */
export const CHANGE_TYPES = [
  "event.published",
  "event.changed",
  "event.removed",
  "instrument.changed",
  "correction.published",
  "correction.changed",
] as const;
export const ChangeType = z.enum(CHANGE_TYPES);
export type ChangeType = z.output<typeof ChangeType>;

export const DELIVERY_STATUSES = ["pending", "delivered", "failed"] as const;
export const DeliveryStatus = z.enum(DELIVERY_STATUSES);
export type DeliveryStatus = z.output<typeof DeliveryStatus>;
