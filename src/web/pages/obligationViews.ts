import { httpUrlOrNull } from "../../domain/httpUrl.js";
import { type Language, type LocalizedText, pickText } from "../../domain/localizedText.js";
import {
  checkAnswerView,
  type DutyView,
  type MarketView,
  type QuestionView,
} from "../../obligations/checkAnswerView.js";
import type { CheckResult } from "../../obligations/checkObligations.js";
import type { ObligationsData } from "../../reference/obligationsData.js";
import type { Deadline } from "../../obligations/deadlines.js";
import { escapeHtml } from "../html.js";
import { formatDate } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import { translator } from "../i18n/t.js";
import { joinList } from "../../domain/languageForms.js";
import type { Obligation } from "../../domain/obligation.js";
import { THEME_WORDS } from "../../domain/themeWords.js";
import { label } from "../../domain/vocabulary.js";

const t = (text: LocalizedText | null | undefined, lang: Language) =>
  escapeHtml((text && pickText(text, lang)) ?? "");

/** A link when the URL is http(s) (the one rule of httpUrl.ts), else the label as text. */
export function linkHtml(url: string | null | undefined, label: string): string {
  const safe = httpUrlOrNull(url);
  return safe ? `<a href="${escapeHtml(safe)}" rel="noopener">${escapeHtml(label)}</a>` : escapeHtml(label);
}

/** "What takes effect next": upcoming applicability dates, each with its instrument and what starts. */
export function deadlinesListHtml(deadlines: Deadline[], lang: Language): string {
  const tr = translator(lang);
  if (!deadlines.length) return "";
  const items = deadlines
    .map(
      (d) =>
        `<li><time datetime="${escapeHtml(d.date)}">${escapeHtml(d.date)}</time> · ${escapeHtml(d.jurisdiction)} · <a href="${escapeHtml(localHref(`/instruments/${encodeURIComponent(d.instrument)}`, lang))}">${escapeHtml(pickText(d.title, lang) ?? d.instrument)}</a><br><span class="muted">${d.what
          .slice(0, 4)
          .map((w) => t(w, lang))
          .join("; ")}${d.what.length > 4 ? " …" : ""}</span></li>`,
    )
    .join("\n");
  return `<section aria-labelledby="next-heading"><h2 id="next-heading">${tr("obligations.nextHeading")}</h2>
<ul>${items}</ul>
<p class="muted"><a href="/check?lang=${lang}">${tr("obligations.checkLink")}</a> · <a href="${escapeHtml(localHref("/deadlines", lang))}">${tr("obligations.allDeadlines")}</a> · <a href="${escapeHtml(localHref("/instruments", lang))}">${tr("obligations.allInstruments")}</a> · <a href="/api/deadlines">JSON</a></p></section>`;
}

/**
 * Whom a duty binds (its roles, the new ones too) and its themes, each theme a link to the same duty
 * compared across jurisdictions.
 */
function boundAndThemesHtml(obligation: Obligation | undefined, lang: Language): string {
  if (!obligation) return "";
  const tr = translator(lang);
  const roles = joinList(
    obligation.roles.map((role) => label("role", role, lang)),
    lang,
  );
  const themes = obligation.themes
    .map(
      (theme) =>
        `<a href="${escapeHtml(localHref("/compare/duties", lang, { theme, j: obligation.jurisdiction }))}">${escapeHtml(THEME_WORDS[theme].name[lang])}</a>`,
    )
    .join(tr("compareDuties.listSeparator"));
  return `<span class="muted">${tr("obligations.binds")}${escapeHtml(roles)}${themes ? ` · ${tr("obligations.themes")}${themes}` : ""}</span>`;
}

function dutyHtml(duty: DutyView, lang: Language, data?: ObligationsData): string {
  const tr = translator(lang);
  const cooperation = duty.cooperationOnly ? ` <strong>${tr("obligations.cooperationOnly")}</strong>` : "";
  const obligation = data?.obligations.find((o) => o.id === duty.obligation);
  const lines = [
    `<strong>${escapeHtml(duty.title)}</strong>${cooperation}`,
    `<span class="muted">${linkHtml(duty.url, duty.article)} · <a href="${escapeHtml(localHref(`/instruments/${encodeURIComponent(duty.instrument.id)}`, lang))}">${escapeHtml(duty.instrument.title)}</a> · ${escapeHtml(duty.verification)}</span>`,
    ...(obligation ? [boundAndThemesHtml(obligation, lang)] : []),
    ...duty.dates.map(escapeHtml),
  ];
  if (duty.why) lines.push(escapeHtml(duty.why));
  if (duty.penaltyNotReached) lines.push(escapeHtml(duty.penaltyNotReached));
  return `<li>${lines.join("<br>")}</li>`;
}

