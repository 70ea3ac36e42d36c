import { httpUrlOrNull } from "../../domain/httpUrl.js";
import { type Language, type LocalizedText, pickText } from "../../domain/localizedText.js";
import {
  checkAnswerView,
  type DutyView,
  type MarketView,
  type QuestionView,
} from "../../obligations/checkAnswerView.js";
import type { CheckResult } from "../../obligations/checkObligations.js";
import type { ObligationsData } from "../../obligations/obligationsData.js";
import type { Deadline } from "../../obligations/deadlines.js";
import { escapeHtml } from "../html.js";
import { formatDate } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";

const t = (text: LocalizedText | null | undefined, lang: Language) =>
  escapeHtml((text && pickText(text, lang)) ?? "");

/** A link when the URL is http(s) (the one rule of httpUrl.ts), else the label as text. */
export function linkHtml(url: string | null | undefined, label: string): string {
  const safe = httpUrlOrNull(url);
  return safe ? `<a href="${escapeHtml(safe)}" rel="noopener">${escapeHtml(label)}</a>` : escapeHtml(label);
}

/** "What takes effect next": upcoming applicability dates, each with its instrument and what starts. */
export function deadlinesListHtml(deadlines: Deadline[], lang: Language): string {
  const zh = lang === "zh";
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
  return `<section aria-labelledby="next-heading"><h2 id="next-heading">${zh ? "即将生效" : "What takes effect next"}</h2>
<ul>${items}</ul>
<p class="muted"><a href="/check?lang=${lang}">${zh ? "检查哪些义务适用于您的模型或服务" : "Check which duties bind your model or service"}</a> · <a href="${escapeHtml(localHref("/instruments", lang))}">${zh ? "全部法律文书" : "All instruments"}</a> · <a href="/api/deadlines">JSON</a></p></section>`;
}

function dutyHtml(duty: DutyView, lang: Language): string {
  const zh = lang === "zh";
  const cooperation = duty.cooperationOnly
    ? ` <strong>${zh ? "（仅为配合义务）" : "(cooperation only)"}</strong>`
    : "";
  const lines = [
    `<strong>${escapeHtml(duty.title)}</strong>${cooperation}`,
    `<span class="muted">${linkHtml(duty.url, duty.article)} · <a href="${escapeHtml(localHref(`/instruments/${encodeURIComponent(duty.instrument.id)}`, lang))}">${escapeHtml(duty.instrument.title)}</a> · ${escapeHtml(duty.verification)}</span>`,
    ...duty.dates.map(escapeHtml),
  ];
  if (duty.why) lines.push(escapeHtml(duty.why));
  if (duty.penaltyNotReached) lines.push(escapeHtml(duty.penaltyNotReached));
  return `<li>${lines.join("<br>")}</li>`;
}

function questionsHtml(questions: QuestionView[], lang: Language): string {
  const zh = lang === "zh";
  return `<ul>${questions
    .map(
      (q) =>
        `<li><a href="#f-${escapeHtml(q.field)}">${escapeHtml(q.question)}</a> <span class="muted">(${escapeHtml(q.label)}; ${zh ? `决定 ${q.decides.length} 项义务` : `decides ${q.decides.length} ${q.decides.length === 1 ? "duty" : "duties"}`})</span></li>`,
    )
    .join("\n")}</ul>`;
}

