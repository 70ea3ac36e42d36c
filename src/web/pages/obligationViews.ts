import type { Correction } from "../../domain/correction.js";
import { httpUrlOrNull } from "../../domain/httpUrl.js";
import { type Language, type LocalizedText, pickText } from "../../domain/localizedText.js";
import type { CheckItem, CheckResult } from "../../obligations/checkObligations.js";
import type { Deadline } from "../../obligations/deadlines.js";
import { escapeHtml } from "../html.js";
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

/** The corrections of an event: what the imported text says, what the record shows, and the sources. */
export function correctionsHtml(corrections: Omit<Correction, "event">[], lang: Language): string {
  if (!corrections.length) return "";
  const zh = lang === "zh";
  const items = corrections
    .map(
      (c) => `<li><p><strong>${zh ? "原文" : "The text says"}:</strong> ${t(c.claim, lang)}</p>
<p><strong>${zh ? "更正" : "Correction"}:</strong> ${t(c.correction, lang)}</p>
<p class="muted">${zh ? "来源" : "Sources"}: ${c.sources.map((url, i) => linkHtml(url, `[${i + 1}]`)).join(" ")} · ${escapeHtml(c.verification)}</p></li>`,
    )
    .join("\n");
  return `<section aria-labelledby="corrections-heading"><h2 id="corrections-heading">${zh ? "更正" : "Corrections"}</h2><ul>${items}</ul></section>`;
}

function itemHtml(item: CheckItem, lang: Language, showReason: boolean): string {
  const zh = lang === "zh";
  const cooperation =
    item.nature === "cooperation"
      ? `<strong>${zh ? "仅为配合义务，无具约束力的专门义务" : "Cooperation only — no binding AI-specific duty"}</strong>: `
      : "";
  const parts = [
    `${cooperation}${linkHtml(item.citation.url, item.citation.article)} — ${t(item.title, lang)}`,
    `<span class="muted">${zh ? "起始" : "from"} <time datetime="${escapeHtml(item.from)}">${escapeHtml(item.from)}</time>${
      item.transition ? ` (${t(item.transition.label, lang)}, ${escapeHtml(item.transition.article)})` : ""
    } · <a href="${escapeHtml(localHref(`/instruments/${encodeURIComponent(item.instrument)}`, lang))}">${escapeHtml(item.instrument)}</a> · ${escapeHtml(item.citation.verification)}</span>`,
  ];
  if (showReason && item.reason)
    parts.push(`${zh ? "原因" : "Reason"}: ${t(item.reason, lang)} (${escapeHtml(item.decidedBy ?? "")})`);
  if (!showReason && item.penalty) parts.push(`${zh ? "罚则" : "Penalty"}: ${t(item.penalty, lang)}`);
  if (!showReason) for (const note of item.notes) parts.push(`<span class="muted">${t(note, lang)}</span>`);
  return `<li>${parts.join("<br>")}</li>`;
}

function grouped(items: CheckItem[], lang: Language, showReason: boolean): string {
  const codes = [...new Set(items.map((i) => i.jurisdiction))];
  return codes
    .map(
      (code) =>
        `<h4>${escapeHtml(code)}</h4><ul>${items
          .filter((i) => i.jurisdiction === code)
          .map((i) => itemHtml(i, lang, showReason))
          .join("\n")}</ul>`,
    )
    .join("\n");
}

/** A check's answer: grouped by jurisdiction, each duty with its article as a link; what is open; what does not apply. */
export function checkResultHtml(result: CheckResult, lang: Language): string {
  const zh = lang === "zh";
  const section = (id: string, heading: string, body: string) =>
    `<section aria-labelledby="${id}"><h3 id="${id}">${heading}</h3>${body}</section>`;
  const none = `<p class="muted">${zh ? "无" : "None"}</p>`;
  const missing = result.missing.length
    ? `<ul>${result.missing
        .map(
          (m) =>
            `<li><code>${escapeHtml(m.field)}</code> — ${zh ? "将决定" : "would decide"}: ${m.decides.map(escapeHtml).join(", ")}</li>`,
        )
        .join("\n")}</ul>`
    : none;
  const uncovered = result.uncoveredMarkets.length
    ? `<p>${zh ? "aigov 尚无以下市场的义务数据（并非“没有义务”）" : "aigov holds no obligations for these markets (which is not the same as no duty)"}: ${result.uncoveredMarkets.map(escapeHtml).join(", ")}</p>`
    : "";
  return `<section aria-labelledby="result-heading" id="result"><h2 id="result-heading">${zh ? "检查结果" : "Result"} · <time datetime="${escapeHtml(result.at)}">${escapeHtml(result.at)}</time></h2>
${uncovered}
${section("applies-heading", zh ? "已适用" : "Applies", result.applies.length ? grouped(result.applies, lang, false) : none)}
${section("upcoming-heading", zh ? "即将适用" : "Applies later", result.upcoming.length ? grouped(result.upcoming, lang, false) : none)}
${section("missing-heading", zh ? "缺少的信息" : "Missing information", missing)}
<details><summary>${zh ? "不适用" : "Does not apply"} (${result.notApplicable.length})</summary>${grouped(result.notApplicable, lang, true)}</details>
</section>`;
}
