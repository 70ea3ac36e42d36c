import { BINDINGNESS, EVENT_TYPES, LEVELS } from "../../domain/event.js";
import { toEventFilter } from "../../domain/eventQuery.js";
import type { Language } from "../../domain/localizedText.js";
import { namedTags, tagLabel } from "../../domain/tagLabels.js";
import { EventsQuery, encodeCursor, parseSearchParams } from "../../http/eventsQuery.js";
import { HttpProblem } from "../../http/problem.js";
import type { SearchFacets } from "../../search/searchService.js";
import { eventCard } from "../components/eventCard.js";
import { facetGroup, type FacetGroupModel } from "../components/facetGroup.js";
import { type FilterChipModel, filterChips } from "../components/filterChips.js";
import { jsonScript } from "../components/jsonScript.js";
import { html, type SafeHtml } from "../html.js";
import type { MessageKey } from "../i18n/en.js";
import {
  apiParams,
  effectiveSort,
  PAGE_SIZE,
  pageParams,
  readSearchState,
  SEARCH_FACETS,
  SEARCH_SORTS,
  type SearchFacet,
  type SearchState,
  withoutFilter,
} from "../searchState.js";
import { eventCardModel } from "../viewModels/eventCardModel.js";
import type { PageRequest, WebPage } from "../webPage.js";

/** How many values of a long facet (jurisdictions, tags) are offered, besides the selected ones. */
const FACET_VALUES = 25;
const SORT_LABELS: Record<(typeof SEARCH_SORTS)[number], MessageKey> = {
  relevance: "search.sortRelevance",
  "-date": "search.sortNewest",
  date: "search.sortOldest",
};

/** Labels of facet values in the page's language, for the server and (as a data block) the script. */
function facetLabels(request: PageRequest): Record<Exclude<SearchFacet, "year">, Record<string, string>> {
  const { t, lang } = request;
  const enumLabels = (prefix: "level" | "type" | "bindingness", values: readonly string[]) =>
    Object.fromEntries(values.map((v) => [v, t(`${prefix}.${v}` as MessageKey)]));
  return {
    jurisdiction: Object.fromEntries(request.jurisdictions.map((j) => [j.code, request.name(j.code, lang)])),
    level: enumLabels("level", LEVELS),
    type: enumLabels("type", EVENT_TYPES),
    bindingness: enumLabels("bindingness", BINDINGNESS),
    tag: Object.fromEntries(namedTags().map((tag) => [tag, tagLabel(tag, lang)])),
  };
}

function labelOf(
  labels: ReturnType<typeof facetLabels>,
  facet: SearchFacet,
  value: string,
  lang: Language,
): string {
  if (facet === "year") return value;
  if (facet === "tag") return tagLabel(value, lang);
  return labels[facet][value] ?? value;
}

/** The facet's values to offer: the most frequent, the selected ones always, counts from this search. */
function facetModel(
  request: PageRequest,
  labels: ReturnType<typeof facetLabels>,
  facet: SearchFacet,
  counts: Record<string, number>,
  selected: string[],
): FacetGroupModel {
  const entries = Object.entries(counts);
  if (facet === "year") entries.sort(([a], [b]) => b.localeCompare(a));
  else entries.sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  const offered = entries.slice(0, facet === "jurisdiction" || facet === "tag" ? FACET_VALUES : undefined);
  for (const value of selected)
    if (!offered.some(([v]) => v === value)) offered.push([value, counts[value] ?? 0]);
  return {
    name: facet,
    legend: request.t(`facet.${facet}`),
    values: offered.map(([value, count]) => ({
      value,
      label: labelOf(labels, facet, value, request.lang),
      count,
      checked: selected.includes(value),
    })),
  };
}

/** The state's query as GET /api/events would read it: the same validation, the same 400s. */
function validatedQuery(state: SearchState, lang: string) {
  for (const year of state.filters.year)
    if (!/^\d{4}$/.test(year))
      throw new HttpProblem(400, `year: expected a year such as 2025, got "${year}"`, [
        { parameter: "year", message: "expected YYYY" },
      ]);
  const params = apiParams(state, lang);
  if (state.page > 1) params.set("cursor", encodeCursor((state.page - 1) * PAGE_SIZE));
  return parseSearchParams(EventsQuery, params);
}

function searchHref(state: SearchState, lang: string): string {
  return `/search?${pageParams(state, lang).toString()}`;
}

function chipsFor(
  state: SearchState,
  request: PageRequest,
  labels: ReturnType<typeof facetLabels>,
): FilterChipModel[] {
  const { t, lang } = request;
  const chips: FilterChipModel[] = [];
  for (const facet of SEARCH_FACETS)
    for (const value of state.filters[facet]) {
      const label = `${t(`facet.${facet}`)}: ${labelOf(labels, facet, value, request.lang)}`;
      chips.push({
        label,
        facet,
        value,
        removeHref: searchHref(withoutFilter(state, facet, value), lang),
        removeLabel: t("search.removeFilter", { name: label }),
      });
    }
  if (state.from || state.to) {
    const label = `${state.from ?? ""}–${state.to ?? ""}`;
    chips.push({
      label,
      facet: "range",
      value: label,
      removeHref: searchHref({ ...state, from: null, to: null, page: 1 }, lang),
      removeLabel: t("search.removeFilter", { name: label }),
    });
  }
  return chips;
}

