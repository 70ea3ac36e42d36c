import { once } from "node:events";
import { Command, Option } from "commander";
import { type CorrectionsByEvent, correctionsByEvent } from "../../domain/correctionsByEvent.js";
import type { Event } from "../../domain/event.js";
import { LANGUAGES, type Language } from "../../domain/localizedText.js";
import { eventsToAtom } from "../../export/eventsAtom.js";
import { eventsToCsv } from "../../export/eventsCsv.js";
import { eventsToIcs } from "../../export/eventsIcs.js";
import { eventJsonLine, eventsToJson } from "../../export/eventsJson.js";
import { sourcesToCsl } from "../../export/sourcesCsl.js";
import { bundledObligations } from "../../obligations/obligationsData.js";
import { listEvents, streamEventBodies } from "../../storage/repos/eventRepo.js";
import { addFilterOptions, readFilterOptions } from "../filterOptions.js";
import { terminalOutput } from "../terminalText.js";
import { withDatabase } from "../withDatabase.js";
import { writeOutput } from "../writeOutput.js";

const EXPORT_FORMATS = ["json", "jsonl", "csv", "ics", "atom", "csl"] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

function render(
  format: ExportFormat,
  events: Event[],
  options: { lang: Language; baseUrl: string; corrections: CorrectionsByEvent },
): string {
  switch (format) {
    case "csv":
      return eventsToCsv(events, options.corrections);
    case "ics":
      return eventsToIcs(events, options);
    case "atom":
      return eventsToAtom([...events].reverse(), options);
    case "csl":
      return `${JSON.stringify(sourcesToCsl(events, options.lang, options.corrections), null, 2)}\n`;
    default:
      return eventsToJson(events, options.corrections);
  }
}

/** `aigov export`: the events (filtered) as JSON, JSON Lines or CSV (and feeds), to stdout or a file written whole or not at all. */
export function exportCommand(): Command {
  const command = new Command("export").description("export events");
  addFilterOptions(command)
    .addOption(new Option("--format <format>", "output format").choices(EXPORT_FORMATS).default("json"))
    .option("--out <file>", "write to this file instead of stdout")
    .addOption(
      new Option("--lang <lang>", "language of feed, calendar and citation titles")
        .choices(LANGUAGES)
        .default("zh"),
    )
    .option(
      "--base-url <url>",
      "where the server runs, for links in feeds and calendars",
      "http://localhost:8080",
    )
    .option("--db <path>", "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)")
    .action(
      async (
        options: Record<string, unknown> & {
          format: ExportFormat;
          out?: string;
          db?: string;
          lang: Language;
          baseUrl: string;
        },
      ) => {
        const filter = readFilterOptions(options);
        // Every format shows the corrections of data/corrections beside the text they correct.
        const corrections = correctionsByEvent(bundledObligations().corrections);
        if (options.format === "jsonl") {
          // Streamed from the database row by row: an archive of any size in bounded memory.
          const count = await withDatabase(options.db, async (db) => {
            let lines = 0;
            // Lines gathered into pieces of about 1 MB: one write per piece, not per event.
            async function* jsonLines(): AsyncGenerator<string> {
              let piece = "";
              for await (const { id, body } of streamEventBodies(db, filter)) {
                lines++;
                piece += `${eventJsonLine(id, body, corrections)}\n`;
                if (piece.length >= 1 << 20) {
                  yield piece;
                  piece = "";
                }
              }
              if (piece) yield piece;
            }
            if (options.out) await writeOutput(options.out, jsonLines());
            else
              for await (const line of jsonLines())
                if (!process.stdout.write(terminalOutput(process.stdout, line)))
                  await once(process.stdout, "drain");
            return lines;
          });
          if (options.out) process.stderr.write(`wrote ${count} events to ${options.out}\n`);
          return;
        }
        const events = await withDatabase(options.db, (db) => listEvents(db, filter));
        const output = render(options.format, events, { ...options, corrections });
        if (!options.out) {
          // On a terminal, no escape sequence from the data is obeyed; a pipe gets the exact bytes.
          process.stdout.write(terminalOutput(process.stdout, output));
          return;
        }
        await writeOutput(options.out, output);
        process.stderr.write(`wrote ${events.length} events to ${options.out}\n`);
      },
    );
  return command;
}
