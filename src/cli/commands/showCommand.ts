import { Command, Option } from "commander";
import { resolveDatabaseLocation } from "../../config.js";
import { correctionsByEvent } from "../../domain/correctionsByEvent.js";
import { LANGUAGES, type Language } from "../../domain/localizedText.js";
import { eventById } from "../../app/events.js";
import { bundledObligations } from "../../reference/obligationsData.js";
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
      // Corrections (data/corrections) show next to the text as imported, as in the API.
      const corrections = correctionsByEvent(bundledObligations().corrections);
      const found = await withDatabase(resolveDatabaseLocation(options.db, io.env), (db) =>
        eventById({ db, corrections }, id),
      );
      io.stdout.write(
        options.json
          ? `${terminalJson(found.presented)}\n`
          : `${formatEventDetail(found.event, found.corrections, options.lang)}\n`,
      );
    });
}
