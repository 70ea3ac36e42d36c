import { readFileSync, statSync } from "node:fs";
import { Command } from "commander";
import { Language } from "../../domain/localizedText.js";
import { checkAnswerView, type DutyView } from "../../obligations/checkAnswerView.js";
import { type CheckResult, checkObligations } from "../../obligations/checkObligations.js";
import { todayUtc } from "../../obligations/deadlines.js";
import { bundledObligations } from "../../obligations/obligationsData.js";
import {
  describeProfileIssues,
  isCheckDate,
  MAX_PROFILE_BYTES,
  profileFromJson,
} from "../../obligations/profileInput.js";
import { CliError } from "../cliError.js";
import { terminalJson, terminalOutput } from "../terminalText.js";

function dutyLines(duty: DutyView, lang: Language): string[] {
  const zh = lang === "zh";
  const head = `    ${duty.title}${duty.cooperationOnly ? (zh ? "  [仅配合义务]" : "  [cooperation duty only]") : ""}`;
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
  const zh = lang === "zh";
  const view = checkAnswerView(result, data, lang);
  const lines = [
    zh ? `义务检查，日期 ${view.at}（不是法律意见）` : `Obligations on ${view.at} (not legal advice)`,
    "",
  ];
  for (const market of view.markets) {
    lines.push(
      zh
        ? `${market.name}（${market.jurisdiction}）— ${market.headline}`
        : `${market.name} (${market.jurisdiction}) — ${market.headline}`,
    );
    if (market.notCovered.length)
      lines.push(
        zh
          ? `  答案不完整：aigov 知道此处还有 ${market.notCovered.length} 项规则未建模（见下）`
          : `  Not a complete answer: aigov knows ${market.notCovered.length} more ${market.notCovered.length === 1 ? "rule" : "rules"} here that it does not model (listed below)`,
      );
    for (const section of market.sections) {
      if (section.place === "notApplicable") continue;
      lines.push(`  ${section.heading}${zh ? "：" : ":"}`);
      for (const line of section.shared)
        lines.push(
          zh
            ? `    以下各项均适用：${line.replace(/^或：/, "或")}`
            : `    For each of these: ${line.replace(/^or: /, "or ")}`,
        );
      for (const duty of section.duties) lines.push(...dutyLines(duty, lang));
    }
    const notApplicable = market.sections.find((s) => s.place === "notApplicable");
    if (notApplicable) {
      lines.push(`  ${notApplicable.heading}${zh ? "：" : ":"}`);
      for (const duty of notApplicable.duties) lines.push(`    ${duty.title} — ${duty.why ?? ""}`);
    }
    for (const penalty of market.penalties)
      lines.push(
        zh
          ? `  罚则（${penalty.instrument}；${penalty.articles.join("、")}）：${penalty.text}`
          : `  Penalty (${penalty.instrument}; ${penalty.articles.join(", ")}): ${penalty.text}`,
      );
    for (const note of market.notes) lines.push(zh ? `  说明：${note}` : `  Note: ${note}`);
    if (market.notCovered.length) {
      lines.push(
        zh ? "  aigov 未涵盖（此处的答案不完整）：" : "  Not covered by aigov (this answer is not complete):",
      );
      for (const gap of market.notCovered) {
        const since = gap.since ? (zh ? `，自 ${gap.since}` : `, since ${gap.since}`) : "";
        lines.push(
          `    ${gap.title} — ${gap.reaches}${since}${zh ? `（${gap.verification}）` : ` (${gap.verification})`}`,
        );
      }
    }
    lines.push("");
  }
  if (view.questions.length) {
    lines.push(zh ? "回答以下问题即可判定其余义务：" : "Answer these to decide the rest:");
    for (const q of view.questions)
      lines.push(
        zh
          ? `  ${q.question}（${q.label}；决定 ${q.decides.length} 项）`
          : `  ${q.question} (${q.label}; decides ${q.decides.length})`,
      );
    lines.push("");
  }
  if (view.outside.duties.length)
    lines.push(
      zh
        ? `不在您的市场（${view.outside.jurisdictions.join("、")}）：${view.outside.duties.length} 项义务未列出`
        : `Not in your markets (${view.outside.jurisdictions.join(", ")}): ${view.outside.duties.length} duties not listed`,
      "",
    );
  return `${lines.join("\n").trimEnd()}\n`;
}

/** `aigov check PROFILE.json`: which obligations bind a model or service on a date, with their articles. */
export function checkCommand(): Command {
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
      const data = bundledObligations();
      const parsed = profileFromJson(raw, data);
      if ("issues" in parsed) throw new CliError(`${file}: ${describeProfileIssues(parsed.issues)}`);
      const result = checkObligations(data, parsed.profile, at);
      process.stdout.write(
        options.json
          ? `${terminalJson(result)}\n`
          : terminalOutput(process.stdout, formatCheckResult(result, lang, data)),
      );
    });
}
