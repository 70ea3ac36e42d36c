import { isWithin } from "../../domain/jurisdictionCounting.js";
import { followLink } from "../components/followLink.js";
import { jsonTwin, takeAway } from "../components/takeAway.js";
import { instrumentsWithDates } from "../components/instrumentDates.js";
import { BINDINGNESS, EVENT_TYPES, type Event, JurisdictionCode } from "../../domain/event.js";
import { notFound } from "../../app/appError.js";
import { label, UNCLASSIFIED_WORDS } from "../../domain/vocabulary.js";
import { compactCorrectionNotes } from "../components/correctionNote.js";
import { localized, pick } from "../components/localized.js";
import { html, type SafeHtml } from "../html.js";
import { formatDate, formatDateSpan } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import type { Translate } from "../i18n/t.js";
import { type JurisdictionFacts, loadJurisdictionFacts } from "../viewModels/jurisdictionFacts.js";
import type { PageRequest, WebPage } from "../webPage.js";
import { statsFigures } from "./chartsPage.js";

const TIMELINE_LIMIT = 500;

/** "1 event", "7 events" (one form in Chinese). */
export function eventCount(t: Translate, count: number): string {
  return t(count === 1 ? "profile.totalOne" : "profile.total", { count });
}

/** A jurisdiction code from a URL, upper-cased, or a 404 when it cannot be one. */
export function parseJurisdictionParam(value: string | undefined): string {
  const code = (value ?? "").toUpperCase();
  if (!JurisdictionCode.safeParse(code).success) throw notFound(`no jurisdiction "${value}"`);
  return code;
}

/** A link to an event's page with its title in the page's language (marked when it falls back). */
export function eventLink(event: Event, request: Pick<PageRequest, "lang" | "t">): SafeHtml {
  const title = pick(event.title, request.lang) ?? { text: event.id, lang: request.lang, fallback: false };
  return html`<a href="${localHref(`/events/${event.id}`, request.lang)}">${localized(title, request.t)}</a>`;
}

