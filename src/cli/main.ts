#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { CliError } from "./cliError.js";
import { checkCommand } from "./commands/checkCommand.js";
import { terminalText } from "./terminalText.js";
import { exportCommand } from "./commands/exportCommand.js";
import { importCommand } from "./commands/importCommand.js";
import { instrumentsCommand } from "./commands/instrumentsCommand.js";
import { listCommand } from "./commands/listCommand.js";
import { migrateCommand } from "./commands/migrateCommand.js";
import { reportCommand } from "./commands/reportCommand.js";
import { searchCommand } from "./commands/searchCommand.js";
import { serveCommand } from "./commands/serveCommand.js";
import { showCommand } from "./commands/showCommand.js";

/** Builds the `aigov` program with every command. */
export function buildProgram(): Command {
  const program = new Command("aigov")
    .description("aigov: an AI-governance observatory — sourced events, bilingual search, reports")
    .version("0.1.0")
    .exitOverride()
    .showHelpAfterError("(run with --help for usage)");
  for (const command of [
    importCommand(),
    listCommand(),
    showCommand(),
    searchCommand(),
    exportCommand(),
    reportCommand(),
    checkCommand(),
    instrumentsCommand(),
    serveCommand(),
    migrateCommand(),
  ]) {
    command.exitOverride();
    program.addCommand(command);
  }
  return program;
}

/** Runs the CLI: exit 0 on success, 1 with one line "error: …" for bad input, 2 for bad usage. */
export async function main(argv: string[]): Promise<number> {
  try {
    await buildProgram().parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message already; --help and --version are successes.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      // Messages quote data (ids, titles, file names): one line, no control characters.
      process.stderr.write(`error: ${terminalText(error.message).replace(/\n/g, " ")}\n`);
      return error.exitCode;
    }
    process.stderr.write(`error: ${terminalText((error as Error).stack ?? String(error))}\n`);
    return 1;
  }
}

// A reader that stops early (`aigov list | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

main(process.argv).then((code) => {
  process.exitCode = code;
});
