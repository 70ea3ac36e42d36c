import { renameSync, writeFileSync } from "node:fs";
import { Command, Option } from "commander";
import { eventsToCsv } from "../../export/eventsCsv.js";
import { eventsToJson } from "../../export/eventsJson.js";
import { listEvents } from "../../storage/repos/eventRepo.js";
import { CliError } from "../cliError.js";
import { addFilterOptions, readFilterOptions } from "../filterOptions.js";
import { withDatabase } from "../withDatabase.js";

const EXPORT_FORMATS = ["json", "csv"] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `aigov export`: the events (filtered) as JSON or CSV, to stdout or a file written whole or not at all. */
export function exportCommand(): Command {
  const command = new Command("export").description("export events");
  addFilterOptions(command)
    .addOption(new Option("--format <format>", "output format").choices(EXPORT_FORMATS).default("json"))
    .option("--out <file>", "write to this file instead of stdout")
    .option("--db <path>", "database file (default: $AIGOV_DB or the user's data directory)")
    .action(
      async (options: Record<string, unknown> & { format: ExportFormat; out?: string; db?: string }) => {
        const filter = readFilterOptions(options);
        const events = await withDatabase(options.db, (db) => listEvents(db, filter));
        const output = options.format === "csv" ? eventsToCsv(events) : eventsToJson(events);
        if (!options.out) {
          process.stdout.write(output);
          return;
        }
        const temporary = `${options.out}.${process.pid}.tmp`;
        try {
          writeFileSync(temporary, output);
          renameSync(temporary, options.out);
        } catch (error) {
          throw new CliError(`cannot write ${options.out}: ${(error as Error).message}`);
        }
        process.stderr.write(`wrote ${events.length} events to ${options.out}\n`);
      },
    );
  return command;
}
