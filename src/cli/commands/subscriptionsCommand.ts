import { Command } from "commander";
import { buildServices } from "../../app/appServices.js";
import { deliverDue } from "../../app/deliveries.js";
import { smtpMailer } from "../../app/mailer.js";
import { recordReferenceChanges } from "../../app/referenceChanges.js";
import {
  addSubscription,
  listSubscriptionViews,
  parseSubscriptionRequest,
  removeSubscription,
  resumeSubscription,
  subscriptionDeliveries,
  type SubscriptionView,
} from "../../app/subscriptions.js";
import { allowPrivateWebhooks, resolveDatabaseLocation, smtpSettings } from "../../config.js";
import { SearchService } from "../../search/searchService.js";
import type { Database } from "../../storage/database.js";
import type { CliIo } from "../cliIo.js";
import { CliError } from "../cliError.js";
import { addFilterOptions, readFilterInput } from "../filterOptions.js";
import { commandLineOperator } from "../operatorActor.js";
import { textTable } from "../textTable.js";
import { terminalJson, terminalText } from "../terminalText.js";
import { withDatabase } from "../withDatabase.js";

const DB_HELP = "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)";
const BASE_URL_HELP =
  "where the server runs, for the links in deliveries (default: $AIGOV_BASE_URL or http://localhost:8080)";

/** The use cases' services at the command line: the bundled reference data, the system clock. */
function services(db: Database, io: CliIo, baseUrl?: string) {
  const base = (baseUrl ?? io.env.AIGOV_BASE_URL ?? "http://localhost:8080").replace(/\/+$/, "");
  return buildServices(
    { db, search: new SearchService(db), allowPrivateWebhooks: allowPrivateWebhooks(io.env) },
    () => base,
  );
}

/** The option of each field of a subscription request that an option gives. */
const OPTION_OF: Record<string, string> = {
  "webhook.url": "webhook",
  "webhook.secret": "secret",
  "email.address": "email",
  "email.digest": "digest",
  "scope.id": "event",
  "scope.search.q": "query",
  lang: "lang",
  name: "name",
  owner: "owner",
};

/** What a subscription follows, in a few words. */
function scopeText(view: SubscriptionView): string {
  const scope = view.scope;
  if (scope.kind === "event") return `event ${scope.id}`;
  if (scope.kind === "instrument") return `instrument ${scope.id}`;
  if (scope.kind === "jurisdiction") return `jurisdiction ${scope.code}`;
  const { q, ...filters } = scope.search;
  const parts = [
    q ? `"${q}"` : "",
    ...Object.entries(filters).flatMap(([key, value]) =>
      Array.isArray(value)
        ? value.length
          ? [`${key}=${value.join(",")}`]
          : []
        : value
          ? [`${key}=${value}`]
          : [],
    ),
  ].filter(Boolean);
  return parts.length ? `search ${parts.join(" ")}` : "every event";
}

const deliveryText = (view: SubscriptionView) =>
  view.webhook ? `webhook ${view.webhook.url}` : `e-mail ${view.email?.address} (${view.email?.digest})`;

/**
 * `aigov subscriptions`: saved searches (or one event, instrument or jurisdiction) whose published changes
 * are posted to a webhook or mailed as digests, by `aigov serve` (or `subscriptions deliver`, from cron).
 */
