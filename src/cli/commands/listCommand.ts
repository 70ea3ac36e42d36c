import { Command, Option } from "commander";
import { resolveDatabaseLocation } from "../../config.js";
import { correctionsByEvent } from "../../domain/correctionsByEvent.js";
import { LANGUAGES, type Language } from "../../domain/localizedText.js";
import { presentEvent } from "../../app/presentEvent.js";
import { bundledObligations } from "../../reference/obligationsData.js";
import { listEvents } from "../../storage/repos/eventRepo.js";
import type { CliIo } from "../cliIo.js";
import { addFilterOptions, readFilterOptions } from "../filterOptions.js";
import { formatCorrectionLine, formatEventLine } from "../formatEvent.js";
import { terminalJson } from "../terminalText.js";
import { withDatabase } from "../withDatabase.js";

/**
 * `aigov list`: events oldest first, filtered; one line each (and a line under it for each correction
 * of data/corrections), or a JSON array in the API's shape, corrections included.
 */
export function listCommand(io: CliIo): Command {
  const command = new Command("list").description("list events, oldest first");
  addFilterOptions(command)
    .option("--json", "print a JSON array of events in the public shape")
    .addOption(new Option("--lang <lang>", "language of the titles shown").choices(LANGUAGES).default("zh"))
    .option("--db <path>", "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)")
    .action(async (options: Record<string, unknown> & { json?: boolean; lang: Language; db?: string }) => {
      const filter = readFilterOptions(options);
      const events = await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
        listEvents(db, filter),
      );
      const corrections = correctionsByEvent(bundledObligations().corrections);
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
