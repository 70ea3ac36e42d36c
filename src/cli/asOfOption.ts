import type { Command } from "commander";
import { AsOf } from "../domain/asOf.js";
import { CliError } from "./cliError.js";

/** `--as-of`: a moment as the AsOf schema takes it (normalised to UTC), or a usage error naming the option. */
function parseAsOf(value: string): string {
  const parsed = AsOf.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new CliError(`--as-of: ${parsed.error.issues[0]?.message ?? "invalid"}, got "${value}"`, 2);
}

/** Adds `--as-of DATETIME` to a command that reads the archive: the answer as published at that moment. */
export function addAsOfOption(command: Command, what: string): Command {
  return command.option(
    "--as-of <datetime>",
    `${what} as published at this moment (ISO 8601, e.g. 2026-01-01T00:00:00Z, or a date: its start in UTC)`,
    parseAsOf,
  );
}
