import {
  type ComparedDuty,
  compareDuties,
  comparableJurisdictions,
  type DutyComparison,
  refusedInComparison,
} from "../../app/compareDuties.js";
import { articleLabel } from "../../domain/articleLabel.js";
import { pickText } from "../../domain/localizedText.js";
import { inLawOn, THEMES, type Theme } from "../../domain/obligation.js";
import { KIND_LABELS } from "../../domain/profileLabels.js";
import { THEME_WORDS } from "../../domain/themeWords.js";
import { label } from "../../domain/vocabulary.js";
import { todayUtc } from "../../obligations/deadlines.js";
import { html, type SafeHtml, unsafeRaw } from "../html.js";
import { formatDate } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import type { PageRequest, WebPage } from "../webPage.js";
import { linkHtml } from "./obligationViews.js";
import { INSTRUMENT_STATUS } from "../components/instrumentStatus.js";

/** The values of a list parameter: repeated and/or comma-separated, trimmed, each once, in order. */
function listParameter(url: URL, name: string, upper: boolean): string[] {
  const values = url.searchParams
    .getAll(name)
    .flatMap((value) => value.split(","))
    .map((value) => (upper ? value.trim().toUpperCase() : value.trim()))
    .filter(Boolean);
  return [...new Set(values)];
}

/** The query of the page as links write it (`theme=labeling&j=CN,EU`), for its twins and its canonical. */
function queryOf(themes: readonly string[], codes: readonly string[], at: string | undefined) {
  const params: Record<string, string> = { theme: themes.join(",") };
  if (codes.length) params.j = codes.join(",");
  if (at) params.at = at;
  return params;
}

/** A query string with its commas kept (`theme=labeling&j=CN,EU`), as the API's examples write it. */
function queryString(params: Record<string, string>): string {
  return new URLSearchParams(params).toString().replaceAll("%2C", ",");
}

function chooser(request: PageRequest, themes: readonly string[], codes: readonly string[], at?: string) {
  const { lang, t, name } = request;
  const options = [...new Set([...comparableJurisdictions(request.context), ...codes])].sort((a, b) =>
    name(a, lang).localeCompare(name(b, lang), lang),
  );
  const chosenTheme = themes[0] ?? "labeling";
  return html`<form class="duty-chooser" method="get" action="/compare/duties">
    <input type="hidden" name="lang" value="${lang}" />
    <p>
      <label for="duty-theme">${t("compareDuties.theme")}</label><br />
      <select id="duty-theme" name="theme">
        ${THEMES.map(
          (theme) =>
            html`<option value="${theme}" ${theme === chosenTheme ? html`selected` : ""}>
              ${THEME_WORDS[theme].name[lang]}
            </option>`,
        )}
      </select>
    </p>
    <fieldset>
      <legend>${t("compareDuties.jurisdictions")}</legend>
      <p class="muted">${t("compareDuties.jurisdictionsHint")}</p>
      <ul class="picker-list">
        ${options.map(
          (code) =>
            html`<li>
              <input
                type="checkbox"
                id="duty-j-${code}"
                name="j"
                value="${code}"
                ${codes.includes(code) ? html`checked` : ""}
              />
              <label for="duty-j-${code}">${name(code, lang)} <span class="muted">(${code})</span></label>
            </li>`,
        )}
      </ul>
    </fieldset>
    <p>
      <label for="duty-at">${t("compareDuties.at")}</label><br />
      <input id="duty-at" name="at" type="date" value="${at ?? ""}" />
      <span class="muted">${t("compareDuties.atHint")}</span>
    </p>
    <p><button type="submit">${t("compareDuties.show")}</button></p>
  </form>`;
}

