import type { CoverageGap } from "../../domain/coverage.js";
import type { Language } from "../../domain/localizedText.js";
import { label } from "../../domain/vocabulary.js";
import type { ObligationsData } from "../../reference/obligationsData.js";
import { localized, pick } from "../components/localized.js";
import { html, type SafeHtml } from "../html.js";
import { formatDate } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import type { PageRequest, WebPage } from "../webPage.js";
import { instrumentLink, sourceLinks } from "./instrumentPage.js";

const WORDS = {
  title: { zh: "涵盖范围", en: "Coverage" },
  intro: {
    zh: "义务检查只回答它建模了的规则。下表按法域列出：检查所依据的条文；aigov 知道存在、但尚未建模的法律和章节；以及每条记录最后核对的日期。未列出的，不代表不存在。",
    en: "The obligations check answers only for the rules it models. Per jurisdiction: the provisions it reasons on; the laws and parts aigov knows exist there but does not model; and the day each record was last checked. What is not listed is not thereby absent.",
  },
  modelled: { zh: "已建模", en: "Modelled" },
  none: { zh: "无", en: "None" },
  notModelled: { zh: "已知但未建模", en: "Known and not modelled" },
  since: { zh: "自", en: "since" },
  checked: { zh: "最后核对", en: "Last checked" },
  check: { zh: "检查哪些义务适用于您的模型或服务", en: "Check which duties bind your model or service" },
} as const;

const word = (key: keyof typeof WORDS, lang: Language) => WORDS[key][lang];

function gapItem(gap: CoverageGap, data: ObligationsData, request: PageRequest): SafeHtml {
  const { lang, t } = request;
  const instrument = gap.instrument ? data.instruments.find((i) => i.id === gap.instrument) : undefined;
  return html`<li>
    <strong>${localized(pick(gap.title, lang), t)}</strong>${
      instrument ? html` (${instrumentLink(instrument, lang)})` : ""
    }
    —
    ${localized(pick(gap.reaches, lang), t)}${
      gap.since
        ? html` <span class="muted"
            >${t("coverage.sinceOpen")}${word("since", lang)}
            <time datetime="${gap.since}">${formatDate(gap.since, lang)}</time
            >${t("coverage.sinceClose")}</span
          >`
        : ""
    } <br /><span class="muted"
      >${label("verification", gap.verification, lang)}${
        gap.sources.length ? html` ${sourceLinks(gap.sources)}` : ""
      }</span
    >
  </li>`;
}

/**
 * `/coverage`: per jurisdiction, what the checker models, what aigov knows and does not model, and when
 * each record was checked, so that a short answer of the checker is never read as a complete one.
 */
export const coveragePage: WebPage = {
  path: "/coverage",
  nav: "check",
  render: async (request) => {
    const { lang, t, name } = request;
    const data = request.obligations;
    const entries = [...data.coverage].sort((a, b) =>
      name(a.jurisdiction, lang).localeCompare(name(b.jurisdiction, lang), lang),
    );
    const body = html`<h1>${word("title", lang)}</h1>
      <p>${word("intro", lang)}</p>
      <p><a href="${localHref("/check", lang)}">${word("check", lang)}</a></p>
      ${entries.map((entry) => {
        const id = `coverage-${entry.jurisdiction}`;
        return html`<section aria-labelledby="${id}" class="coverage-jurisdiction" id="${entry.jurisdiction}">
          <h2 id="${id}">
            <a href="${localHref(`/jurisdictions/${entry.jurisdiction}`, lang)}"
              >${name(entry.jurisdiction, lang)}</a
            >
          </h2>
          <p class="muted">
            ${word("checked", lang)}${t("coverage.checkedColon")}
            <time datetime="${entry.checked}">${formatDate(entry.checked, lang)}</time>
          </p>
          <h3>${word("modelled", lang)}</h3>
          ${
            entry.modelled.length
              ? html`<ul>
                  ${entry.modelled.map((m) => {
                    const instrument = data.instruments.find((i) => i.id === m.instrument);
                    return html`<li>
                      ${instrument ? instrumentLink(instrument, lang) : m.instrument}:
                      ${localized(pick(m.parts, lang), t)}
                    </li>`;
                  })}
                </ul>`
              : html`<p>${word("none", lang)}</p>`
          }
          <h3>${word("notModelled", lang)}</h3>
          ${
            entry.notModelled.length
              ? html`<ul>
                  ${entry.notModelled.map((gap) => gapItem(gap, data, request))}
                </ul>`
              : html`<p>${word("none", lang)}</p>`
          }
        </section>`;
      })}
      <p class="muted"><a href="/api/coverage">JSON</a></p>`;
    return { title: word("title", lang), body };
  },
};
