import { Command } from "commander";
import { resolveDatabaseLocation } from "../../config.js";
import { copyDatabase, TargetNotEmptyError } from "../../storage/copyDatabase.js";
import { redactUrl } from "../../storage/database.js";
import { CliError } from "../cliError.js";
import type { CliIo } from "../cliIo.js";
import { withDatabase } from "../withDatabase.js";

const shown = (arg: string) => {
  const location = resolveDatabaseLocation(arg, {});
  return location.kind === "postgres" ? redactUrl(location.url) : location.path;
};

/** `aigov migrate SOURCE TARGET`: copies a whole database between SQLite files and PostgreSQL. */
export function migrateCommand(io: CliIo): Command {
  return new Command("migrate")
    .description("copy a whole database to an empty one (SQLite path or postgres:// URL, both ways)")
    .argument("<source>", "the database to copy: a SQLite file or a postgres:// URL")
    .argument("<target>", "an empty (or missing) database: a SQLite file or a postgres:// URL")
    .action(async (source: string, target: string) => {
      const counts = await withDatabase(resolveDatabaseLocation(source, io.env), (from) =>
        withDatabase(
          resolveDatabaseLocation(target, io.env),
          async (to) => {
            try {
              return await copyDatabase(from, to);
            } catch (error) {
              if (error instanceof TargetNotEmptyError)
                throw new CliError(
                  `${shown(target)} already holds data; aigov migrate copies into an empty database only`,
                );
              throw error;
            }
          },
          { create: true },
        ),
      );
      io.stdout.write(
        `copied ${counts.events} events, ${counts.event_revisions} revisions, ${counts.documents} documents, ${counts.jurisdictions} jurisdictions from ${shown(source)} to ${shown(target)}\n`,
      );
    });
}