/** Counts per classification value as a small table, unclassified last (the ones the facets leave out). */
export function countsTable(
  caption: string,
  counts: Record<string, number>,
  keys: readonly string[],
  label: (key: string) => string,
  total: number,
  unclassified: string,
): SafeHtml {
  const rows = keys.filter((k) => counts[k]).map((k) => [label(k), counts[k] as number] as const);
  const rest = total - rows.reduce((sum, [, n]) => sum + n, 0);
  if (rest > 0) rows.push([unclassified, rest]);
  return html`<table class="data-table counts">
    <caption>
      ${caption}
    </caption>
    <tbody>
      ${rows.map(
        ([name, n]) =>
          html`<tr>
            <th scope="row">${name}</th>
            <td>${n}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function bindingList(facts: JurisdictionFacts, request: PageRequest): SafeHtml {
  const { lang, t } = request;
  if (!facts.binding.length) return html`<p>${t("profile.bindingNone")}</p>`;
  return html`<ul class="instrument-list">
    ${facts.binding.map(
      ({ event, dates }) =>
        html`<li>
          ${eventLink(event, request)} <span class="muted">(${formatDateSpan(event.date, lang)})</span>
          ${
            dates.length
              ? html`<ul>
                  ${dates.map((d) => {
                    const label = pick(d.label, lang);
                    return html`<li class="${d.upcoming ? "effective effective--upcoming" : "effective"}">
                      ${d.upcoming ? t("profile.upcoming") : t("profile.past")}:
                      <time datetime="${d.date}">${formatDate(d.date, lang)}</time
                      >${label ? html` — ${localized(label, t)}` : ""}
                    </li>`;
                  })}
                </ul>`
              : html`<span class="muted">— ${t("profile.noEffectiveDate")}</span>`
          }
          ${compactCorrectionNotes(
            request.corrections.get(event.id) ?? [],
            localHref(`/events/${event.id}`, lang),
            lang,
          )}
        </li>`,
    )}
  </ul>`;
}

/** The instruments of a jurisdiction (a country's with its states' and provinces'), with every date. */
function instrumentsOfProfile(code: string, request: PageRequest): SafeHtml {
  const { instruments, obligations } = request.context.obligations;
  const own = instruments.filter((i) => isWithin(i.jurisdiction, code));
  if (!own.length) return html`<p>${request.t("profile.instrumentsNone")}</p>`;
  return instrumentsWithDates(own, obligations, request, request.context.now().slice(0, 10));
}

async function timeline(code: string, request: PageRequest): Promise<SafeHtml> {
  const { lang, t, context } = request;
  const outcome = await context.search.search({
    filter: { jurisdictions: [code] },
    sort: "date",
    limit: TIMELINE_LIMIT,
    lang,
  });
  if (!outcome.hits.length) return html`<p>${t("profile.noEvents")}</p>`;
  return html`<ol class="timeline">
    ${outcome.hits.map(
      ({ event }) =>
        html`<li>
          <time datetime="${event.date.start}">${formatDateSpan(event.date, lang)}</time>
          ${eventLink(event, request)}
          ${event.type ? html`<span class="tag">${label("type", event.type, lang)}</span>` : ""}
          ${
            event.bindingness
              ? html`<span class="badge badge--${event.bindingness}"
                  >${label("bindingness", event.bindingness, lang)}</span
                >`
              : ""
          }
          ${compactCorrectionNotes(
            request.corrections.get(event.id) ?? [],
            localHref(`/events/${event.id}`, lang),
            lang,
          )}
        </li>`,
    )}
  </ol>`;
}

/**
 * /jurisdictions/{code}: a jurisdiction's events on a timeline, its binding instruments and their
 * effective dates (past and upcoming), counts by type and bindingness, the bodies it belongs to (or a
 * body's members), its subdivisions, and its charts.
 */
export const jurisdictionPage: WebPage = {
  path: "/jurisdictions/:code",
  nav: "map",
  render: async (request) => {
    const { lang, t, name, params } = request;
    const code = parseJurisdictionParam(params.code);
    const facts = await loadJurisdictionFacts(request, code);
    if (!facts) throw notFound(t("profile.notFound"));
    const profile = (c: string) => localHref(`/jurisdictions/${c}`, lang);
    const links = (codes: string[]) =>
      html`<ul class="inline-list">
        ${codes.map((c) => html`<li><a href="${profile(c)}">${name(c, lang)}</a></li>`)}
      </ul>`;
    const title = name(code, lang);
    const unclassified = UNCLASSIFIED_WORDS[lang];
    return {
      title,
      description: `${title}: ${eventCount(t, facts.total)}`,
      canonicalPath: `/jurisdictions/${code}`,
      head: jsonTwin(`/api/jurisdictions/${code}`),
      body: html`<h1>${title} <span class="muted">(${code})</span></h1>
        <p class="lead">
          ${t(`profile.kind.${facts.kind}`)}${
            facts.parent
              ? html` · ${t("profile.subdivisionOf", { name: name(facts.parent, lang) })} (<a
                    href="${profile(facts.parent)}"
                    >${facts.parent}</a
                  >)`
              : ""
          }
          · ${eventCount(t, facts.total)}
        </p>
        <p class="actions">
          <a href="${localHref("/search", lang, { jurisdiction: code })}">${t("profile.search")}</a> ·
          <a href="${localHref("/compare", lang, { j: code === "EU" ? "EU,CN,US" : `${code},EU` })}"
            >${t("profile.compare")}</a
          >
        </p>
        <div class="profile-grid">
          ${countsTable(t("profile.byType"), facts.byType, EVENT_TYPES, (k) => label("type", k as (typeof EVENT_TYPES)[number], lang), facts.total, unclassified)}
          ${countsTable(t("profile.byBindingness"), facts.byBindingness, BINDINGNESS, (k) => label("bindingness", k as (typeof BINDINGNESS)[number], lang), facts.total, unclassified)}
          <section aria-labelledby="profile-groups">
            <h2 id="profile-groups">${facts.members ? t("profile.members") : t("profile.memberOf")}</h2>
            ${
              facts.members
                ? links(facts.members)
                : facts.groups.length
                  ? links(facts.groups)
                  : html`<p>${t("profile.memberOfNone")}</p>`
            }
          </section>
          ${
            facts.subdivisions.length
              ? html`<section aria-labelledby="profile-subdivisions">
                  <h2 id="profile-subdivisions">${t("profile.subdivisions")}</h2>
                  <ul class="inline-list">
                    ${facts.subdivisions.map(
                      (s) =>
                        html`<li>
                          <a href="${profile(s.code)}">${name(s.code, lang)}</a>
                          <span class="count">(${s.count})</span>
                        </li>`,
                    )}
                  </ul>
                </section>`
              : ""
          }
        </div>
        <section aria-labelledby="profile-instruments">
          <h2 id="profile-instruments">${t("profile.instruments")}</h2>
          ${instrumentsOfProfile(code, request)}
        </section>
        <section aria-labelledby="profile-binding">
          <h2 id="profile-binding">${t("profile.binding")}</h2>
          ${bindingList(facts, request)}
        </section>
        <section aria-labelledby="profile-timeline">
          <h2 id="profile-timeline">${t("profile.timeline")}</h2>
          <p class="muted counts-rule">${t("counts.rule")}</p>
          ${await timeline(code, request)}
          ${facts.total ? takeAway(new URLSearchParams({ jurisdiction: code }), request) : ""}
          ${followLink(new URLSearchParams({ jurisdiction: code }), request)}
        </section>
        ${
          facts.total
            ? html`<section aria-labelledby="profile-charts">
                <h2 id="profile-charts">${t("profile.charts")}</h2>
                ${await statsFigures(request, { charts: ["by-type", "binding-share"], jurisdiction: code, headingLevel: 3 })}
              </section>`
            : ""
        }`,
    };
  },
};