function dutyCard(duty: ComparedDuty, request: PageRequest, column: string): SafeHtml {
  const { lang, t, name } = request;
  const text = (value: { zh?: string; en?: string }) => pickText(value, lang) ?? "";
  const roles = duty.roles.map((role) => label("role", role, lang)).join(t("compareDuties.listSeparator"));
  const kinds = duty.kinds.map((kind) => KIND_LABELS[kind][lang]).join(t("compareDuties.listSeparator"));
  const instrumentHref = localHref(`/instruments/${encodeURIComponent(duty.instrument.id)}`, lang);
  return html`<li class="duty-card" id="duty-${column}-${duty.obligation}">
    <h4 class="duty-card__title">${text(duty.title)}</h4>
    ${
      duty.jurisdiction === column
        ? ""
        : html`<p class="duty-card__where">${name(duty.jurisdiction, lang)}</p>`
    }
    <dl class="duty-card__facts">
      <dt>${t("compareDuties.bound")}</dt>
      <dd>${roles} · ${kinds}</dd>
      <dt>${t("compareDuties.what")}</dt>
      <dd>${text(duty.summary)}</dd>
      <dt>${t("compareDuties.from")}</dt>
      <dd>
        <time datetime="${duty.from}">${formatDate(duty.from, lang)}</time>
        ${duty.transitions.map(
          (transition) =>
            html`<br /><span class="muted"
                >${t(transition.kind === "deadline" ? "compareDuties.complyBy" : "compareDuties.startsFrom", {
                  date: formatDate(transition.from, lang),
                })}${t("compareDuties.colon")}${text(transition.label)}
                (${unsafeRaw(linkHtml(transition.url, articleLabel(transition.article, lang)))})</span
              >`,
        )}
      </dd>
      <dt>${t("compareDuties.article")}</dt>
      <dd>
        ${unsafeRaw(linkHtml(duty.citation.url, articleLabel(duty.citation.article, lang)))}
        <span class="muted">· ${label("verification", duty.citation.verification, lang)}</span>
      </dd>
      <dt>${t("compareDuties.penalty")}</dt>
      <dd>
        ${duty.penalty ? text(duty.penalty) : html`<span class="muted">${t("compareDuties.noPenalty")}</span>`}
      </dd>
      <dt>${t("compareDuties.instrument")}</dt>
      <dd>
        <a class="duty-card__instrument" href="${instrumentHref}">${duty.instrument.title[lang]}</a>
        ${
          duty.instrument.status === "in-force"
            ? ""
            : html`<strong class="duty-card__status"
                >${INSTRUMENT_STATUS[duty.instrument.status][lang]}</strong
              >`
        }
      </dd>
    </dl>
  </li>`;
}

function comparisonHtml(comparison: DutyComparison, request: PageRequest): SafeHtml {
  const { lang, t, name } = request;
  return html`${comparison.byTheme.map(({ theme, jurisdictions }) => {
    const id = `theme-${theme}`;
    return html`<section class="duty-theme" aria-labelledby="${id}">
      <h2 id="${id}">${THEME_WORDS[theme].name[lang]}</h2>
      <p class="muted">${THEME_WORDS[theme].means[lang]}</p>
      <div class="duty-columns">
        ${jurisdictions.map(({ jurisdiction, duties }) => {
          const heading = `${id}-${jurisdiction}`;
          return html`<section
            class="duty-column"
            aria-labelledby="${heading}"
            data-jurisdiction="${jurisdiction}"
          >
            <h3 id="${heading}">
              <a href="${localHref(`/jurisdictions/${jurisdiction}`, lang)}">${name(jurisdiction, lang)}</a>
              <span class="muted">(${t("compareDuties.count", { count: duties.length })})</span>
            </h3>
            ${
              duties.length
                ? html`<ol class="duty-list">
                    ${duties.map((duty) => dutyCard(duty, request, jurisdiction))}
                  </ol>`
                : html`<p class="muted">${t("compareDuties.none")}</p>`
            }
          </section>`;
        })}
      </div>
    </section>`;
  })}`;
}

