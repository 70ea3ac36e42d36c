import type { Command } from "commander";
import { describeIssues } from "../domain/event.js";
import { type EventFilter, EventFilterInput, toEventFilter } from "../domain/eventQuery.js";
import { CliError } from "./cliError.js";

const collect = (value: string, previous: string[] = []) => [
  ...previous,
  ...value
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean),
];

/** Adds the filters of `aigov list` to a command. */
export function addFilterOptions(command: Command): Command {
  return command
    .option("--from <date>", "events that end on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)")
    .option("--to <date>", "events that start on or before this date")
    .option(
      "--jurisdiction <code>",
      "ISO 3166 or body code, e.g. CN, US-CA, EU (repeatable, or comma-separated)",
      collect,
    )
    .option("--type <type>", "law, regulation, executive_order, guideline, … (repeatable)", collect)
    .option("--level <level>", "international, regional, national or subnational (repeatable)", collect)
    .option("--bindingness <value>", "binding, voluntary, draft or none (repeatable)", collect)
    .option(
      "--tag <tag>",
      "a tag such as export-controls; several tags must all match (repeatable)",
      collect,
    );
}

/** Checks the filter options against the shared schema; a bad value is a usage error (exit 2). */
export function readFilterOptions(options: Record<string, unknown>): EventFilter {
  return toEventFilter(readFilterInput(options));
}

/** The filter options as the query schemas of the use cases take them (the API's parameters). */
export function readFilterInput(options: Record<string, unknown>): EventFilterInput {
  const result = EventFilterInput.safeParse({
    from: options.from,
    to: options.to,
    jurisdiction: (options.jurisdiction as string[] | undefined)?.map((code) => code.toUpperCase()),
    type: options.type,
    level: options.level,
    bindingness: options.bindingness,
    tag: options.tag,
  });
  if (!result.success)
    throw new CliError(`bad filter: ${describeIssues(result.error).replace(/^(\w+)/, "--$1")}`, 2);
  return result.data;
}