export function subscriptionsCommand(io: CliIo): Command {
  const command = new Command("subscriptions").description(
    "subscriptions: changes that match a search, event, instrument or jurisdiction, posted to a webhook or mailed",
  );

  addFilterOptions(
    command
      .command("add")
      .description("subscribe (as the operator, or for an account with --owner); prints the new id")
      .option("--webhook <url>", "POST each change as JSON to this URL, signed with --secret")
      .option("--secret <secret>", "the webhook's HMAC-SHA256 key (at least 16 characters)")
      .option("--email <address>", "mail the changes to this address as digests")
      .option("--digest <when>", "immediate, daily or weekly (with --email)", "daily")
      .option("--query <words>", "the words of the saved search, as aigov search takes them")
      .option("--event <id>", "follow one event instead of a search")
      .option("--instrument <id>", "follow the events of one instrument")
      .option("--name <name>", "what the subscription is called in digests and lists")
      .option("--lang <lang>", "zh or en: the language of digests and links", "en")
      .option("--owner <email>", "the account it belongs to (default: the operator)"),
  )
    .option("--db <path>", DB_HELP)
    .action(async (options: Record<string, unknown>) => {
      const o = options as Record<string, string | undefined>;
      const filters = readFilterInput(options);
      const scope = o.event
        ? { kind: "event", id: o.event }
        : o.instrument
          ? { kind: "instrument", id: o.instrument }
          : { kind: "search", search: { ...filters, ...(o.query ? { q: o.query } : {}) } };
      if (!o.webhook && !o.email)
        throw new CliError("give --webhook URL --secret SECRET, or --email ADDRESS", 2);
      if (o.webhook && o.email) throw new CliError("give one of --webhook and --email, not both", 2);
      if (o.webhook && !o.secret)
        throw new CliError("--webhook needs --secret SECRET (at least 16 characters)", 2);
      const request = (() => {
        try {
          return parseSubscriptionRequest({
            scope,
            ...(o.webhook ? { webhook: { url: o.webhook, secret: o.secret } } : {}),
            ...(o.email ? { email: { address: o.email, digest: o.digest } } : {}),
            lang: o.lang,
            ...(o.name ? { name: o.name } : {}),
            ...(o.owner ? { owner: o.owner } : {}),
          });
        } catch (error) {
          // The request's fields, as the options that gave them.
          throw new CliError(
            (error as Error).message.replace(/(^|; )([\w.]+):/g, (_, before: string, field: string) => {
              const flag = OPTION_OF[field] ?? (field.startsWith("scope.search.") ? field.slice(13) : field);
              return `${before}--${flag}:`;
            }),
            2,
          );
        }
      })();
      const made = await withDatabase(resolveDatabaseLocation(o.db, io.env), (db) =>
        addSubscription(services(db, io), commandLineOperator(), request),
      );
      io.stdout.write(`${made.id}\n`);
      io.stderr.write(terminalText(`subscribed: ${scopeText(made)} → ${deliveryText(made)}`) + "\n");
    });

  command
    .command("list")
    .description("every subscription: id, owner, what it follows, where it goes, deliveries")
    .option("--json", "print a JSON array of subscriptions")
    .option("--db <path>", DB_HELP)
    .action(async (options: { json?: boolean; db?: string }) => {
      const list = await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
        listSubscriptionViews(services(db, io), commandLineOperator(), { all: true }),
      );
      if (options.json) {
        io.stdout.write(`${terminalJson(list)}\n`);
        return;
      }
      if (list.length === 0) {
        io.stderr.write(
          "no subscriptions yet: add one with aigov subscriptions add --webhook URL --secret SECRET\n",
        );
        return;
      }
      io.stdout.write(
        terminalText(
          textTable(
            ["id", "owner", "follows", "delivery", "pending", "delivered", "failed", "paused"],
            list.map((s) => [
              s.id,
              s.owner,
              scopeText(s),
              deliveryText(s),
              String(s.deliveries.pending),
              String(s.deliveries.delivered),
              String(s.deliveries.failed),
              s.paused ? `${s.paused.at} (${s.paused.reason})` : "no",
            ]),
          ),
        ),
      );
    });

  command
    .command("remove")
    .description("remove a subscription: nothing more is delivered (its log stays)")
    .argument("<id>", "the subscription's id (sub-…)")
    .option("--db <path>", DB_HELP)
    .action(async (id: string, options: { db?: string }) => {
      await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
        removeSubscription(services(db, io), commandLineOperator(), id),
      );
      io.stdout.write(terminalText(`removed ${id}`) + "\n");
    });

  command
    .command("resume")
    .description("resume a subscription paused after a day of failed deliveries")
    .argument("<id>", "the subscription's id (sub-…)")
    .option("--db <path>", DB_HELP)
    .action(async (id: string, options: { db?: string }) => {
      await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
        resumeSubscription(services(db, io), commandLineOperator(), id),
      );
      io.stdout.write(terminalText(`resumed ${id}`) + "\n");
    });

  command
    .command("deliveries")
    .description("a subscription's delivery log: each change, status, attempts, last error")
    .argument("<id>", "the subscription's id (sub-…)")
    .option("--json", "print a JSON array")
    .option("--db <path>", DB_HELP)
    .action(async (id: string, options: { json?: boolean; db?: string }) => {
      const log = await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
        subscriptionDeliveries(services(db, io), commandLineOperator(), id, { limit: 500 }),
      );
      if (options.json) {
        io.stdout.write(`${terminalJson(log)}\n`);
        return;
      }
      io.stdout.write(
        terminalText(
          textTable(
            ["delivery", "change", "of", "status", "attempts", "last error"],
            log.map((d) => [
              d.id,
              d.change.type,
              d.change.subject,
              d.status,
              String(d.attempts),
              d.lastError ?? "",
            ]),
          ),
        ),
      );
    });

  command
    .command("deliver")
    .description("deliver what is due now, once (aigov serve does this continually; this is for cron)")
    .option("--smtp <url>", "SMTP server for e-mail digests (default: $AIGOV_SMTP_URL)")
    .option("--base-url <url>", BASE_URL_HELP)
    .option("--db <path>", DB_HELP)
    .action(async (options: { smtp?: string; baseUrl?: string; db?: string }) => {
      const smtp = smtpSettings(options.smtp, io.env);
      const done = await withDatabase(resolveDatabaseLocation(options.db, io.env), async (db) => {
        const mailer = smtp ? smtpMailer(smtp.url, smtp.from) : null;
        // The bundled instruments and corrections of this aigov, against what the database last recorded.
        await recordReferenceChanges(services(db, io, options.baseUrl));
        const total = { webhooks: 0, digests: 0 };
        // Rounds until one delivers nothing: a round attempts a few changes per subscription.
        for (;;) {
          const round = await deliverDue(services(db, io, options.baseUrl), { mailer });
          total.webhooks += round.webhooks;
          total.digests += round.digests;
          if (round.webhooks === 0) return total;
        }
      });
      io.stderr.write(`delivered ${done.webhooks} webhook changes and ${done.digests} digests\n`);
    });

  return command;
}
