import { Command, Option } from "commander";
import { IMPORT_FORMATS, type ImportFormat } from "../../import/detectFormat.js";
import { ImportError } from "../../import/importError.js";
import {
  applyImports,
  type ImportProgressUpdate,
  type ImportSource,
  openImport,
  type ReadImport,
  readImport,
} from "../../import/importFiles.js";
import { isInteractive, resolveDatabaseLocation } from "../../config.js";
import { CliError } from "../cliError.js";
import type { CliIo, OutputStream } from "../cliIo.js";
import { terminalText } from "../terminalText.js";
import { WRITER_WAIT_SECONDS, withDatabase } from "../withDatabase.js";

const megabytes = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

/**
 * Progress of an import on a terminal (stderr, only when it is one): records, bytes, rate and time left,
 * estimated from the bytes still to read (or the records still to write). Silent for the first 300 ms,
 * redrawn at most ten times a second.
 */
function importProgress(stream: OutputStream, env: NodeJS.ProcessEnv) {
  const enabled = isInteractive(stream, env);
  let phaseStarted = Date.now();
  let phase = "";
  let lastDraw = 0;
  let drawn = false;
  return {
    update(u: ImportProgressUpdate) {
      const now = Date.now();
      if (`${u.phase} ${u.file}` !== phase) {
        phase = `${u.phase} ${u.file}`;
        phaseStarted = now;
      }
      const seconds = (now - phaseStarted) / 1000;
      if (!enabled || seconds < 0.3 || now - lastDraw < 100) return;
      lastDraw = now;
      drawn = true;
      const share =
        u.totalBytes > 0 ? u.bytes / u.totalBytes : u.totalRecords ? u.records / u.totalRecords : 0;
      const eta = share > 0 ? Math.max(0, Math.round(seconds / share - seconds)) : null;
      const parts = [
        `${u.phase} ${u.file}`,
        `${u.records}${u.totalRecords ? `/${u.totalRecords}` : ""} records`,
        ...(u.totalBytes > 0 ? [`${megabytes(u.bytes)}/${megabytes(u.totalBytes)}`] : []),
        `${Math.round(u.records / seconds)} records/s`,
        ...(eta === null ? [] : [`${eta} s left`]),
      ];
      stream.write(`\r\x1b[K${terminalText(parts.join(", "))}`);
    },
    done() {
      if (drawn) stream.write("\r\x1b[K");
      drawn = false;
    },
  };
}

/**
 * `aigov import FILE...`: reads, checks and writes every file in one streamed pass and one transaction
 * (files of any size; one bad record anywhere and nothing is written); `--dry-run` is the check alone.
 */
export function importCommand(io: CliIo): Command {
  return new Command("import")
    .description("import events from chronicle reports (text or Markdown), JSON, JSON Lines or CSV")
    .argument("<files...>", "files to import")
    .addOption(
      new Option("--format <format>", "force the format instead of telling it by name and content").choices(
        IMPORT_FORMATS,
      ),
    )
    .option("--dry-run", "read and check the files, write nothing")
    .option(
      "--wait <seconds>",
      "how long to wait for another process's write to a SQLite database to end before giving up (on PostgreSQL, imports queue)",
      parseWaitSeconds,
      WRITER_WAIT_SECONDS,
    )
    .option("--db <path>", "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)")
    .action(
      async (
        files: string[],
        options: { format?: ImportFormat; dryRun?: boolean; db?: string; wait: number },
      ) => {
        const progress = importProgress(io.stderr, io.env);
        const sources: ImportSource[] = [];
        for (const file of files) {
          try {
            sources.push(
              options.dryRun
                ? await readImport(file, options.format, progress.update)
                : await openImport(file, options.format),
            );
          } catch (error) {
            progress.done();
            if (error instanceof ImportError) throw new CliError(error.message);
            throw error;
          }
        }
        progress.done();
        for (const source of sources)
          for (const warning of source.warnings)
            io.stderr.write(
              terminalText(`warning: ${source.file}:${warning.line}: ${warning.message}`) + "\n",
            );
        if (options.dryRun) {
          for (const read of sources as ReadImport[])
            io.stdout.write(
              `${read.file}: ${read.count} events read as ${read.format}; nothing written (--dry-run)\n`,
            );
          return;
        }
        let results;
        try {
          // Two imports at once: the second waits for the first (SQLite lets one process write at a time).
          const wait = {
            waitMs: options.wait * 1000,
            onWait: () =>
              io.stderr.write(
                `another process is writing to the database; waiting up to ${options.wait} s for it to finish…\n`,
              ),
          };
          results = await withDatabase(
            resolveDatabaseLocation(options.db, io.env),
            (db) => applyImports(db, sources, { onProgress: progress.update, ...wait }),
            { create: true, ...wait },
          );
        } catch (error) {
          // A bad record met while writing: the transaction was rolled back, nothing is written.
          if (error instanceof ImportError) throw new CliError(error.message);
          throw error;
        } finally {
          progress.done();
        }
        for (const r of results)
          io.stdout.write(
            `${r.file}: added ${r.added}, updated ${r.updated}, skipped ${r.unchanged} (unchanged)\n`,
          );
      },
    );
}

function parseWaitSeconds(value: string): number {
  if (!/^\d{1,6}$/.test(value))
    throw new CliError(`--wait: expected a whole number of seconds, got "${value}"`, 2);
  return Number(value);
}
