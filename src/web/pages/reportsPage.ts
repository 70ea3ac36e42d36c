import { BINDINGNESS, EVENT_TYPES, LEVELS } from "../../domain/event.js";
import { EventFilterInput } from "../../domain/eventQuery.js";
import { parseSearchParams } from "../../app/eventsQuery.js";
import { buildReport } from "../../report/buildReport.js";
import { languageTag } from "../../domain/languageForms.js";
import { writeHtmlReportBody } from "../../report/htmlReport.js";
import { reportInput } from "../../app/reports.js";
import { AppError } from "../../app/appError.js";
import { REPORT_FORMATS } from "../../report/renderReport.js";
import { label } from "../../domain/vocabulary.js";
import { html, type SafeHtml, unsafeRaw } from "../html.js";
import { jurisdictionCounts } from "../viewModels/jurisdictionFacts.js";
import type { PageRequest, WebPage } from "../webPage.js";

const FORMAT_NAMES = { md: "Markdown", html: "HTML", pdf: "PDF", docx: "Word (DOCX)" } as const;
/** Past this many events the page offers the downloads only: a preview that long helps nobody. */
const MAX_PREVIEW = 2000;
const FIELDS = ["from", "to", "jurisdiction", "type", "level", "bindingness"] as const;

/** The report's choices from the URL: blank form fields dropped, the rest checked like the API's. */
function choices(url: URL): { params: URLSearchParams; filter: EventFilterInput } {
  const params = new URLSearchParams();
  for (const field of FIELDS)
    for (const value of url.searchParams.getAll(field)) if (value.trim()) params.append(field, value.trim());
  return { params, filter: parseSearchParams(EventFilterInput, params) };
}

function select(
  id: string,
  label: string,
  values: readonly string[],
  chosen: string[],
  name: (v: string) => string,
  any: string,
): SafeHtml {
  return html`<div class="field">
    <label for="report-${id}">${label}</label>
    <select id="report-${id}" name="${id}">
      <option value="">${any}</option>
      ${values.map((v) => html`<option value="${v}" ${chosen.includes(v) ? html`selected` : ""}>${name(v)}</option>`)}
    </select>
  </div>`;
}

function form(request: PageRequest, filter: EventFilterInput, codes: string[]): SafeHtml {
  const { lang, t, name } = request;
  const any = t("reports.any");
  return html`<form class="report-form" method="get" action="/reports">
    <input type="hidden" name="lang" value="${lang}" />
    <div class="field">
      <label for="report-from">${t("reports.from")}</label>
      <input
        id="report-from"
        name="from"
        inputmode="numeric"
        pattern="\\d{4}(-\\d{2}(-\\d{2})?)?"
        value="${filter.from ?? ""}"
      />
    </div>
    <div class="field">
      <label for="report-to">${t("reports.to")}</label>
      <input
        id="report-to"
        name="to"
        inputmode="numeric"
        pattern="\\d{4}(-\\d{2}(-\\d{2})?)?"
        value="${filter.to ?? ""}"
      />
    </div>
    ${select("jurisdiction", t("facet.jurisdiction"), codes, filter.jurisdiction, (c) => `${name(c, lang)} (${c})`, any)}
    ${select("type", t("facet.type"), EVENT_TYPES, filter.type, (v) => label("type", v as (typeof EVENT_TYPES)[number], lang), any)}
    ${select("level", t("facet.level"), LEVELS, filter.level, (v) => label("level", v as (typeof LEVELS)[number], lang), any)}
    ${select("bindingness", t("facet.bindingness"), BINDINGNESS, filter.bindingness, (v) => label("bindingness", v as (typeof BINDINGNESS)[number], lang), any)}
    <button type="submit" name="preview" value="1">${t("reports.preview")}</button>
  </form>`;
}

/**
 * /reports: choose a period and filters (a plain GET form), preview the report as HTML in the page (the
 * report writer's own markup, every text escaped, no inline style), and download it in each format
 * from /api/report with the same choices.
 */
export const reportsPage: WebPage = {
  path: "/reports",
  nav: "reports",
  parameters: {
    from: "once",
    to: "once",
    jurisdiction: "list",
    type: "list",
    level: "list",
    bindingness: "list",
    preview: "once",
  },
  render: async (request) => {
    const { lang, t, context, url } = request;
    const { params, filter } = choices(url);
    const counts = await jurisdictionCounts(request);
    const codes = Object.keys(counts).sort(
      (a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b),
    );
    let preview: SafeHtml = html``;
    let status = 200;
    const wanted = url.searchParams.has("preview");
    const download = (format: (typeof REPORT_FORMATS)[number]) => {
      const query = new URLSearchParams(params);
      query.set("format", format);
      query.set("lang", lang);
      return `/api/report?${query}`;
    };
    const downloads = html`<section class="report-downloads" aria-labelledby="report-downloads">
      <h2 id="report-downloads">${t("reports.formats")}</h2>
      <ul class="inline-list">
        ${REPORT_FORMATS.map(
          (f) =>
            html`<li><a href="${download(f)}" download>${t("reports.download")} ${FORMAT_NAMES[f]}</a></li>`,
        )}
      </ul>
      <p class="muted">${t("reports.binaryNote")}</p>
    </section>`;
    if (wanted) {
      try {
        const input = await reportInput(context, filter);
        if (input.events.length > MAX_PREVIEW) {
          preview = html`${downloads}
            <p class="notice">${t("reports.tooMany", { count: input.events.length, max: MAX_PREVIEW })}</p>`;
        } else {
          const body = writeHtmlReportBody(buildReport(input, lang));
          preview = html`${downloads}
            <section class="report-preview" aria-labelledby="report-preview">
              <h2 id="report-preview">${t("reports.previewHeading")}</h2>
              <div class="report-preview__page" lang="${languageTag(lang)}">
                <div class="cover">${unsafeRaw(body.cover)}</div>
                ${unsafeRaw(body.toc)} ${unsafeRaw(body.content)}
              </div>
            </section>`;
        }
      } catch (error) {
        if (!(error instanceof AppError && error.kind === "invalid-request")) throw error;
        status = 400;
        preview = html`<p class="notice notice--error" role="alert">
          ${t("reports.badPeriod", { detail: error.message })}
        </p>`;
      }
    }
    return {
      status,
      title: t("reports.title"),
      description: t("reports.intro"),
      canonicalPath: "/reports",
      body: html`<h1>${t("reports.title")}</h1>
        <p class="lead">${t("reports.intro")}</p>
        ${form(request, filter, codes)} ${preview}`,
    };
  },
};