function pager(state: SearchState, total: number, request: PageRequest): SafeHtml {
  const { t, lang } = request;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages <= 1) return html``;
  return html`<nav class="pager" aria-label="${t("search.pagination")}">
    ${state.page > 1 ? html`<a rel="prev" href="${searchHref({ ...state, page: state.page - 1 }, lang)}">← ${t("search.prev")}</a>` : ""}
    <span>${t("search.page", { page: state.page, pages })}</span>
    ${state.page < pages ? html`<a rel="next" href="${searchHref({ ...state, page: state.page + 1 }, lang)}">${t("search.next")} →</a>` : ""}
  </nav>`;
}

/** `/search`: results, facets, chips, sort and pages, all from the URL; the script makes it live. */
export const searchPage: WebPage = {
  path: "/search",
  nav: "search",
  parameters: {
    q: "once",
    ...Object.fromEntries(SEARCH_FACETS.map((facet) => [facet, "list"] as const)),
    from: "once",
    to: "once",
    sort: "once",
    page: "once",
  },
  render: async (request) => {
    const { t, lang, context, url } = request;
    const state = readSearchState(url.searchParams);
    const query = validatedQuery(state, lang);
    const outcome = await context.search.search({
      q: query.q,
      filter: toEventFilter(query),
      sort: query.sort,
      offset: (state.page - 1) * PAGE_SIZE,
      limit: PAGE_SIZE,
      facets: true,
      lang: query.lang,
    });
    const facets = outcome.facets as SearchFacets;
    const labels = facetLabels(request);
    const hasQuery = Boolean(state.q.trim());
    const sort = effectiveSort(state);
    const status = hasQuery
      ? t("search.resultsFor", { count: outcome.total, q: state.q })
      : t("search.results", { count: outcome.total });
    const clientData = {
      labels,
      legends: Object.fromEntries(SEARCH_FACETS.map((f) => [f, t(`facet.${f}`)])),
      types: labels.type,
      bindingness: labels.bindingness,
      messages: {
        results: t("search.results", { count: 0 }).replace("0", "{count}"),
        resultsFor: t("search.resultsFor", { count: 0, q: "{q}" }).replace("0", "{count}"),
        none: t("search.none"),
        removeFilter: t("search.removeFilter", { name: "{name}" }),
        loading: t("search.loading"),
        pagination: t("search.pagination"),
        page: t("search.page", { page: "{page}", pages: "{pages}" }),
        next: t("search.next"),
        sources: t("chronicle.sources"),
        fallback: {
          zh: t("lang.fallback", { lang: t("lang.zh") }),
          en: t("lang.fallback", { lang: t("lang.en") }),
        },
      },
      separator: lang === "zh" ? "、" : ", ",
      pageSize: PAGE_SIZE,
    };
    const results = outcome.hits.map(
      (hit) =>
        html`<li>
          ${eventCard(eventCardModel(hit.event, request, { snippet: hasQuery ? hit.snippet : null }), t)}
        </li>`,
    );
    return {
      title: hasQuery ? `${state.q} · ${t("search.title")}` : t("search.title"),
      description: status,
      canonicalPath: `/search?${pageParams(state, lang).toString()}`.replace(/[?&]lang=[a-z]+$/, ""),
      head: html`<meta name="robots" content="noindex, follow" />`,
      body: html`<h1>${t("search.title")}</h1>
        <form class="search-page" method="get" action="/search" data-module="search-page">
          ${jsonScript("application/json", clientData, "search-data")}
          <input type="hidden" name="lang" value="${lang}" />
          <div class="search-form-main">
            <label class="visually-hidden" for="search-q">${t("search.label")}</label>
            <input
              id="search-q"
              type="search"
              name="q"
              value="${state.q}"
              maxlength="200"
              placeholder="${t("search.placeholder")}"
              autocomplete="off"
            />
            <label for="search-sort">${t("search.sort")}</label>
            <select id="search-sort" name="sort">
              ${SEARCH_SORTS.map((s) => html`<option value="${s}" ${s === sort ? html`selected` : ""}>${t(SORT_LABELS[s])}</option>`)}
            </select>
            ${state.from ? html`<input type="hidden" name="from" value="${state.from}" />` : ""}
            ${state.to ? html`<input type="hidden" name="to" value="${state.to}" />` : ""}
            <button type="submit">${t("search.submit")}</button>
          </div>
          <div class="search-layout">
            <details class="facets" open>
              <summary><h2>${t("search.filters")}</h2></summary>
              ${SEARCH_FACETS.map((facet) => facetModel(request, labels, facet, facets[facet], state.filters[facet])).map(facetGroup)}
              <button type="submit" class="facets__apply">${t("search.apply")}</button>
            </details>
            <div class="results">
              <p id="search-status" class="search-status" role="status">${status}</p>
              <div id="search-chips">
                ${filterChips(chipsFor(state, request, labels), t("search.activeFilters"))}
              </div>
              <ol class="event-list" id="search-results">
                ${results}
              </ol>
              ${outcome.total === 0 ? html`<p id="search-none">${t("search.none")}</p>` : ""}
              <div id="search-pager">${pager(state, outcome.total, request)}</div>
            </div>
          </div>
        </form>`,
    };
  },
};
