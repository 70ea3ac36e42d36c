import type { Language } from "../domain/localizedText.js";
import type { ObligationsData } from "../reference/obligationsData.js";
import { checkAnswerView, type DutyView } from "./checkAnswerView.js";
import type { CheckResult } from "./checkObligations.js";
import { CHECK_TEXT } from "./checkTextPhrases.js";

function dutyLines(duty: DutyView, lang: Language): string[] {
  const head = `    ${duty.title}${duty.cooperationOnly ? CHECK_TEXT[lang].cooperationOnly : ""}`;
  const lines = [head, `      ${duty.article} · ${duty.verification} · ${duty.url}`];
  for (const line of duty.dates) lines.push(`      ${line}`);
  if (duty.why) lines.push(`      ${duty.why}`);
  if (duty.penaltyNotReached) lines.push(`      ${duty.penaltyNotReached}`);
  return lines;
}

/**
 * A check's answer as text for a person, as `aigov check` prints it and the MCP tool `check_profile`
 * says it: a verdict per market first, then its duties by title (each with its article, how it was
 * verified and the official text's URL), penalties, notes and what aigov does not cover there; then the
 * questions. Not cleaned for a terminal: the CLI does that where it prints.
 */
export function formatCheckResult(result: CheckResult, lang: Language, data: ObligationsData): string {
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
