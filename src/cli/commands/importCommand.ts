import { Command, Option } from "commander";
import { IMPORT_FORMATS, type ImportFormat } from "../../import/detectFormat.js";
import { ImportError } from "../../import/importError.js";
import { applyImports, type ReadImport, readImport } from "../../import/importFiles.js";
import { CliError } from "../cliError.js";
import { terminalText } from "../terminalText.js";
import { createProgress } from "../progress.js";
import { withDatabase } from "../withDatabase.js";

/** `aigov import FILE...`: reads every file first, then writes them all in one transaction. */
export function importCommand(): Command {
  return new Command("import")
    .description("import events from chronicle reports (text or Markdown), JSON or CSV")
    .argument("<files...>", "files to import")
    .addOption(
      new Option("--format <format>", "force the format instead of telling it by content").choices(
        IMPORT_FORMATS,
      ),
    )
    .option("--dry-run", "read and check the files, write nothing")
    .option("--db <path>", "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)")
    .action(async (files: string[], options: { format?: ImportFormat; dryRun?: boolean; db?: string }) => {
      const reads: ReadImport[] = [];
      for (const file of files) {
        try {
          reads.push(readImport(file, options.format));
        } catch (error) {
          if (error instanceof ImportError) throw new CliError(error.message);
          throw error;
        }
      }
      for (const read of reads)
        for (const warning of read.warnings)
          process.stderr.write(
            terminalText(`warning: ${read.file}:${warning.line}: ${warning.message}`) + "\n",
          );
      if (options.dryRun) {
        for (const read of reads) {
          const count = read.format === "report" ? read.chronicle.events.length : read.events.length;
          process.stdout.write(
            `${read.file}: ${count} events read as ${read.format}; nothing written (--dry-run)\n`,
          );
        }
        return;
      }
      const progress = createProgress();
      const results = await withDatabase(
        options.db,
        (db) =>
          applyImports(db, reads, {
            onProgress: (file, done, total) => progress.update(`importing ${file}`, done, total),
          }),
        { create: true },
      );
      progress.done();
      for (const r of results)
        process.stdout.write(
          `${r.file}: added ${r.added}, updated ${r.updated}, skipped ${r.unchanged} (unchanged)\n`,
        );
    });
}
