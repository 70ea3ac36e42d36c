import { Command, Option } from "commander";
import { resolveDatabaseLocation } from "../../config.js";
import { correctionsByEvent } from "../../domain/correctionsByEvent.js";
import { LANGUAGES, type Language } from "../../domain/localizedText.js";
import { presentEvent } from "../../app/presentEvent.js";
import { bundledObligations } from "../../reference/obligationsData.js";
import { findEvent } from "../../storage/repos/eventRepo.js";
import { CliError } from "../cliError.js";
import type { CliIo } from "../cliIo.js";
import { formatEventDetail } from "../formatEvent.js";
import { terminalJson } from "../terminalText.js";
import { withDatabase } from "../withDatabase.js";

/** `aigov show ID`: one event with all its fields, each corrected field followed by its corrections. */
export function showCommand(io: CliIo): Command {
  return new Command("show")
    .description("show one event, all fields")
    .argument("<id>", "the event's id")
    .option("--json", "print the event as JSON in the public shape")
    .addOption(
      // English by default: the field names of the text output are English, and so was the correction.
      new Option("--lang <lang>", "language of the corrections shown").choices(LANGUAGES).default("en"),
    )
    .option("--db <path>", "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)")
    .action(async (id: string, options: { json?: boolean; lang: Language; db?: string }) => {
      const event = await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
        findEvent(db, id),
      );
      if (!event) throw new CliError(`no event with id "${id}"`);
      // Corrections (data/corrections) show next to the text as imported, as in the API.
      const corrections = correctionsByEvent(bundledObligations().corrections);
      io.stdout.write(
        options.json
          ? `${terminalJson(presentEvent(event, corrections))}\n`
          : `${formatEventDetail(event, corrections.get(event.id), options.lang)}\n`,
      );
    });
}