function questionsHtml(questions: QuestionView[], lang: Language): string {
  const tr = translator(lang);
  return `<ul>${questions
    .map(
      (q) =>
        `<li><a href="#f-${escapeHtml(q.field)}">${escapeHtml(q.question)}</a> <span class="muted">(${escapeHtml(q.label)}; ${tr(q.decides.length === 1 ? "obligations.decidesOne" : "obligations.decides", { count: String(q.decides.length) })})</span></li>`,
    )
    .join("\n")}</ul>`;
}

function marketHtml(market: MarketView, lang: Language, data: ObligationsData): string {
  const tr = translator(lang);
  const id = `market-${market.jurisdiction}`;
  const sections = market.sections
    .map((section) => {
      const list = `<ul>${section.duties.map((d) => dutyHtml(d, lang, data)).join("\n")}</ul>`;
      return section.place === "notApplicable"
        ? `<details><summary>${escapeHtml(section.heading)} (${section.duties.length})</summary>${list}</details>`
        : `<h4>${escapeHtml(section.heading)}</h4>${section.shared.map((line) => `<p class="muted">${tr("obligations.forEach")}${escapeHtml(line.replace(/^or: /, "or ").replace(/^或：/, "或"))}</p>`).join("")}${list}`;
    })
    .join("\n");
  const penalties = market.penalties.length
    ? `<h4>${tr("obligations.penalties")}</h4><ul>${market.penalties
        .map(
          (p) =>
            `<li>${escapeHtml(p.text)} <span class="muted">(${escapeHtml(p.instrument)}; ${escapeHtml(joinList(p.articles, lang))})</span></li>`,
        )
        .join("\n")}</ul>`
    : "";
  const notes = market.notes.length
    ? `<h4>${tr("obligations.notes")}</h4><ul>${market.notes.map((n) => `<li class="muted">${escapeHtml(n)}</li>`).join("\n")}</ul>`
    : "";
  const questions = market.questions.length
    ? `<h4>${tr("obligations.questions")}</h4>${questionsHtml(market.questions, lang)}`
    : "";
  // Named in every answer, so that a short list of duties is never read as all that binds there.
  const notCovered = market.notCovered.length
    ? `<details class="check-not-covered" id="${escapeHtml(`not-covered-${market.jurisdiction}`)}" open><summary>${tr("obligations.notCovered", { count: String(market.notCovered.length) })}</summary><ul>${market.notCovered
        .map(
          (gap) =>
            `<li>${escapeHtml(gap.title)} — ${escapeHtml(gap.reaches)}${gap.since ? ` <span class="muted">${tr("obligations.since")} <time datetime="${escapeHtml(gap.since)}">${escapeHtml(formatDate(gap.since, lang))}</time>${tr("obligations.sinceClose")}</span>` : ""} <span class="muted">· ${escapeHtml(gap.verification)}${gap.sources.map((url, i) => ` ${linkHtml(url, `[${i + 1}]`)}`).join("")}</span></li>`,
        )
        .join(
          "\n",
        )}</ul><p class="muted"><a href="${escapeHtml(localHref("/coverage", lang))}">${tr("obligations.whatCovered")}</a></p></details>`
    : "";
  return `<section aria-labelledby="${escapeHtml(id)}" class="check-market" data-verdict="${escapeHtml(market.verdict)}"><h3 id="${escapeHtml(id)}">${escapeHtml(market.name)}</h3>
<p class="check-verdict"><strong>${escapeHtml(market.headline)}</strong></p>
${
  market.notCovered.length
    ? `<p class="muted">${tr(market.notCovered.length === 1 ? "obligations.incompleteOne" : "obligations.incomplete", { count: String(market.notCovered.length), href: `#not-covered-${escapeHtml(market.jurisdiction)}` })}</p>`
    : ""
}
${questions}
${sections}
${penalties}
${notes}
${notCovered}
</section>`;
}

/** A check's answer: one verdict per market first, its duties by title, questions linked to the form, penalties once. */
export function checkResultHtml(result: CheckResult, data: ObligationsData, lang: Language): string {
  const tr = translator(lang);
  const view = checkAnswerView(result, data, lang);
  const questions = view.questions.length
    ? `<section aria-labelledby="questions-heading"><h3 id="questions-heading">${tr("obligations.answerRest")}</h3>${questionsHtml(view.questions, lang)}</section>`
    : "";
  const outside = view.outside.duties.length
    ? `<details><summary>${tr("obligations.outside", { list: escapeHtml(joinList(view.outside.jurisdictions, lang)) })} (${view.outside.duties.length})</summary><ul>${view.outside.duties.map((d) => dutyHtml(d, lang, data)).join("\n")}</ul></details>`
    : "";
  return `<section aria-labelledby="result-heading" id="result"><h2 id="result-heading">${tr("obligations.result")} · <time datetime="${escapeHtml(result.at)}">${escapeHtml(result.at)}</time></h2>
${view.markets.map((m) => marketHtml(m, lang, data)).join("\n")}
${questions}
${outside}
</section>`;
}
