import type { Event } from "../../domain/event.js";
import { notFound } from "../../app/appError.js";
import { todayUtc, upcomingDeadlines } from "../../obligations/deadlines.js";
import { eventCard } from "../components/eventCard.js";
import { html, type SafeHtml, unsafeRaw } from "../html.js";
import { formatMonth } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import { eventCardModel } from "../viewModels/eventCardModel.js";
import type { PageRequest, PageResult, WebPage } from "../webPage.js";
import { deadlinesListHtml } from "./obligationViews.js";

/**
 * At most this many events are listed per month (the seed's busiest month has 8); a busier month links to
 * its search, so that the page stays small (and fast to paint) on a database of millions.
 */
const PER_MONTH = 20;

/** The months of a year that have events, in calendar order, with their counts (year-only events last). */
function monthsOf(monthCounts: Record<string, number>, year: string): [string, number][] {
  return Object.entries(monthCounts)
    .filter(([key]) => key.startsWith(year))
    .sort(([a], [b]) => (a.length !== b.length ? b.length - a.length : a.localeCompare(b)));
}

/** Events that start in a month, in date order (or, for a bare year, those dated by the year alone). */
async function eventsStartingIn(request: PageRequest, key: string): Promise<Event[]> {
  const yearOnly = key.length === 4;
  // The filter finds events that overlap the month. Newest first, those that start in it come before the
  // spans that began earlier; a year-only event's first day is 1 January, so those come first oldest first.
  const outcome = await request.context.search.search({
    filter: { from: key, to: key },
    sort: yearOnly ? "date" : "-date",
    limit: PER_MONTH * (yearOnly ? 4 : 2),
    lang: request.lang,
  });
  const events = outcome.hits
    .map((hit) => hit.event)
    .filter((event) => (yearOnly ? event.date.start === key : event.date.start.startsWith(key)))
    .slice(0, PER_MONTH);
  return yearOnly ? events : events.reverse();
}

/** The chronicle of one year: events by month, like the appendix of the seed report. */
async function renderChronicle(request: PageRequest, wantedYear: string | null): Promise<PageResult> {
  const { lang, t, context } = request;
  const overall = await context.search.search({ filter: {}, limit: 0, facets: true, lang });
  const years = Object.keys(overall.facets?.year ?? {}).sort((a, b) => b.localeCompare(a));
  const year = wantedYear ?? years[0] ?? null;
  if (wantedYear !== null && !years.includes(wantedYear)) throw notFound(`no events in ${wantedYear}`);
  const yearNav = years.length
    ? html`<nav class="year-nav" aria-label="${t("chronicle.years")}">
        <h2 class="visually-hidden">${t("chronicle.years")}</h2>
        <ul>
          ${years.map(
            (y) =>
              html`<li>
                <a
                  href="${localHref(`/chronicle/${y}`, lang)}"
                  ${y === year ? html` aria-current="page"` : ""}
                  >${y} <span class="count">(${overall.facets?.year[y] ?? 0})</span></a
                >
              </li>`,
          )}
        </ul>
      </nav>`
    : "";
  const title = wantedYear ? t("chronicle.yearTitle", { year: wantedYear }) : t("chronicle.title");
  if (year === null)
    return {
      title,
      body: html`<h1>${title}</h1>
        <p>${t("chronicle.empty")}</p>`,
    };

  const months = monthsOf(overall.facets?.month ?? {}, year);
  const yearTotal = overall.facets?.year[year] ?? 0;
  const sections: SafeHtml[] = [];
  for (const [key, count] of months) {
    const events = await eventsStartingIn(request, key);
    const heading = key.length === 4 ? t("chronicle.undated") : formatMonth(key, lang);
    const more =
      count > events.length
        ? html`<p>
            <a href="${localHref("/search", lang, { from: key, to: key, sort: "date" })}"
              >${t("search.results", { count })} →</a
            >
          </p>`
        : "";
    sections.push(
      html`<section class="month" aria-labelledby="m-${key}">
        <h2 id="m-${key}">${heading} <span class="count">${t("chronicle.monthCount", { count })}</span></h2>
        <ol class="event-list">
          ${events.map((event) => html`<li>${eventCard(eventCardModel(event, request), t)}</li>`)}
        </ol>
        ${more}
      </section>`,
    );
  }
  return {
    title,
    description: t("chronicle.intro", { count: yearTotal }),
    canonicalPath: wantedYear ? `/chronicle/${wantedYear}` : "/",
    body: html`<h1>${title}</h1>
      <p class="lead">${wantedYear ? "" : html`${year}: `}${t("chronicle.intro", { count: yearTotal })}</p>
      ${yearNav}
      ${wantedYear ? "" : unsafeRaw(deadlinesListHtml(upcomingDeadlines(request.obligations, todayUtc(), 8), lang))}
      <div class="chronicle">${sections}</div>`,
  };
}

/** `/`: the chronicle of the newest year. */
export const chroniclePage: WebPage = {
  path: "/",
  nav: "chronicle",
  render: (request) => renderChronicle(request, null),
};

/** `/chronicle/{year}`: the chronicle of one year. */
export const chronicleYearPage: WebPage = {
  path: "/chronicle/:year",
  nav: "chronicle",
  render: (request) => {
    const year = request.params.year ?? "";
    if (!/^\d{4}$/.test(year)) throw notFound(`"${year}" is not a year`);
    return renderChronicle(request, year);
  },
};
