import { Command } from "commander";
import { startDeliveryWorker } from "../../app/deliveries.js";
import { smtpMailer } from "../../app/mailer.js";
import { recordReferenceChanges } from "../../app/referenceChanges.js";
import {
  allowPrivateWebhooks,
  deliveryLeaseMs,
  resolveDatabaseLocation,
  searchSnapshotPath,
  smtpSettings,
  trustProxy,
} from "../../config.js";
import { scheduleLinkChecks } from "../../app/linkCheckSchedule.js";
import { bundledObligations } from "../../reference/obligationsData.js";
import { createApp } from "../../server/createApp.js";
import { startServer } from "../../server/nodeServer.js";
import { loadBundledDatasetIfEmpty } from "../../import/bundledDataset.js";
import { closeSharedChromiumPool } from "../../report/chromiumPool.js";
import { SearchService } from "../../search/searchService.js";
import { followChanges } from "../../storage/changeFeed.js";
import { openDatabase } from "../../storage/database.js";
import { parseBaseUrl } from "../baseUrlOption.js";
import { CliError } from "../cliError.js";
import { WRITER_WAIT_SECONDS } from "../withDatabase.js";
import { createProgress } from "../progress.js";

const parsePort = (value: string) => {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new CliError(`--port: expected a port number 0-65535, got "${value}"`, 2);
  return port;
};

type ServeOptions = {
  port: number;
  host: string;
  baseUrl?: string;
  trustProxy?: boolean;
  db?: string;
  smtp?: string;
  checkLinksEvery?: number;
};

const parseHours = (value: string) => {
  const hours = Number(value);
  if (!/^\d+(?:\.\d+)?$/.test(value) || hours <= 0 || hours > 8760)
    throw new CliError(
      `--check-links-every: expected a number of hours above 0 (at most 8760), got "${value}"`,
      2,
    );
  return hours;
};

/** `aigov serve`: the HTTP API under /api/, the web app at / and MCP at /mcp, on a database that gets the bundled data if empty. */
export function serveCommand(): Command {
  return new Command("serve")
    .description("serve the HTTP API (/api/), the web app (/) and the MCP endpoint (/mcp)")
    .option("--port <n>", "port to listen on (0: any free port)", parsePort, 8080)
    .option("--host <host>", "address to listen on", "127.0.0.1")
    .option(
      "--base-url <url>",
      "where clients reach the server, for absolute links in feeds and calendars (default: the listening address)",
      parseBaseUrl,
    )
    .option(
      "--trust-proxy",
      "take each request's address from X-Forwarded-For (behind your own reverse proxy only: clients can write that header); also AIGOV_TRUST_PROXY=1",
    )
    .option(
      "--smtp <url>",
      "SMTP server for subscription e-mail, smtp://user:pass@host:587 (default: $AIGOV_SMTP_URL; sender: $AIGOV_MAIL_FROM)",
    )
    .option(
      "--check-links-every <hours>",
      "check every cited URL this often (off by default; one server at a time per database; see `aigov links check`)",
      parseHours,
    )
    .option("--db <path>", "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)")
    .action(async (options: ServeOptions) => {
      const location = resolveDatabaseLocation(options.db);
      // A SQLite file another process is filling (a first import) opens once that process is done.
      const db = await openDatabase(location, {
        waitMs: WRITER_WAIT_SECONDS * 1000,
        onWait: () =>
          process.stderr.write("another process is writing to the database; waiting for it to finish…\n"),
      }).catch((error: Error) => {
        throw new CliError(error.message);
      });
      const loaded = await loadBundledDatasetIfEmpty(db);
      if (loaded) process.stderr.write(`loaded the bundled dataset: ${loaded} events\n`);
      const progress = createProgress();
      const search = new SearchService(db, {
        snapshotPath: searchSnapshotPath(location),
        // A build then runs in a process of its own, whose memory goes when it ends (not the server's).
        location,
        // The change feed below looks for writes continually; requests need not ask the database too.
        seqMaxAgeMs: 250,
        onProgress: (indexed, total) => progress.update("indexing events for search", indexed, total),
        onIndexed: (how, events, seconds) => {
          progress.done();
          const source = how === "loaded" ? "loaded from its snapshot" : "built";
          process.stderr.write(`search index of ${events} events ${source} in ${seconds.toFixed(1)} s\n`);
        },
      });
      const index = await search.currentIndex();
      let server: Awaited<ReturnType<typeof startServer>>;
      let app: ReturnType<typeof createApp>;
      try {
        // The audit log's "from where" and the throttles' addresses: the proxy's client, else the peer
        // (AIGOV_TRUST_PROXY=1 in a service manager's environment file says what --trust-proxy says).
        const behindProxy = options.trustProxy === true || trustProxy();
        app = createApp({
          db,
          search,
          baseUrl: options.baseUrl,
          trustProxy: behindProxy,
          allowPrivateWebhooks: allowPrivateWebhooks(),
        });
        server = await startServer(app, { port: options.port, host: options.host });
      } catch (error) {
        await db.destroy();
        const code = (error as NodeJS.ErrnoException).code;
        throw new CliError(
          code === "EADDRINUSE"
            ? `port ${options.port} is in use; try --port`
            : `cannot listen: ${(error as Error).message}`,
        );
      }
      // Subscriptions are served from the outbox by every server at once (each delivery leased to one). A
      // release of aigov with other instruments or corrections is announced as the changes it makes.
      await recordReferenceChanges(app.services);
      const smtp = smtpSettings(options.smtp);
      const deliveries = startDeliveryWorker(app.services, {
        mailer: smtp ? smtpMailer(smtp.url, smtp.from) : null,
        leaseMs: deliveryLeaseMs(),
        onError: (error) => process.stderr.write(`warning: deliveries: ${error.message}\n`),
      });
      // Writes by other processes (imports, other servers on the same PostgreSQL) reach the index now,
      // not when the next request happens to ask; and their changes go out to subscribers.
      const feed = await followChanges(location, () => {
        deliveries.wake();
        search.refresh().catch((error: Error) => {
          process.stderr.write(`warning: the search index could not be updated: ${error.message}\n`);
        });
      });
      process.stdout.write(
        `aigov: ${index.size} events at ${server.url}/ (API reference: ${server.url}/api/docs; MCP: ${server.url}/mcp)\n`,
      );
      // The link checks, when asked for: the same use case as `aigov links check`, on a timer. Pages
      // show the outcomes, which change no data version: the read cache is emptied after each run.
      const linkChecks =
        options.checkLinksEvery === undefined
          ? null
          : scheduleLinkChecks(
              { db, obligations: bundledObligations(), now: () => new Date().toISOString() },
              {
                everyMs: options.checkLinksEvery * 3_600_000,
                onChecked: (summary) => {
                  app.cache.clear();
                  process.stderr.write(
                    `links checked: ${summary.checked} (${summary.ok} ok, ${summary.broken} broken, ${summary.unreachable} unreachable, ${summary.blocked} blocked)\n`,
                  );
                },
                onError: (error) =>
                  process.stderr.write(`warning: the link check failed: ${error.message}\n`),
              },
            );
      const stop = async () => {
        await linkChecks?.stop();
        await feed.close();
        await deliveries.stop();
        await server.close();
        await closeSharedChromiumPool();
        await db.destroy();
        process.exit(0);
      };
      process.once("SIGINT", stop);
      process.once("SIGTERM", stop);
      await new Promise(() => {});
    });
}
