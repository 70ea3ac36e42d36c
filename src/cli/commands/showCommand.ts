import { Command } from "commander";
import { correctionsFor, presentEvent } from "../../http/presenters/eventPresenter.js";
import { findEvent } from "../../storage/repos/eventRepo.js";
import { CliError } from "../cliError.js";
import { formatEventDetail } from "../formatEvent.js";
import { terminalJson, terminalText } from "../terminalText.js";
import { withDatabase } from "../withDatabase.js";

/** `aigov show ID`: one event with all its fields. */
export function showCommand(): Command {
  return new Command("show")
    .description("show one event, all fields")
    .argument("<id>", "the event's id")
    .option("--json", "print the event as JSON in the public shape")
    .option("--db <path>", "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)")
    .action(async (id: string, options: { json?: boolean; db?: string }) => {
      const event = await withDatabase(options.db, (db) => findEvent(db, id));
      if (!event) throw new CliError(`no event with id "${id}"`);
      // Corrections (data/corrections) show next to the text as imported, as in the API.
      const corrections = correctionsFor(event.id).flatMap((c) => [
        "",
        `correction (${c.verification}): ${c.correction.en ?? c.correction.zh ?? ""}`,
        ...c.sources.map((url) => `  ${url}`),
      ]);
      process.stdout.write(
        options.json
          ? `${terminalJson(presentEvent(event))}\n`
          : `${terminalText([formatEventDetail(event), ...corrections].join("\n"))}\n`,
      );
    });
}
