import { isWithin } from "../../domain/jurisdictionCounting.js";
import { BINDINGNESS, EVENT_TYPES, JurisdictionCode } from "../../domain/event.js";
import { label } from "../../domain/vocabulary.js";
import { flopThresholds, powerOfTen } from "../../domain/conditionThresholds.js";
import type { Instrument } from "../../domain/instrument.js";
import { type Deadline, listDeadlines } from "../../obligations/deadlines.js";
import { INSTRUMENT_STATUS } from "../components/instrumentStatus.js";
import { localized, pick } from "../components/localized.js";
import { jsonTwin, takeAway } from "../components/takeAway.js";
import { html, type SafeHtml, unsafeRaw } from "../html.js";
import { formatDate, formatDateSpan } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import { joinList } from "../../domain/languageForms.js";
import {
  gazetteer,
  type JurisdictionFacts,
  jurisdictionCounts,
  kindOf,
  loadJurisdictionFacts,
} from "../viewModels/jurisdictionFacts.js";
import type { PageRequest, WebPage } from "../webPage.js";
import { eventLink } from "./jurisdictionPage.js";
import { correctionsShown } from "../components/correctionNote.js";

export const MIN_COLUMNS = 2;
export const MAX_COLUMNS = 4;
const LATEST = 3;

/** The codes asked for: `j` repeated or comma-separated, upper-cased, each once, in order. */
export function requestedCodes(url: URL): string[] {
  const codes = url.searchParams
    .getAll("j")
    .flatMap((value) => value.split(","))
    .map((value) => value.trim().toUpperCase())
    .filter(Boolean);
  return [...new Set(codes)];
}

function picker(request: PageRequest, chosen: string[], counts: Record<string, number>): SafeHtml {
  const { lang, t, name } = request;
  const options = [...new Set([...chosen, ...Object.keys(counts)])]
    .filter((code) => JurisdictionCode.safeParse(code).success)
    .sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b));
  const addable = options.filter((code) => !chosen.includes(code));
  return html`<div class="compare-pickers">
    ${
      chosen.length && chosen.length < MAX_COLUMNS
        ? html`<form class="compare-add" method="get" action="/compare">
            ${chosen.map((code) => html`<input type="hidden" name="j" value="${code}" />`)}
            <input type="hidden" name="lang" value="${lang}" />
            <label for="compare-add">${t("compare.add")}</label>
            <select id="compare-add" name="j">
              ${addable.map((code) => html`<option value="${code}">${name(code, lang)} (${counts[code] ?? 0})</option>`)}
            </select>
            <button type="submit">${t("compare.addSubmit")}</button>
          </form>`
        : ""
    }
    <form class="compare-picker" method="get" action="/compare">
      <input type="hidden" name="lang" value="${lang}" />
      <fieldset>
        <legend>${t("compare.picker")}</legend>
        <p class="muted">${t("compare.pickerHint")}</p>
        <ul class="picker-list">
          ${options.map(
            (code) =>
              html`<li>
                <input
                  type="checkbox"
                  id="pick-${code}"
                  name="j"
                  value="${code}"
                  ${chosen.includes(code) ? html`checked` : ""}
                />
                <label for="pick-${code}"
                  >${name(code, lang)} <span class="count">(${counts[code] ?? 0})</span></label
                >
              </li>`,
          )}
        </ul>
      </fieldset>
      <button type="submit">${t("compare.show")}</button>
    </form>
  </div>`;
}

/** The instruments aigov holds of a jurisdiction (a country's with its states' and provinces'). */
function instrumentsOf(code: string, request: PageRequest): Instrument[] {
  return request.context.obligations.instruments.filter((i) => isWithin(i.jurisdiction, code));
}

/** A jurisdiction's last applicability date on or before today and its next one after (of its instruments). */
function applicabilityOf(
  code: string,
  request: PageRequest,
): { last: Deadline | null; next: Deadline | null } {
  const today = request.context.now().slice(0, 10);
  const own = listDeadlines(request.context.obligations).filter((d) => isWithin(d.jurisdiction, code));
  return {
    last: own.filter((d) => d.date <= today).at(-1) ?? null,
    next: own.find((d) => d.date > today) ?? null,
  };
}

