import { basename } from "node:path";
import { Command, Option } from "commander";
import { recordAction } from "../../app/audit.js";
import { proposeEvents } from "../../app/proposals.js";
import type { Event } from "../../domain/event.js";
import { IMPORT_FORMATS, type ImportFormat } from "../../import/detectFormat.js";
import { ImportError } from "../../import/importError.js";
import {
  applyImports,
  chronicleEventsToStore,
  type ImportProgressUpdate,
  type ImportSource,
  openImport,
  type ReadImport,
  readImport,
} from "../../import/importFiles.js";
import { readEventBatches } from "../../import/readImportFiles.js";
import type { Database } from "../../storage/database.js";
import { isInteractive, resolveDatabaseLocation } from "../../config.js";
import { CliError } from "../cliError.js";
import { commandLineOperator, commandLineServices } from "../operatorActor.js";
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
 * The events of an opened file as an import would store them: an event file's as read and checked, a
 * chronicle report's merged with the stored events of its document (as applyImports merges them), so
 * that a proposal changes what the file changes and nothing else.
 */
async function eventsToPropose(db: Database, source: ImportSource): Promise<Event[]> {
  if (source.format === "report") return (await chronicleEventsToStore(db, source.chronicle)).events;
  const events: Event[] = [];
  for await (const batch of readEventBatches(source.file, source.format, 1000)) events.push(...batch.events);
  return events;
}

/**
 * `--propose`: every file read and checked first (one bad record anywhere and nothing is proposed), then
 * each file's new and changed events made pending proposals, noted "import of FILE", for an editor to
 * publish or reject (one transaction per file); events stored already as the file has them are counted.
 */
async function proposeImports(
  db: Database,
  sources: ImportSource[],
): Promise<{ file: string; proposed: number; unchanged: number }[]> {
  const read: { file: string; events: Event[] }[] = [];
  for (const source of sources) read.push({ file: source.file, events: await eventsToPropose(db, source) });
  const services = commandLineServices(db);
  const actor = commandLineOperator();
  // Every file's proposals in one transaction: a failure anywhere leaves none of them.
  const results = await proposeEvents(
    services,
    actor,
    read.map(({ file, events }) => ({ events, note: `import of ${basename(file)}` })),
  );
  const made = read.map(({ file }, i) => ({
    file,
    proposed: results[i]?.proposed.length ?? 0,
    unchanged: results[i]?.unchanged ?? 0,
  }));
  return made;
}

/**
 * `aigov import FILE...`: reads, checks and writes every file in one streamed pass and one transaction
 * (files of any size; one bad record anywhere and nothing is written), recorded in the audit log as the
 * operator's; `--dry-run` is the check alone; `--propose` makes the changes proposals for review instead.
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
    .addOption(new Option("--dry-run", "read and check the files, write nothing").conflicts("propose"))
    .option(
      "--propose",
      "make the new and changed events pending proposals for an editor to review, instead of writing them",
    )
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
        options: { format?: ImportFormat; dryRun?: boolean; propose?: boolean; db?: string; wait: number },
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
        // Two imports at once: the second waits for the first (SQLite lets one process write at a time).
        const wait = {
          waitMs: options.wait * 1000,
          onWait: () =>
            io.stderr.write(
              `another process is writing to the database; waiting up to ${options.wait} s for it to finish…\n`,
            ),
        };
        const location = resolveDatabaseLocation(options.db, io.env);
        if (options.propose) {
          const made = await withDatabase(location, (db) => proposeImports(db, sources), {
            create: true,
            ...wait,
          }).catch((error: unknown) => {
            throw error instanceof ImportError ? new CliError(error.message) : error;
          });
          for (const r of made)
            io.stdout.write(
              `${r.file}: proposed ${r.proposed} (pending review), skipped ${r.unchanged} (unchanged); nothing published\n`,
            );
          return;
        }
        let results;
        try {
          results = await withDatabase(
            location,
            async (db) => {
              const now = new Date().toISOString();
              const counts = await applyImports(db, sources, { now, onProgress: progress.update, ...wait });
              // Committed: the audit log records that the operator wrote these files directly, unreviewed.
              await recordAction(db, commandLineOperator(), "import", now, files.join(" "), {
                files: counts.map(({ file, added, updated, unchanged }) => ({
                  file,
                  added,
                  updated,
                  unchanged,
                })),
              });
              return counts;
            },
            { create: true, ...wait },
          );
        } catch (error) {
          // A bad record met while writing: the transaction was rolled back, nothing is written.
          if (error instanceof ImportError) throw new CliError(error.message);
          throw error;
        } finally {
          progress.done();
        }
        for (const r of results) {
          io.stdout.write(
            `${r.file}: added ${r.added}, updated ${r.updated}, skipped ${r.unchanged} (unchanged)\n`,
          );
          if (r.curated)
            io.stdout.write(
              `${r.file}: aigov's curation of this report applied to ${r.curated} new events (English title and summary, jurisdictions, level, type, bindingness, tags, effective dates; data/curation/)\n`,
            );
        }
        // What to do next, for a person at a terminal (a script reading the output sees the counts alone).
        if (!io.stderr.isTTY) return;
        const db = options.db ? ` --db ${quoteArgument(options.db)}` : "";
        io.stderr.write(
          `next: aigov list${db} (or aigov search QUERY${db}), aigov report${db}, aigov serve${db}\n`,
        );
      },
    );
}

/** An argument as a shell reads it back: as it is when plain, else in single quotes. */
function quoteArgument(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function parseWaitSeconds(value: string): number {
  if (!/^\d{1,6}$/.test(value))
    throw new CliError(`--wait: expected a whole number of seconds, got "${value}"`, 2);
  return Number(value);
}
