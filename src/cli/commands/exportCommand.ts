import { once } from "node:events";
import { Command, InvalidArgumentError, Option } from "commander";
import { buildServices } from "../../app/appServices.js";
import {
  EXPORT_FORMATS,
  type ExportFormat,
  ExportQuery,
  FEED_SIZE,
  exportEvents,
} from "../../app/exportEvents.js";
import { MAX_LIMIT } from "../../app/eventsQuery.js";
import { resolveDatabaseLocation, searchSnapshotPath } from "../../config.js";
import { LANGUAGES, type Language } from "../../domain/localizedText.js";
import { SearchService } from "../../search/searchService.js";
import type { CliIo } from "../cliIo.js";
import { addAsOfOption } from "../asOfOption.js";
import { addFilterOptions, readFilterInput } from "../filterOptions.js";
import { terminalOutput } from "../terminalText.js";
import { withDatabase } from "../withDatabase.js";
import { writeOutput } from "../writeOutput.js";

/** `--limit`: a whole number within the API's bounds, or a usage error naming the option. */
function parseLimit(value: string): number {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > MAX_LIMIT)
    throw new InvalidArgumentError(`expected a whole number from 1 to ${MAX_LIMIT}`);
  return limit;
}

/**
 * `aigov export`: the matching events in one format, exactly as the API's exports hold them (the same
 * use case, app/exportEvents.ts: the same events, order, corrections and, in the calendar, the
 * instruments' dates), streamed to stdout or to a file written whole or not at all.
 */
export function exportCommand(io: CliIo): Command {
  const command = new Command("export").description("export events");
  addAsOfOption(addFilterOptions(command), "the events")
    .addOption(new Option("--format <format>", "output format").choices(EXPORT_FORMATS).default("json"))
    .option("--out <file>", "write to this file instead of stdout")
    .addOption(
      new Option("--lang <lang>", "language of feed, calendar and citation titles")
        .choices(LANGUAGES)
        .default("zh"),
    )
    .option(
      "--limit <n>",
      `at most this many events (default: every matching one; the atom feed: the ${FEED_SIZE} newest)`,
      parseLimit,
    )
    .option(
      "--base-url <url>",
      "where the server runs, for links in feeds and calendars",
      "http://localhost:8080",
    )
    .option("--db <path>", "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)")
    .action(
      async (
        options: Record<string, unknown> & {
          format: ExportFormat;
          out?: string;
          db?: string;
          lang: Language;
          limit?: number;
          baseUrl: string;
          asOf?: string;
        },
      ) => {
        const query = ExportQuery.parse({
          ...readFilterInput(options),
          lang: options.lang,
          limit: options.limit,
          asOf: options.asOf,
        });
        const location = resolveDatabaseLocation(options.db, io.env);
        const baseUrl = options.baseUrl.replace(/\/+$/, "");
        const total = await withDatabase(location, async (db) => {
          // The search index finds the events as the server's does (its snapshot makes a large archive quick).
          const search = new SearchService(db, {
            snapshotPath: searchSnapshotPath(location, io.env),
            location,
          });
          const made = await exportEvents(
            buildServices({ db, search }, () => baseUrl),
            options.format,
            query,
          );
          if (options.out) await writeOutput(options.out, made.chunks);
          else
            for await (const chunk of made.chunks)
              // On a terminal, no escape sequence from the data is obeyed; a pipe gets the exact bytes.
              if (!io.stdout.write(terminalOutput(io.stdout, chunk))) await once(io.stdout, "drain");
          return made.total;
        });
        if (options.out) io.stderr.write(`wrote ${total} events to ${options.out}\n`);
      },
    );
  return command;
}