/** The compute thresholds (powers of ten of FLOP) that a jurisdiction's duties test, with their instrument. */
function dutyThresholdsOf(code: string, request: PageRequest): { power: string; instrument: Instrument }[] {
  const { instruments, obligations } = request.context.obligations;
  const found = new Map<string, { power: string; instrument: Instrument }>();
  for (const duty of obligations) {
    if (!isWithin(duty.jurisdiction, code)) continue;
    const instrument = instruments.find((i) => i.id === duty.instrument);
    if (!instrument) continue;
    for (const value of flopThresholds(duty.conditions)) {
      const exponent = powerOfTen(value);
      const power = exponent === null ? String(value) : `10<sup>${exponent}</sup>`;
      found.set(`${instrument.id} ${power}`, { power, instrument });
    }
  }
  return [...found.values()];
}

function comparison(columns: JurisdictionFacts[], request: PageRequest): SafeHtml {
  const { lang, t, name } = request;
  const codes = columns.map((c) => c.code);
  const without = (code: string) =>
    localHref("/compare", lang, { j: codes.filter((c) => c !== code).join(",") });
  const row = (header: SafeHtml | string, cells: (c: JurisdictionFacts) => SafeHtml | string | number) =>
    html`<tr>
      <th scope="row">${header}</th>
      ${columns.map((c) => html`<td>${cells(c)}</td>`)}
    </tr>`;
  const types = EVENT_TYPES.filter((type) => columns.some((c) => c.byType[type]));
  const none = t("compare.none");
  const list = (items: SafeHtml[]) =>
    items.length
      ? html`<ul>
          ${items.map((i) => html`<li>${i}</li>`)}
        </ul>`
      : none;
  const names = joinList(
    codes.map((c) => name(c, lang)),
    lang,
  );
  return html`<div
      class="table-scroll"
      role="region"
      tabindex="0"
      aria-label="${t("compare.caption", { names })}"
    >
      <table class="compare-table data-table">
        <caption class="visually-hidden">
          ${t("compare.caption", { names })}
        </caption>
        <thead>
          <tr>
            <td></td>
            ${columns.map(
              (c) =>
                html`<th scope="col" data-code="${c.code}">
                  <a href="${localHref(`/jurisdictions/${c.code}`, lang)}">${name(c.code, lang)}</a>
                  <span class="muted">(${c.code})</span>
                  ${
                    columns.length > MIN_COLUMNS
                      ? html`<a
                          class="compare-remove"
                          href="${without(c.code)}"
                          aria-label="${t("compare.remove", { name: name(c.code, lang) })}"
                          >×</a
                        >`
                      : ""
                  }
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          <tr class="group">
            <th scope="rowgroup" colspan="${columns.length + 1}">${t("compare.row.instrumentsGroup")}</th>
          </tr>
          ${row(t("compare.row.instruments"), (c) =>
            list(
              instrumentsOf(c.code, request).map(
                (i) =>
                  html`<a href="${localHref(`/instruments/${i.id}`, lang)}">${i.title[lang]}</a>
                    <span class="muted">${INSTRUMENT_STATUS[i.status][lang]}</span>`,
              ),
            ),
          )}
          ${row(t("compare.row.applies"), (c) => {
            const { last, next } = applicabilityOf(c.code, request);
            return list([
              ...(last
                ? [
                    html`<span class="muted">${t("compare.since")}</span>
                      <time datetime="${last.date}">${formatDate(last.date, lang)}</time> ·
                      ${localized(pick(last.title, lang), t)}`,
                  ]
                : []),
              ...(next
                ? [
                    html`<strong>${t("instruments.next")}</strong>
                      <time datetime="${next.date}">${formatDate(next.date, lang)}</time> ·
                      ${localized(pick(next.title, lang), t)}`,
                  ]
                : []),
            ]);
          })}
          ${row(t("compare.row.dutyThresholds"), (c) =>
            list(
              dutyThresholdsOf(c.code, request).map(
                ({ power, instrument }) =>
                  html`${unsafeRaw(power)} FLOP <span class="muted">(${instrument.title[lang]})</span>`,
              ),
            ),
          )}
          <tr class="group">
            <th scope="rowgroup" colspan="${columns.length + 1}">${t("compare.row.eventsGroup")}</th>
          </tr>
          ${row(t("compare.row.total"), (c) => c.total)}
          <tr class="group">
            <th scope="rowgroup" colspan="${columns.length + 1}">${t("compare.row.types")}</th>
          </tr>
          ${types.map((type) => row(label("type", type, lang), (c) => c.byType[type] ?? 0))}
          <tr class="group">
            <th scope="rowgroup" colspan="${columns.length + 1}">${t("compare.row.bindingness")}</th>
          </tr>
          ${BINDINGNESS.map((b) => row(label("bindingness", b, lang), (c) => c.byBindingness[b] ?? 0))}
          ${row(
            html`${t("compare.row.thresholds")}
              <span class="muted">(${t("compare.row.thresholdsNote")})</span>`,
            (c) =>
              list(
                c.thresholds.map(
                  (e) =>
                    html`${eventLink(e, request)}
                      <span class="muted">${formatDateSpan(e.date, lang)}</span>
                      ${correctionsShown(e.id, ["title", "date"], request)}`,
                ),
              ),
          )}
          ${row(t("compare.row.effective"), (c) =>
            list(
              c.binding.flatMap(({ event, dates }) =>
                dates.map(
                  (d) =>
                    html`<time datetime="${d.date}">${formatDate(d.date, lang)}</time>
                      <span class="muted">${d.upcoming ? t("profile.upcoming") : t("profile.past")}</span>
                      ${eventLink(event, request)}
                      ${correctionsShown(event.id, ["title", "effectiveDates"], request)}`,
                ),
              ),
            ),
          )}
          ${row(t("compare.row.latest"), (c) =>
            list(
              c.latest
                .slice(0, LATEST)
                .map(
                  (e) =>
                    html`<span class="muted">${formatDateSpan(e.date, lang)}</span> ${eventLink(e, request)}
                      ${correctionsShown(e.id, ["title", "date"], request)}`,
                ),
            ),
          )}
        </tbody>
      </table>
    </div>
    ${takeAway(new URLSearchParams({ jurisdiction: codes.join(",") }), request)}`;
}

/**
 * /compare?j=EU,CN,US: two to four jurisdictions in columns, aligned row by row (instruments by type,
 * binding vs voluntary, stated thresholds, effective dates, latest events), with a plain GET picker to
 * add or remove a column. Unknown codes get a 400 page that names them and offers the picker.
 */
export const comparePage: WebPage = {
  path: "/compare",
  nav: "compare",
  parameters: { j: "list" },
  render: async (request) => {
    const { t, url } = request;
    const counts = await jurisdictionCounts(request);
    const places = await gazetteer(request);
    const asked = requestedCodes(url);
    const bad = asked.filter(
      (code) => !JurisdictionCode.safeParse(code).success || kindOf(code, places, counts) === null,
    );
    const good = asked.filter((code) => !bad.includes(code));
    const chosen = good.slice(0, MAX_COLUMNS);
    const notes: SafeHtml[] = [];
    if (bad.length)
      notes.push(
        html`<p class="notice notice--error" role="alert">
          ${t("compare.badCodes", { codes: bad.join(", ") })}
        </p>`,
      );
    else if (chosen.length < MIN_COLUMNS) notes.push(html`<p class="notice">${t("compare.tooFew")}</p>`);
    if (good.length > MAX_COLUMNS) notes.push(html`<p class="notice">${t("compare.tooMany")}</p>`);
    const columns =
      !bad.length && chosen.length >= MIN_COLUMNS
        ? ((await Promise.all(chosen.map((code) => loadJurisdictionFacts(request, code)))).filter(
            Boolean,
          ) as JurisdictionFacts[])
        : [];
    return {
      status: bad.length ? 400 : 200,
      title: t("compare.title"),
      description: t("compare.intro"),
      canonicalPath: columns.length ? `/compare?j=${chosen.join(",")}` : "/compare",
      ...(columns.length
        ? { head: jsonTwin(`/api/events?${new URLSearchParams({ jurisdiction: chosen.join(",") })}`) }
        : {}),
      body: html`<h1>${t("compare.title")}</h1>
        <p class="lead">${t("compare.intro")}</p>
        <p class="muted counts-rule">${t("counts.rule")}</p>
        <p>
          <a
            href="${localHref("/compare/duties", request.lang, {
              theme: "labeling",
              ...(columns.length ? { j: chosen.join(",") } : {}),
            })}"
            >${t("compare.dutiesLink")}</a
          >
        </p>
        ${notes} ${columns.length ? comparison(columns, request) : ""}
        ${picker(request, bad.length ? [] : chosen, counts)}`,
    };
  },
};
