import { Command, Option } from "commander";
import { buildServices } from "../../app/appServices.js";
import { searcherAt } from "../../app/history.js";
import { resolveDatabaseLocation, searchSnapshotPath } from "../../config.js";
import type { Event } from "../../domain/event.js";
import type { EventFilter } from "../../domain/eventQuery.js";
import { correctionsByEvent } from "../../domain/correctionsByEvent.js";
import { LANGUAGES, type Language } from "../../domain/localizedText.js";
import { presentEvent } from "../../app/presentEvent.js";
import { bundledObligations } from "../../reference/obligationsData.js";
import { SearchService } from "../../search/searchService.js";
import type { Database } from "../../storage/database.js";
import { listEvents } from "../../storage/repos/eventRepo.js";
import { addAsOfOption } from "../asOfOption.js";
import type { CliIo } from "../cliIo.js";
import { addFilterOptions, readFilterOptions } from "../filterOptions.js";
import { formatCorrectionLine, formatEventLine, NO_EVENTS_MATCH } from "../formatEvent.js";
import { terminalJson } from "../terminalText.js";
import { withDatabase } from "../withDatabase.js";

type ListOptions = Record<string, unknown> & { json?: boolean; lang: Language; db?: string; asOf?: string };

/**
 * The events as published at a moment, oldest first as listEvents gives the current ones: read from the
 * search index's view of then (app/history.ts), which knows every revision's time.
 */
async function eventsAsOf(
  db: Database,
  filter: EventFilter,
  asOf: string,
  snapshotPath: string | undefined,
): Promise<Event[]> {
  const search = new SearchService(db, { snapshotPath });
  const searcher = await searcherAt(
    buildServices({ db, search }, () => ""),
    asOf,
  );
  const { pages } = await searcher.matchingEvents({ filter, sort: "date" });
  const events: Event[] = [];
  for await (const page of pages) events.push(...page);
  return events;
}

/**
 * `aigov list`: events oldest first, filtered; one line each (and a line under it for each correction
 * of data/corrections), or a JSON array in the API's shape, corrections included.
 */
export function listCommand(io: CliIo): Command {
  const command = new Command("list").description("list events, oldest first");
  addAsOfOption(addFilterOptions(command), "the events")
    .option("--json", "print a JSON array of events in the public shape")
    .addOption(new Option("--lang <lang>", "language of the titles shown").choices(LANGUAGES).default("zh"))
    .option("--db <path>", "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)")
    .action(async (options: ListOptions) => {
      const filter = readFilterOptions(options);
      const location = resolveDatabaseLocation(options.db, io.env);
      const events = await withDatabase(location, (db) =>
        options.asOf === undefined
          ? listEvents(db, filter)
          : eventsAsOf(db, filter, options.asOf, searchSnapshotPath(location, io.env)),
      );
      const corrections = correctionsByEvent(bundledObligations().corrections);
      // An empty list says so (on stderr: stdout stays an empty list, or `[]` with --json).
      if (events.length === 0) io.stderr.write(`${NO_EVENTS_MATCH}\n`);
      if (options.json)
        io.stdout.write(`${terminalJson(events.map((event) => presentEvent(event, corrections)))}\n`);
      else
        for (const event of events) {
          io.stdout.write(`${formatEventLine(event, options.lang)}\n`);
          for (const correction of corrections.get(event.id) ?? [])
            io.stdout.write(`            ${formatCorrectionLine(correction, options.lang)}\n`);
        }
    });
  return command;
}
