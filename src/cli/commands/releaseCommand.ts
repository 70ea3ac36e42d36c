import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { Command } from "commander";
import { buildServices } from "../../app/appServices.js";
import { createRelease, listReleases, releaseFile, verifyRelease } from "../../app/releases.js";
import type { PresentedRelease } from "../../app/releaseResponses.js";
import { resolveDatabaseLocation } from "../../config.js";
import { SearchService } from "../../search/searchService.js";
import type { Database } from "../../storage/database.js";
import { CliError } from "../cliError.js";
import type { CliIo } from "../cliIo.js";
import { textTable } from "../textTable.js";
import { withDatabase } from "../withDatabase.js";
import { writeOutput } from "../writeOutput.js";

const DB_HELP = "SQLite file or postgres:// URL (default: $AIGOV_DB or the user's data directory)";

/** The services a release command needs: no index is built, only the database and the reference data. */
const servicesOf = (db: Database, baseUrl: string) =>
  buildServices({ db, search: new SearchService(db) }, () => baseUrl.replace(/\/+$/, ""));

/** What `aigov release` prints: the counts, then each file with its size and SHA-256. */
function summary(release: PresentedRelease): string {
  const { counts } = release;
  const rows = [...release.files, release.manifest].map((f) => [f.name, String(f.bytes), f.sha256]);
  return (
    `release ${release.version} (${release.createdAt}): ${counts.events} events, ${counts.instruments} instruments, ${counts.obligations} obligations, ${counts.corrections} corrections\n` +
    `${textTable(["file", "bytes", "sha256"], rows)}\n` +
    `served at ${release.url}\n`
  );
}

/**
 * `aigov release VERSION`: freezes the published data as a citable release (refused for a version
 * released already); `release list` lists them, `release verify VERSION` checks every file's SHA-256.
 */
export function releaseCommand(io: CliIo): Command {
  const command = new Command("release")
    .description(
      "freeze the published data as a citable release VERSION (e.g. 2026.12 or 1.0.0); see also list, verify",
    )
    .argument(
      "<version>",
      "the new release's version: digits in dotted parts (2026.12, 1.0.0), -suffix optional",
    )
    .option("--out <dir>", "also write the release's files to this folder")
    .option(
      "--base-url <url>",
      "where the server runs, for the release's URL in its citation",
      "http://localhost:8080",
    )
    .option("--db <path>", DB_HELP)
    .action(async (version: string, options: { out?: string; db?: string; baseUrl: string }) => {
      const location = resolveDatabaseLocation(options.db, io.env);
      await withDatabase(location, async (db) => {
        const services = servicesOf(db, options.baseUrl);
        const release = await createRelease(services, version);
        if (options.out) {
          await mkdir(options.out, { recursive: true }).catch((error: Error) => {
            throw new CliError(`cannot create ${options.out}: ${error.message}`);
          });
          for (const entry of [...release.files, release.manifest]) {
            const file = await releaseFile(services, release.version, entry.name);
            await writeOutput(join(options.out, entry.name), file.content);
          }
        }
        io.stdout.write(summary(release));
        if (options.out) io.stderr.write(`wrote ${release.files.length + 1} files to ${options.out}\n`);
      });
    });
  // Commander reads `release list --db X` as the option of `release` (the program's options are not
  // positional), so each subcommand takes its options merged with those of `release` (optsWithGlobals).
  command
    .command("list")
    .description("list the releases, the newest first")
    .option("--json", "print them as JSON (the answer of GET /api/releases)")
    .option(
      "--base-url <url>",
      "where the server runs, for the releases' URLs (default: http://localhost:8080)",
    )
    .option("--db <path>", DB_HELP)
    .action(async (_options: unknown, list: Command) => {
      const options = list.optsWithGlobals<{ json?: boolean; db?: string; baseUrl: string }>();
      const releases = await withDatabase(resolveDatabaseLocation(options.db, io.env), async (db) =>
        listReleases(servicesOf(db, options.baseUrl)),
      );
      if (options.json) {
        io.stdout.write(`${JSON.stringify({ items: releases }, null, 2)}\n`);
        return;
      }
      if (!releases.length) {
        io.stdout.write("no releases yet (make one with: aigov release VERSION)\n");
        return;
      }
      const rows = releases.map((r) => [
        r.version,
        r.createdAt,
        String(r.counts.events),
        String(r.files.length + 1),
      ]);
      io.stdout.write(`${textTable(["version", "created", "events", "files"], rows)}\n`);
    });
  command
    .command("verify")
    .description("recompute the SHA-256 of every file of a release and compare it with its manifest")
    .argument("<version>", "the release to check")
    .option("--db <path>", DB_HELP)
    .action(async (version: string, _options: unknown, verify: Command) => {
      const options = verify.optsWithGlobals<{ db?: string }>();
      const checks = await withDatabase(resolveDatabaseLocation(options.db, io.env), async (db) =>
        verifyRelease(servicesOf(db, "http://localhost:8080"), version),
      );
      for (const check of checks)
        io.stdout.write(`${check.ok ? "ok" : "FAILED"}  ${check.name}  ${check.actual}\n`);
      const failed = checks.filter((check) => !check.ok);
      if (failed.length)
        throw new CliError(
          `release ${version}: ${failed.map((f) => f.name).join(", ")} do not match the manifest`,
        );
      io.stderr.write(`release ${version}: all ${checks.length} checksums verify\n`);
    });
  return command;
}