function marketHtml(market: MarketView, lang: Language): string {
  const zh = lang === "zh";
  const id = `market-${market.jurisdiction}`;
  const sections = market.sections
    .map((section) => {
      const list = `<ul>${section.duties.map((d) => dutyHtml(d, lang)).join("\n")}</ul>`;
      return section.place === "notApplicable"
        ? `<details><summary>${escapeHtml(section.heading)} (${section.duties.length})</summary>${list}</details>`
        : `<h4>${escapeHtml(section.heading)}</h4>${section.shared.map((line) => `<p class="muted">${zh ? "以下各项均适用：" : "For each of these: "}${escapeHtml(line.replace(/^or: /, "or ").replace(/^或：/, "或"))}</p>`).join("")}${list}`;
    })
    .join("\n");
  const penalties = market.penalties.length
    ? `<h4>${zh ? "罚则" : "Penalties"}</h4><ul>${market.penalties
        .map(
          (p) =>
            `<li>${escapeHtml(p.text)} <span class="muted">(${escapeHtml(p.instrument)}; ${escapeHtml(p.articles.join(zh ? "、" : ", "))})</span></li>`,
        )
        .join("\n")}</ul>`
    : "";
  const notes = market.notes.length
    ? `<h4>${zh ? "说明" : "Notes"}</h4><ul>${market.notes.map((n) => `<li class="muted">${escapeHtml(n)}</li>`).join("\n")}</ul>`
    : "";
  const questions = market.questions.length
    ? `<h4>${zh ? "需要回答的问题" : "Questions that would decide it"}</h4>${questionsHtml(market.questions, lang)}`
    : "";
  // Named in every answer, so that a short list of duties is never read as all that binds there.
  const notCovered = market.notCovered.length
    ? `<details class="check-not-covered" id="${escapeHtml(`not-covered-${market.jurisdiction}`)}" open><summary>${zh ? `aigov 未涵盖（${market.notCovered.length}）：此处的答案不完整` : `Not covered by aigov (${market.notCovered.length}): this answer is not complete`}</summary><ul>${market.notCovered
        .map(
          (gap) =>
            `<li>${escapeHtml(gap.title)} — ${escapeHtml(gap.reaches)}${gap.since ? ` <span class="muted">${zh ? "（自" : "(since"} <time datetime="${escapeHtml(gap.since)}">${escapeHtml(formatDate(gap.since, lang))}</time>${zh ? "）" : ")"}</span>` : ""} <span class="muted">· ${escapeHtml(gap.verification)}${gap.sources.map((url, i) => ` ${linkHtml(url, `[${i + 1}]`)}`).join("")}</span></li>`,
        )
        .join(
          "\n",
        )}</ul><p class="muted"><a href="${escapeHtml(localHref("/coverage", lang))}">${zh ? "aigov 涵盖哪些法律" : "What aigov covers"}</a></p></details>`
    : "";
  return `<section aria-labelledby="${escapeHtml(id)}" class="check-market" data-verdict="${escapeHtml(market.verdict)}"><h3 id="${escapeHtml(id)}">${escapeHtml(market.name)}</h3>
<p class="check-verdict"><strong>${escapeHtml(market.headline)}</strong></p>
${
  market.notCovered.length
    ? `<p class="muted">${zh ? `答案不完整：aigov 知道此处还有 ${market.notCovered.length} 项规则未建模（<a href="#not-covered-${escapeHtml(market.jurisdiction)}">查看</a>）。` : `Not a complete answer: aigov knows ${market.notCovered.length} more ${market.notCovered.length === 1 ? "rule" : "rules"} here that it does not model (<a href="#not-covered-${escapeHtml(market.jurisdiction)}">see which</a>).`}</p>`
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
  const zh = lang === "zh";
  const view = checkAnswerView(result, data, lang);
  const questions = view.questions.length
    ? `<section aria-labelledby="questions-heading"><h3 id="questions-heading">${zh ? "回答以下问题即可判定其余义务" : "Answer these to decide the rest"}</h3>${questionsHtml(view.questions, lang)}</section>`
    : "";
  const outside = view.outside.duties.length
    ? `<details><summary>${zh ? `不在您的市场（${escapeHtml(view.outside.jurisdictions.join("、"))}）` : `Not in your markets (${escapeHtml(view.outside.jurisdictions.join(", "))})`} (${view.outside.duties.length})</summary><ul>${view.outside.duties.map((d) => dutyHtml(d, lang)).join("\n")}</ul></details>`
    : "";
  return `<section aria-labelledby="result-heading" id="result"><h2 id="result-heading">${zh ? "检查结果" : "Result"} · <time datetime="${escapeHtml(result.at)}">${escapeHtml(result.at)}</time></h2>
${view.markets.map((m) => marketHtml(m, lang)).join("\n")}
${questions}
${outside}
</section>`;
}
