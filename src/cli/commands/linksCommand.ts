import { Command, Option } from "commander";
import { checkLinks } from "../../app/checkLinks.js";
import { type CheckedLink, LinksQuery, listCheckedLinks } from "../../app/links.js";
import { resolveDatabaseLocation } from "../../config.js";
import { bundledObligations } from "../../reference/obligationsData.js";
import { CliError } from "../cliError.js";
import type { CliIo } from "../cliIo.js";
import { commandLineServices } from "../operatorActor.js";
import { createProgress } from "../progress.js";
import { textTable } from "../textTable.js";
import { terminalJson } from "../terminalText.js";
import { withDatabase } from "../withDatabase.js";

const DB_HELP = "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)";

/** A whole number within bounds, or a usage error naming the option. */
const wholeNumber = (option: string, min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max)
    throw new CliError(`${option}: expected a whole number ${min}-${max}, got "${value}"`, 2);
  return n;
};

type CheckOptions = {
  timeout: number;
  perHostDelay: number;
  concurrency: number;
  onlyBroken?: boolean;
  scope: "all" | "events" | "reference";
  json?: boolean;
  db?: string;
};

/** `aigov links`: check that the URLs aigov cites still work, and list what the checks found. */
export function linksCommand(io: CliIo): Command {
  const links = new Command("links").description(
    "the cited URLs (event sources, instruments and duties): check that they still work, list the broken ones",
  );

  links
    .command("check")
    .description(
      "check every cited URL once (HEAD, else GET; redirects followed) and record its status, final URL and when it last worked",
    )
    .option(
      "--timeout <ms>",
      "per request: how long to wait for an answer",
      wholeNumber("--timeout", 1, 600_000),
      15_000,
    )
    .option(
      "--per-host-delay <ms>",
      "between two requests to the same host (one at a time per host)",
      wholeNumber("--per-host-delay", 0, 600_000),
      1_000,
    )
    .option("--concurrency <n>", "hosts checked at the same time", wholeNumber("--concurrency", 1, 64), 8)
    .option("--only-broken", "check again only the links whose last check failed")
    .addOption(
      new Option(
        "--scope <scope>",
        "whose URLs: events (their sources), reference (instruments and duties), or all",
      )
        .choices(["all", "events", "reference"])
        .default("all"),
    )
    .option("--json", "print the summary as JSON")
    .option("--db <path>", DB_HELP)
    .action(async (options: CheckOptions) => {
      const progress = createProgress(io.stderr, io.env);
      const summary = await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
        checkLinks(
          { ...commandLineServices(db), obligations: bundledObligations() },
          {
            timeoutMs: options.timeout,
            perHostDelayMs: options.perHostDelay,
            concurrency: options.concurrency,
            onlyFailing: options.onlyBroken === true,
            scope: options.scope,
          },
          { onProgress: (done, total) => progress.update("checking links", done, total) },
        ),
      );
      progress.done();
      if (options.json) {
        io.stdout.write(`${terminalJson(summary)}\n`);
        return;
      }
      io.stdout.write(
        `checked ${summary.checked} links: ${summary.ok} ok, ${summary.broken} broken, ${summary.unreachable} unreachable, ${summary.blocked} blocked` +
          `${summary.blocked ? " (refused by the server: not known to be dead)" : ""}` +
          `${summary.skipped ? `; ${summary.skipped} not http(s), not checked` : ""}\n`,
      );
      if (summary.broken + summary.unreachable > 0) io.stderr.write("the failing ones: aigov links list\n");
    });

  links
    .command("list")
    .description("the links as the last check found them: the broken and unreachable ones by default")
    .addOption(
      new Option("--status <status>", "broken (broken and unreachable), blocked, ok, or all")
        .choices(["broken", "blocked", "ok", "all"])
        .default("broken"),
    )
    .option("--json", 'print JSON: { "total", "items": [...], "next" }')
    .option("--db <path>", DB_HELP)
    .action(async (options: { status: string; json?: boolean; db?: string }) => {
      const query = LinksQuery.parse({ status: options.status, limit: 1000 });
      // Every page, so that the listing is whole however many links fail.
      const items = await withDatabase(resolveDatabaseLocation(options.db, io.env), async (db) => {
        const all: CheckedLink[] = [];
        for (let offset: number | null = 0; offset !== null;) {
          const page = await listCheckedLinks({ db }, { ...query, offset });
          all.push(...page.items);
          offset = page.next;
        }
        return all;
      });
      if (options.json) {
        io.stdout.write(`${terminalJson({ total: items.length, items, next: null })}\n`);
        return;
      }
      if (items.length === 0) {
        io.stderr.write("no such links (run aigov links check first?)\n");
        return;
      }
      io.stdout.write(
        textTable(
          ["outcome", "status", "checked", "failing since", "last ok", "cited by", "url"],
          items.map((link) => [
            link.outcome,
            link.status === null ? (link.error ?? "-") : String(link.status),
            link.checkedAt.slice(0, 10),
            link.firstBrokenAt?.slice(0, 10) ?? "-",
            link.lastOkAt?.slice(0, 10) ?? "never",
            link.citedBy.map((c) => `${c.kind} ${c.id}`).join(", "),
            link.url,
          ]),
        ),
      );
    });

  return links;
}
