import { parseSearchParams } from "../../app/eventsQuery.js";
import { DeadlinesQuery, selectDeadlines } from "../../app/deadlines.js";
import { type Deadline, listDeadlines } from "../../obligations/deadlines.js";
import { localized, pick } from "../components/localized.js";
import { html, type SafeHtml } from "../html.js";
import { formatDate } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import type { PageRequest, WebPage } from "../webPage.js";

// Every deadline of the selection is shown: the instruments hold a few hundred at most.
const SHOWN = 500;

// A day on which dozens of duties start (the EU's high-risk chapter) shows a few, the rest on request.
const WHAT_SHOWN = 4;

/** What starts to apply on a day, as a list: the first few, the rest folded away (no script needed). */
function whatStarts(what: Deadline["what"], request: PageRequest): SafeHtml {
  const { t, lang } = request;
  const item = (w: Deadline["what"][number]) => html`<li>${localized(pick(w, lang), t)}</li>`;
  if (what.length <= WHAT_SHOWN + 1)
    return html`<ul class="plain-list">
      ${what.map(item)}
    </ul>`;
  return html`<ul class="plain-list">
      ${what.slice(0, WHAT_SHOWN).map(item)}
    </ul>
    <details>
      <summary>${t("deadlines.more", { count: what.length - WHAT_SHOWN })}</summary>
      <ul class="plain-list">
        ${what.slice(WHAT_SHOWN).map(item)}
      </ul>
    </details>`;
}

/**
 * `/deadlines`: every day on which an instrument, or some of its duties, starts to apply, filtered by
 * jurisdiction, instrument and days, with the same selection as iCalendar, CSV and JSON.
 */
export const deadlinesPage: WebPage = {
  path: "/deadlines",
  nav: "check",
  parameters: { jurisdiction: "list", instrument: "list", from: "once", to: "once" },
  render: async (request) => {
    const { t, lang, url, context, name } = request;
    // The API's own reading of the filters (parseSearchParams), from what the form sends: its empty
    // fields ("all instruments", no end day) left out, instruments repeated or not, and the page's size.
    const given = new URLSearchParams();
    for (const [key, value] of url.searchParams)
      if (key !== "lang" && value.trim() !== "")
        given.set(
          key,
          key === "jurisdiction" || key === "instrument"
            ? [given.get(key), value].filter(Boolean).join(",")
            : value,
        );
    given.set("limit", String(SHOWN));
    const query = parseSearchParams(DeadlinesQuery, given);
    const selected = selectDeadlines(context, query);
    const data = context.obligations;
    // The choices: jurisdictions and instruments that have a deadline at all.
    const all = listDeadlines(data);
    // A state's deadline is also its country's: the country is offered too (US brings US-CA, US-NY …).
    const codes = [
      ...new Set(all.flatMap((d) => [d.jurisdiction, d.jurisdiction.split("-")[0] as string])),
    ].sort((a, b) => name(a, lang).localeCompare(name(b, lang), lang));
    const instruments = data.instruments.filter((i) => all.some((d) => d.instrument === i.id));
    const chosen = new Set(query.jurisdiction ?? []);
    const chosenInstruments = new Set(query.instrument ?? []);
    const apiParams = new URLSearchParams();
    if (query.jurisdiction?.length) apiParams.set("jurisdiction", query.jurisdiction.join(","));
    if (query.instrument?.length) apiParams.set("instrument", query.instrument.join(","));
    apiParams.set("from", selected.from);
    if (selected.to) apiParams.set("to", selected.to);
    apiParams.set("limit", String(SHOWN));
    const json = `/api/deadlines?${apiParams}`;
    const withLangParams = new URLSearchParams(apiParams);
    withLangParams.set("lang", lang);
    const withLang = withLangParams.toString();
    const body = html`<h1>${t("deadlines.title")}</h1>
      <p>${t("deadlines.intro")}</p>
      <form class="deadlines-form" method="get" action="/deadlines">
        <input type="hidden" name="lang" value="${lang}" />
        <fieldset>
          <legend>${t("deadlines.jurisdictions")}</legend>
          ${codes.map(
            (code) =>
              html`<label class="check-option"
                ><input
                  type="checkbox"
                  name="jurisdiction"
                  value="${code}"
                  ${chosen.has(code) ? html`checked` : ""}
                />
                ${name(code, lang)}</label
              >`,
          )}
        </fieldset>
        <label for="deadlines-instrument">${t("deadlines.instrument")}</label>
        <select id="deadlines-instrument" name="instrument">
          <option value="">${t("deadlines.allInstruments")}</option>
          ${instruments.map(
            (i) =>
              html`<option value="${i.id}" ${chosenInstruments.has(i.id) ? html`selected` : ""}>
                ${i.title[lang]}
              </option>`,
          )}
        </select>
        <label for="deadlines-from">${t("deadlines.from")}</label>
        <input id="deadlines-from" type="date" name="from" value="${selected.from}" />
        <label for="deadlines-to">${t("deadlines.to")}</label>
        <input id="deadlines-to" type="date" name="to" value="${selected.to ?? ""}" />
        <button type="submit">${t("deadlines.show")}</button>
      </form>
      <p class="downloads">
        ${t("deadlines.take")}
        <a href="/api/deadlines.ics?${withLang}" type="text/calendar">iCalendar</a> ·
        <a href="/api/deadlines.atom?${withLang}" type="application/atom+xml">Atom</a> ·
        <a href="/api/deadlines.csv?${withLang}" type="text/csv">CSV</a> ·
        <a href="${json}" type="application/json">JSON</a>
      </p>
      <p role="status">
        ${t("deadlines.count", { count: selected.total, from: formatDate(selected.from, lang) })}
      </p>
      ${
        selected.items.length
          ? html`<div class="table-scroll">
              <table class="data-table deadlines">
                <thead>
                  <tr>
                    <th scope="col">${t("deadlines.date")}</th>
                    <th scope="col">${t("deadlines.jurisdiction")}</th>
                    <th scope="col">${t("deadlines.instrument")}</th>
                    <th scope="col">${t("deadlines.what")}</th>
                  </tr>
                </thead>
                <tbody>
                  ${selected.items.map(
                    (d) =>
                      html`<tr>
                        <td><time datetime="${d.date}">${formatDate(d.date, lang)}</time></td>
                        <td>
                          <a href="${localHref(`/jurisdictions/${d.jurisdiction}`, lang)}"
                            >${name(d.jurisdiction, lang)}</a
                          >
                        </td>
                        <td>
                          <a href="${localHref(`/instruments/${d.instrument}`, lang)}"
                            >${localized(pick(d.title, lang), t)}</a
                          >
                        </td>
                        <td>
                          ${whatStarts(d.what, request)}
                          ${d.obligations.length ? html`<span class="muted">${t("instruments.duties", { count: d.obligations.length })}</span>` : ""}
                        </td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </div>`
          : html`<p>${t("deadlines.none")}</p>`
      }`;
    return {
      title: t("deadlines.title"),
      description: t("deadlines.intro"),
      head: html`<link rel="alternate" type="application/json" href="${json}" />
        <link rel="alternate" type="text/calendar" href="/api/deadlines.ics?${withLang}" />`,
      body,
    };
  },
};
