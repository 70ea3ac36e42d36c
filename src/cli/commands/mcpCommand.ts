import { Readable, type Writable } from "node:stream";
import { Command } from "commander";
import { buildServices } from "../../app/appServices.js";
import { resolveDatabaseLocation, searchSnapshotPath } from "../../config.js";
import { loadBundledDatasetIfEmpty } from "../../import/bundledDataset.js";
import { serveMcpOverStdio } from "../../mcp/mcpStdio.js";
import { SearchService } from "../../search/searchService.js";
import { openDatabase } from "../../storage/database.js";
import { parseBaseUrl } from "../baseUrlOption.js";
import { CliError } from "../cliError.js";
import type { CliIo } from "../cliIo.js";
import { WRITER_WAIT_SECONDS } from "../withDatabase.js";

/** Where `aigov serve` listens unless told otherwise: the pages an answer links to, by default. */
const DEFAULT_BASE_URL = "http://localhost:8080";

/**
 * `aigov mcp`: the Model Context Protocol on stdin and stdout, for an assistant that starts aigov as a
 * process of its own: the read-only tools of src/mcp/ over the database (which gets the bundled
 * dataset if empty, as `serve` does). Stdout carries the protocol and nothing else; what a person
 * should see (the dataset loaded, the index built, an error of aigov's own) goes to stderr. Ends when
 * the client closes stdin.
 */
export function mcpCommand(io: CliIo): Command {
  return new Command("mcp")
    .description(
      "speak the Model Context Protocol on stdin/stdout: aigov's read-only tools for AI assistants",
    )
    .option("--db <path>", "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)")
    .option(
      "--base-url <url>",
      "where aigov's pages are read (aigov serve), for the links every answer cites",
      parseBaseUrl,
      DEFAULT_BASE_URL,
    )
    .action(async (options: { db?: string; baseUrl: string }) => {
      const location = resolveDatabaseLocation(options.db, io.env);
      const db = await openDatabase(location, {
        waitMs: WRITER_WAIT_SECONDS * 1000,
        onWait: () =>
          io.stderr.write("another process is writing to the database; waiting for it to finish…\n"),
      }).catch((error: Error) => {
        throw new CliError(error.message);
      });
      try {
        const loaded = await loadBundledDatasetIfEmpty(db);
        if (loaded) io.stderr.write(`loaded the bundled dataset: ${loaded} events\n`);
        const search = new SearchService(db, {
          snapshotPath: searchSnapshotPath(location, io.env),
          location,
          onIndexed: (how, events, seconds) => {
            const source = how === "loaded" ? "loaded from its snapshot" : "built";
            io.stderr.write(`search index of ${events} events ${source} in ${seconds.toFixed(1)} s\n`);
          },
        });
        // Built while the client connects, not before: an assistant waits for its first answer, not the
        // index. A client that leaves before it is done ends the build with the database: no warning then.
        let ended = false;
        search.currentIndex().catch((error: Error) => {
          if (!ended) io.stderr.write(`warning: the search index could not be built: ${error.message}\n`);
        });
        const services = buildServices({ db, search }, () => options.baseUrl);
        // Started by hand at a terminal, it would seem to hang: say what it waits for.
        if (io.stdin?.isTTY)
          io.stderr.write(
            "aigov mcp: reading MCP (JSON-RPC) on stdin; an assistant starts this command itself (README: MCP). Ctrl-D ends it.\n",
          );
        await serveMcpOverStdio(
          services,
          {
            // No stdin is a closed one: there is nothing to answer.
            stdin: (io.stdin ?? Readable.from([])) as Readable,
            stdout: io.stdout as Writable,
          },
          (error, tool) =>
            io.stderr.write(
              `error${tool ? ` in ${tool}` : ""}: ${(error as Error)?.stack ?? String(error)}\n`,
            ),
        );
        ended = true;
      } finally {
        await db.destroy();
      }
    });
}
