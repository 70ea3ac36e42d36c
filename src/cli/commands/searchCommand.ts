import { Command, Option } from "commander";
import { resolveDatabaseLocation, searchSnapshotPath } from "../../config.js";
import { correctionsByEvent } from "../../domain/correctionsByEvent.js";
import { LANGUAGES, type Language } from "../../domain/localizedText.js";
import { MAX_LIMIT, MAX_QUERY_LENGTH } from "../../app/eventsQuery.js";
import { searchEvents } from "../../app/searchEvents.js";
import { presentEvent } from "../../app/presentEvent.js";
import { bundledObligations } from "../../reference/obligationsData.js";
import { SearchService } from "../../search/searchService.js";
import { snippetSegments } from "../../search/snippet.js";
import { CliError } from "../cliError.js";
import type { CliIo } from "../cliIo.js";
import { createProgress } from "../progress.js";
import { addAsOfOption } from "../asOfOption.js";
import { addFilterOptions, readFilterInput } from "../filterOptions.js";
import { formatCorrectionLine, formatEventLine, NO_EVENTS_MATCH } from "../formatEvent.js";
import { terminalJson, terminalText } from "../terminalText.js";
import { withDatabase } from "../withDatabase.js";

const parseLimit = (value: string) => {
  const limit = Number(value);
  if (!/^\d+$/.test(value) || limit < 1 || limit > MAX_LIMIT)
    throw new CliError(`--limit: expected 1-${MAX_LIMIT}, got "${value}"`, 2);
  return limit;
};

/**
 * `aigov search QUERY`: full-text search, best first, in Chinese and English, with the filters of list;
 * each corrected event with its corrections, as in list.
 */
export function searchCommand(io: CliIo): Command {
  const command = new Command("search").description(
    "full-text search over titles, summaries and sources, best first",
  );
  command.argument("<query>", "words in Chinese and/or English; all must match");
  addAsOfOption(addFilterOptions(command), "search the archive")
    .option("--limit <n>", `at most this many results (1-${MAX_LIMIT})`, parseLimit, 20)
    .option("--json", "print a JSON array of events, best first")
    .addOption(
      new Option("--lang <lang>", "language of titles and snippets shown").choices(LANGUAGES).default("zh"),
    )
    .option("--db <path>", "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)")
    .action(
      async (
        query: string,
        options: Record<string, unknown> & {
          limit: number;
          json?: boolean;
          lang: Language;
          db?: string;
          asOf?: string;
        },
      ) => {
        if (query.length > MAX_QUERY_LENGTH)
          throw new CliError(`the query is longer than ${MAX_QUERY_LENGTH} characters`, 2);
        const filter = readFilterInput(options);
        const progress = createProgress(io.stderr, io.env);
        const location = resolveDatabaseLocation(options.db, io.env);
        const { outcome } = await withDatabase(location, (db) => {
          const search = new SearchService(db, {
            snapshotPath: searchSnapshotPath(location, io.env),
            onProgress: (indexed, total) => progress.update("indexing events for search", indexed, total),
            onIndexed: () => progress.done(),
          });
          // The query of GET /api/events, with the terminal's own page size.
          const asked = { ...filter, q: query, limit: options.limit, lang: options.lang, asOf: options.asOf };
          return searchEvents({ search }, asked, { facets: false });
        });
        const corrections = correctionsByEvent(bundledObligations().corrections);
        if (outcome.total === 0) io.stderr.write(`${NO_EVENTS_MATCH}\n`);
        if (options.json) {
          io.stdout.write(
            `${terminalJson(outcome.hits.map((hit) => presentEvent(hit.event, corrections)))}\n`,
          );
          return;
        }
        for (const { event, snippet } of outcome.hits) {
          io.stdout.write(`${formatEventLine(event, options.lang)}\n`);
          if (snippet) {
            const text = snippetSegments(snippet)
              .map((segment) => (segment.marked ? `[${segment.text}]` : segment.text))
              .join("");
            io.stdout.write(`            ${terminalText(text).replace(/\n/g, " ")}\n`);
          }
          for (const correction of corrections.get(event.id) ?? [])
            io.stdout.write(`            ${formatCorrectionLine(correction, options.lang)}\n`);
        }
        if (outcome.total > 0) io.stderr.write(`${outcome.total} matching, ${outcome.hits.length} shown\n`);
      },
    );
  return command;
}
