import { Command, CommanderError } from "commander";
import { AppError } from "../app/appError.js";
import { CliError } from "./cliError.js";
import type { CliIo, OutputStream } from "./cliIo.js";
import { terminalText } from "./terminalText.js";

type CommandFactory = (io: CliIo) => Command;

/**
 * Every command, in the order `aigov --help` lists them, each module imported only when its command
 * runs: `aigov list` does not load the web app, nor `aigov --version` anything at all.
 */
const COMMANDS: readonly [name: string, load: () => Promise<CommandFactory>][] = [
  ["import", async () => (await import("./commands/importCommand.js")).importCommand],
  ["list", async () => (await import("./commands/listCommand.js")).listCommand],
  ["show", async () => (await import("./commands/showCommand.js")).showCommand],
  ["search", async () => (await import("./commands/searchCommand.js")).searchCommand],
  ["export", async () => (await import("./commands/exportCommand.js")).exportCommand],
  ["report", async () => (await import("./commands/reportCommand.js")).reportCommand],
  ["check", async () => (await import("./commands/checkCommand.js")).checkCommand],
  ["instruments", async () => (await import("./commands/instrumentsCommand.js")).instrumentsCommand],
  ["links", async () => (await import("./commands/linksCommand.js")).linksCommand],
  // serve writes to the process's own streams and ends the process on a signal: it is a process.
  ["serve", async () => (await import("./commands/serveCommand.js")).serveCommand],
  // mcp holds stdin and stdout for the protocol until the client closes its end.
  ["mcp", async () => (await import("./commands/mcpCommand.js")).mcpCommand],
  ["migrate", async () => (await import("./commands/migrateCommand.js")).migrateCommand],
  ["users", async () => (await import("./commands/usersCommand.js")).usersCommand],
  ["tokens", async () => (await import("./commands/tokensCommand.js")).tokensCommand],
  ["audit", async () => (await import("./commands/auditCommand.js")).auditCommand],
  ["subscriptions", async () => (await import("./commands/subscriptionsCommand.js")).subscriptionsCommand],
  ["release", async () => (await import("./commands/releaseCommand.js")).releaseCommand],
];

const isFlag = (arg: string) => arg.startsWith("-");

/**
 * The names of the commands whose modules this run needs: the one it runs (`aigov help X` shows X's help),
 * none for `--version`, and every one when the program's own help is printed (it lists their arguments)
 * or a command is unknown. The program itself takes no option with a value, so its first word that is not
 * a flag names the command, as Commander reads it too.
 */
export function commandsToLoad(args: readonly string[]): Set<string> {
  const all = new Set(COMMANDS.map(([name]) => name));
  const words = args.filter((arg) => !isFlag(arg));
  const named = words[0] === "help" ? words[1] : words[0];
  if (named !== undefined && all.has(named)) return new Set([named]);
  const flags = args.filter(isFlag);
  const versionOnly =
    words.length === 0 &&
    flags.some((flag) => flag === "-V" || flag === "--version") &&
    !flags.some((flag) => flag === "-h" || flag === "--help");
  return versionOnly ? new Set() : all;
}

/** Commander writes its messages, help and version to the run's streams, at their width (80 off a terminal, as its own default). */
function outputTo(stdout: OutputStream, stderr: OutputStream) {
  const width = (stream: OutputStream) => (stream.isTTY ? stream.columns : undefined) ?? 80;
  const colors = (stream: OutputStream) => stream.isTTY === true && stream.hasColors?.() === true;
  return {
    writeOut: (text: string) => stdout.write(text),
    writeErr: (text: string) => stderr.write(text),
    getOutHelpWidth: () => width(stdout),
    getErrHelpWidth: () => width(stderr),
    getOutHasColors: () => colors(stdout),
    getErrHasColors: () => colors(stderr),
  };
}

/**
 * Builds the `aigov` program for these arguments: the commands they need loaded in full, the others by
 * name only (enough for Commander to suggest one for a misspelt command; their help is never printed).
 */
export async function buildProgram(args: readonly string[], io: CliIo): Promise<Command> {
  const output = outputTo(io.stdout, io.stderr);
  const program = new Command("aigov")
    .description("aigov: an AI-governance observatory — sourced events, bilingual search, reports")
    .version("0.1.0")
    .exitOverride()
    .configureOutput(output)
    .showHelpAfterError("(run with --help for usage)");
  const needed = commandsToLoad(args);
  for (const [name, load] of COMMANDS) {
    const command = needed.has(name) ? (await load())(io) : new Command(name);
    // addCommand copies no settings from the program: each command (and each of its own, as in
    // `users add`) is told where to write, and not to exit.
    const tell = (each: Command) => {
      each.exitOverride().configureOutput(output);
      each.commands.forEach(tell);
    };
    tell(command);
    program.addCommand(command);
  }
  return program;
}

/**
 * Runs the CLI on `args` (the words after `aigov`) with these streams and environment and returns its
 * exit code: 0 on success, 1 with one line "error: …" for bad input, 2 for bad usage.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  try {
    await (await buildProgram(args, io)).parseAsync([...args], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has printed its message already; --help and --version are successes.
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof CliError) {
      // Messages quote data (ids, titles, file names): one line, no control characters.
      io.stderr.write(`error: ${terminalText(error.message).replace(/\n/g, " ")}\n`);
      return error.exitCode;
    }
    if (error instanceof AppError) {
      // A use case's refusal (bad input, nothing there, a missing Chromium): one line, exit 1.
      io.stderr.write(`error: ${terminalText(error.message).replace(/\n/g, " ")}\n`);
      return 1;
    }
    io.stderr.write(`error: ${terminalText((error as Error).stack ?? String(error))}\n`);
    return 1;
  }
}
