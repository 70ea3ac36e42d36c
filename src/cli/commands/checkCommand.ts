import { readFileSync, statSync } from "node:fs";
import { Command } from "commander";
import { Language } from "../../domain/localizedText.js";
import { checkAnswerView, type DutyView } from "../../obligations/checkAnswerView.js";
import { checkProfile } from "../../app/check.js";
import type { CheckResult } from "../../obligations/checkObligations.js";
import { todayUtc } from "../../obligations/deadlines.js";
import { bundledObligations } from "../../reference/obligationsData.js";
import { describeProfileIssues, isCheckDate, MAX_PROFILE_BYTES } from "../../obligations/profileInput.js";
import { CHECK_TEXT } from "../checkPhrases.js";
import { CliError } from "../cliError.js";
import type { CliIo } from "../cliIo.js";
import { terminalJson, terminalOutput } from "../terminalText.js";

function dutyLines(duty: DutyView, lang: Language): string[] {
  const head = `    ${duty.title}${duty.cooperationOnly ? CHECK_TEXT[lang].cooperationOnly : ""}`;
  const lines = [head, `      ${duty.article} · ${duty.verification} · ${duty.url}`];
  for (const line of duty.dates) lines.push(`      ${line}`);
  if (duty.why) lines.push(`      ${duty.why}`);
  if (duty.penaltyNotReached) lines.push(`      ${duty.penaltyNotReached}`);
  return lines;
}

/**
 * The answer as text for a person: a verdict per market first, then its duties by title, penalties, notes
 * and what aigov does not cover there; then the questions.
 */
export function formatCheckResult(result: CheckResult, lang: Language, data = bundledObligations()): string {
  const say = CHECK_TEXT[lang];
  const view = checkAnswerView(result, data, lang);
  const lines = [say.title(view.at), ""];
  for (const market of view.markets) {
    lines.push(say.market(market.name, market.jurisdiction, market.headline));
    if (market.notCovered.length) lines.push(say.incomplete(market.notCovered.length));
    for (const section of market.sections) {
      if (section.place === "notApplicable") continue;
      lines.push(say.heading(section.heading));
      for (const line of section.shared) lines.push(say.forEach(line));
      for (const duty of section.duties) lines.push(...dutyLines(duty, lang));
    }
    const notApplicable = market.sections.find((s) => s.place === "notApplicable");
    if (notApplicable) {
      lines.push(say.heading(notApplicable.heading));
      for (const duty of notApplicable.duties) lines.push(`    ${duty.title} — ${duty.why ?? ""}`);
    }
    for (const penalty of market.penalties)
      lines.push(say.penalty(penalty.instrument, penalty.articles, penalty.text));
    for (const note of market.notes) lines.push(say.note(note));
    if (market.notCovered.length) {
      lines.push(say.notCovered);
      for (const gap of market.notCovered)
        lines.push(say.gap(gap.title, gap.reaches, gap.since, gap.verification));
    }
    lines.push("");
  }
  if (view.questions.length) {
    lines.push(say.questions);
    for (const q of view.questions) lines.push(say.question(q.question, q.label, q.decides.length));
    lines.push("");
  }
  if (view.outside.duties.length)
    lines.push(say.outside(view.outside.jurisdictions, view.outside.duties.length), "");
  return `${lines.join("\n").trimEnd()}\n`;
}

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