/** Without a theme: every theme with how many duties in law carry it, each a link to its comparison. */
function themeIndex(request: PageRequest, codes: readonly string[], at: string): SafeHtml {
  const { lang, t } = request;
  const inLaw = request.obligations.obligations.filter((o) => inLawOn(o, at));
  const counted = (theme: Theme) => inLaw.filter((o) => o.themes.includes(theme)).length;
  return html`<section aria-labelledby="themes-heading">
    <h2 id="themes-heading">${t("compareDuties.themes")}</h2>
    <ul class="duty-theme-index">
      ${THEMES.map(
        (theme) =>
          html`<li>
            <a href="${localHref("/compare/duties", lang, queryOf([theme], codes, undefined))}"
              >${THEME_WORDS[theme].name[lang]}</a
            >
            <span class="muted"
              >(${t("compareDuties.count", { count: counted(theme) })}) ·
              ${THEME_WORDS[theme].means[lang]}</span
            >
          </li>`,
      )}
    </ul>
  </section>`;
}

/**
 * `/compare/duties?theme=labeling&j=CN,EU,KR,US-CA,VN`: the same kind of duty lined up across
 * jurisdictions, a column per jurisdiction (rows on a narrow screen): who is bound, what must be done,
 * from when, the article, the penalty and the instrument, from the use case the API's
 * /api/compare/duties (and its CSV twin) answer with. Unknown themes or codes get a 400 page naming them.
 */
export const compareDutiesPage: WebPage = {
  path: "/compare/duties",
  nav: "compare",
  parameters: { theme: "list", j: "list", at: "once" },
  render: async (request) => {
    const { lang, t, url } = request;
    const themes = listParameter(url, "theme", false);
    const codes = listParameter(url, "j", true);
    const atAsked = url.searchParams.get("at")?.trim() || undefined;
    const refused = refusedInComparison(request.context, { themes, jurisdictions: codes, at: atAsked });
    const notes: SafeHtml[] = [];
    if (refused.themes.length)
      notes.push(
        html`<p class="notice notice--error" role="alert">
          ${t("compareDuties.badThemes", { values: refused.themes.map((v) => v.slice(0, 40)).join(", ") })}
        </p>`,
      );
    if (refused.jurisdictions.length)
      notes.push(
        html`<p class="notice notice--error" role="alert">
          ${t("compareDuties.badCodes", { codes: refused.jurisdictions.map((v) => v.slice(0, 20)).join(", ") })}
        </p>`,
      );
    if (refused.at)
      notes.push(html`<p class="notice notice--error" role="alert">${t("compareDuties.badDate")}</p>`);
    const bad = notes.length > 0;
    const at = (!refused.at && atAsked) || todayUtc();
    const goodCodes = codes.filter((code) => !refused.jurisdictions.includes(code));
    const comparison =
      !bad && themes.length
        ? compareDuties(request.context, { themes, jurisdictions: codes, at: atAsked })
        : undefined;
    const query = comparison ? queryOf(comparison.themes, codes, atAsked) : undefined;
    const twins = query
      ? html`<p class="muted">
          ${t("compareDuties.twins")}
          <a href="/api/compare/duties?${queryString(query)}">JSON</a> ·
          <a href="/api/compare/duties.csv?${queryString(query)}">CSV</a> ·
          <a href="${localHref("/compare", lang)}">${t("compare.title")}</a>
        </p>`
      : "";
    const heading = comparison
      ? comparison.themes.map((theme) => THEME_WORDS[theme].name[lang]).join(t("compareDuties.listSeparator"))
      : t("compareDuties.title");
    return {
      status: bad ? 400 : 200,
      title: comparison ? `${heading} · ${t("compareDuties.title")}` : t("compareDuties.title"),
      description: t("compareDuties.intro"),
      canonicalPath: query ? `/compare/duties?${queryString(query)}` : "/compare/duties",
      body: html`<h1>${t("compareDuties.title")}</h1>
        <p class="lead">
          ${t("compareDuties.intro")} ${t("compareDuties.lawOn", { date: formatDate(at, lang) })}
        </p>
        ${notes} ${twins} ${comparison ? comparisonHtml(comparison, request) : ""}
        ${comparison ? "" : themeIndex(request, goodCodes, at)}
        <h2>${t("compareDuties.choose")}</h2>
        ${chooser(request, bad ? [] : themes, goodCodes, refused.at ? undefined : atAsked)}`,
    };
  },
};
