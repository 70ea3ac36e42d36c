import { readFileSync, statSync } from "node:fs";
import { Command } from "commander";
import { Language } from "../../domain/localizedText.js";
import { formatCheckResult } from "../../obligations/checkAnswerText.js";
import { checkProfile } from "../../app/check.js";
import { todayUtc } from "../../obligations/deadlines.js";
import { bundledObligations } from "../../reference/obligationsData.js";
import { describeProfileIssues, isCheckDate, MAX_PROFILE_BYTES } from "../../obligations/profileInput.js";
import { CliError } from "../cliError.js";
import type { CliIo } from "../cliIo.js";
import { terminalJson, terminalOutput } from "../terminalText.js";

/** `aigov check PROFILE.json`: which obligations bind a model or service on a date, with their articles. */
export function checkCommand(io: CliIo): Command {
  return new Command("check")
    .description("which obligations apply to an AI model or service described by a JSON profile")
    .argument(
      "<profile>",
      "a JSON file describing the model or service (see README: Obligations: which rules bind a model or service)",
    )
    .option("--db <path>", "the database (accepted like every command; the checker reads the bundled laws)")
    .option("--at <date>", "the date to check on, YYYY-MM-DD (default: today, UTC)")
    .option(
      "--json",
      "print { at, markets, questions, applies, upcoming, open, notApplicable, missing, uncoveredMarkets } as JSON",
    )
    .option("--lang <lang>", "language of the text output: zh or en", "en")
    .action((file: string, options: { at?: string; json?: boolean; lang: string; db?: string }) => {
      const lang = Language.safeParse(options.lang).data;
      if (!lang) throw new CliError(`--lang: expected zh or en, got "${options.lang}"`, 2);
      const at = options.at ?? todayUtc();
      if (!isCheckDate(at)) throw new CliError(`--at: expected a date written YYYY-MM-DD, got "${at}"`);
      let raw: string;
      try {
        if (statSync(file).size > MAX_PROFILE_BYTES)
          throw new CliError(
            `${file}: larger than ${MAX_PROFILE_BYTES / 1024} KB; a profile is a small JSON object`,
          );
        raw = readFileSync(file, "utf8");
      } catch (error) {
        if (error instanceof CliError) throw error;
        throw new CliError(
          `${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        );
      }
      // The checker reads the bundled laws alone, never the database.
      const data = bundledObligations();
      const outcome = checkProfile({ obligations: data }, { json: raw }, at);
      if ("issues" in outcome) throw new CliError(`${file}: ${describeProfileIssues(outcome.issues)}`);
      const { result } = outcome;
      io.stdout.write(
        options.json
          ? `${terminalJson(result)}\n`
          : terminalOutput(io.stdout, formatCheckResult(result, lang, data)),
      );
    });
}
