import { readFileSync, statSync } from "node:fs";
import { Command } from "commander";
import { Language, type LocalizedText, pickText } from "../../domain/localizedText.js";
import { type CheckItem, type CheckResult, checkObligations } from "../../obligations/checkObligations.js";
import { todayUtc } from "../../obligations/deadlines.js";
import { bundledObligations } from "../../obligations/obligationsData.js";
import {
  describeProfileIssues,
  isCheckDate,
  MAX_PROFILE_BYTES,
  profileFromJson,
} from "../../obligations/profileInput.js";
import { CliError } from "../cliError.js";

const text = (value: LocalizedText | null | undefined, lang: Language) =>
  (value && pickText(value, lang)) ?? "";

function itemLines(item: CheckItem, lang: Language, notApplicable: boolean): string[] {
  const zh = lang === "zh";
  const head = `  ${item.from}  ${item.citation.article} — ${text(item.title, lang)}`;
  const lines = [
    item.nature === "cooperation" ? `${head}  [${zh ? "仅配合义务" : "cooperation duty only"}]` : head,
  ];
  if (notApplicable)
    lines.push(`      ${zh ? "原因" : "why"}: ${text(item.reason, lang)} (${item.decidedBy})`);
  else {
    if (item.transition)
      lines.push(`      ${text(item.transition.label, lang)} (${item.transition.article})`);
    if (item.penalty) lines.push(`      ${zh ? "罚则" : "penalty"}: ${text(item.penalty, lang)}`);
  }
  lines.push(`      ${item.citation.url}  [${item.obligation}]`);
  return lines;
}

function groupLines(title: string, items: CheckItem[], lang: Language, notApplicable = false): string[] {
  if (!items.length) return [];
  const lines = [title];
  for (const code of [...new Set(items.map((i) => i.jurisdiction))]) {
    lines.push(` ${code}`);
    for (const item of items.filter((i) => i.jurisdiction === code))
      lines.push(...itemLines(item, lang, notApplicable));
  }
  return [...lines, ""];
}

/** The answer as text for a person: grouped by jurisdiction, with dates and article numbers. */
export function formatCheckResult(result: CheckResult, lang: Language): string {
  const zh = lang === "zh";
  const lines = [zh ? `义务检查，日期 ${result.at}` : `Obligations on ${result.at}`, ""];
  lines.push(...groupLines(zh ? "已适用：" : "Applies:", result.applies, lang));
  lines.push(...groupLines(zh ? "即将适用：" : "Applies later:", result.upcoming, lang));
  if (result.missing.length) {
    lines.push(zh ? "缺少的信息（决定以下义务）：" : "Missing (would decide):");
    for (const m of result.missing) lines.push(`  ${m.field}: ${m.decides.join(", ")}`);
    lines.push("");
  }
  if (result.uncoveredMarkets.length)
    lines.push(
      `${zh ? "aigov 尚无以下市场的数据（并非没有义务）" : "No data for these markets (not the same as no duty)"}: ${result.uncoveredMarkets.join(", ")}`,
      "",
    );
  lines.push(...groupLines(zh ? "不适用：" : "Does not apply:", result.notApplicable, lang, true));
  if (!result.applies.length && !result.upcoming.length)
    lines.push(zh ? "没有适用或即将适用的义务。" : "No duty applies or is coming for this profile.");
  return `${lines.join("\n").trimEnd()}\n`;
}

/** `aigov check PROFILE.json`: which obligations bind a model or service on a date, with their articles. */
export function checkCommand(): Command {
  return new Command("check")
    .description("which obligations apply to an AI model or service described by a JSON profile")
    .argument(
      "<profile>",
      "a JSON file describing the model or service (see README: The obligations checker)",
    )
    .option("--at <date>", "the date to check on, YYYY-MM-DD (default: today, UTC)")
    .option("--json", "print { at, applies, upcoming, notApplicable, missing, uncoveredMarkets } as JSON")
    .option("--lang <lang>", "language of the text output: zh or en", "en")
    .action((file: string, options: { at?: string; json?: boolean; lang: string }) => {
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
        options.json ? `${JSON.stringify(result, null, 2)}\n` : formatCheckResult(result, lang),
      );
    });
}
