import { catalogPage, searchCatalogHits } from "../../app/searchCatalog.js";
import { searchEvents } from "../../app/searchEvents.js";
import { pickText } from "../../domain/localizedText.js";
import type { CatalogHit } from "../../search/catalogIndex.js";
import { tagLabel, VOCABULARY, type Words } from "../../domain/vocabulary.js";
import { EventsQuery, encodeCursor, parseSearchParams } from "../../app/eventsQuery.js";
import { invalidRequest } from "../../app/appError.js";
import type { SearchFacets } from "../../search/searchService.js";
import { eventCard } from "../components/eventCard.js";
import { followLink } from "../components/followLink.js";
import { jsonTwin, takeAway } from "../components/takeAway.js";
import { facetGroup, type FacetGroupModel } from "../components/facetGroup.js";
import { type FilterChipModel, filterChips } from "../components/filterChips.js";
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

/** Where the script fetches the results region of a search (the page's own parameters). */
export const SEARCH_RESULTS_PATH = "/search/results";

/** A facet value as the reader sees it: the vocabulary's word, the jurisdiction's name, the year. */
function facetValueLabel(request: PageRequest, facet: SearchFacet, value: string): string {
  const { lang } = request;
  if (facet === "year") return value;
  if (facet === "tag") return tagLabel(value, lang);
  if (facet === "jurisdiction") return request.name(value, lang);
  const words: Readonly<Record<string, Words>> = VOCABULARY[facet];
  return Object.hasOwn(words, value) ? (words[value] as Words)[lang] : value;
}

/** The facet's values to offer: the most frequent, the selected ones always, counts from this search. */
function facetModel(
  request: PageRequest,
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
      label: facetValueLabel(request, facet, value),
      count,
      checked: selected.includes(value),
    })),
  };
}

/** The state's query as GET /api/events would read it: the same validation, the same 400s. */
function validatedQuery(state: SearchState, lang: string) {
  for (const year of state.filters.year)
    if (!/^\d{4}$/.test(year))
      throw invalidRequest(`year: expected a year such as 2025, got "${year}"`, [
        { parameter: "year", message: "expected YYYY" },
      ]);
  const params = apiParams(state, lang);
  if (state.page > 1) params.set("cursor", encodeCursor((state.page - 1) * PAGE_SIZE));
  return parseSearchParams(EventsQuery, params);
}

function searchHref(state: SearchState, lang: string): string {
  return `/search?${pageParams(state, lang).toString()}`;
}

function chipsFor(state: SearchState, request: PageRequest): FilterChipModel[] {
  const { t, lang } = request;
  const chips: FilterChipModel[] = [];
  for (const facet of SEARCH_FACETS)
    for (const value of state.filters[facet]) {
      const label = `${t(`facet.${facet}`)}: ${facetValueLabel(request, facet, value)}`;
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

/**
 * The parts of a search's view that change with the URL, each in the element the page and the fragment
 * both give it (the ids the script swaps by): facets, status sentence, chips, cards, "none", pages.
 */
interface SearchRegions {
  state: SearchState;
  status: string;
  /** The instruments and duties the words name (first page of a search with words), else empty. */
  catalog: SafeHtml;
  facets: SafeHtml;
  chips: SafeHtml;
  results: SafeHtml;
  none: SafeHtml;
  pager: SafeHtml;
}

/** Runs the search the URL asks for and renders its regions with the components of the page. */
async function searchRegions(request: PageRequest): Promise<SearchRegions> {
  const { t, lang, context, url } = request;
  const state = readSearchState(url.searchParams);
  const query = validatedQuery(state, lang);
  const { outcome } = await searchEvents(context, { ...query, limit: PAGE_SIZE });
  const facets = outcome.facets as SearchFacets;
  const hasQuery = Boolean(state.q.trim());
  const catalog = hasQuery && state.page === 1 ? searchCatalogHits(context, state.q) : [];
  return {
    state,
    catalog: catalogRegion(catalog, request),
    status: hasQuery
      ? t("search.resultsFor", { count: outcome.total, q: state.q })
      : t("search.results", { count: outcome.total }),
    facets: html`<div id="search-facets">
      ${SEARCH_FACETS.map((facet) => facetGroup(facetModel(request, facet, facets[facet], state.filters[facet])))}
    </div>`,
    chips: html`<div id="search-chips">
      ${filterChips(chipsFor(state, request), t("search.activeFilters"))}
    </div>`,
    results: html`<ol class="event-list" id="search-results">
      ${outcome.hits.map(
        (hit) =>
          html`<li>
            ${eventCard(eventCardModel(hit.event, request, { snippet: hasQuery ? hit.snippet : null }), t)}
          </li>`,
      )}
    </ol>`,
    none: outcome.total === 0 ? html`<p id="search-none">${t("search.none")}</p>` : html``,
    // The take-away links follow the filters, so they live in a region the script swaps.
    pager: html`<div id="search-pager">
      ${pager(state, outcome.total, request)}
      ${outcome.total ? takeAway(apiParams(state, lang), request) : ""}
      ${followLink(apiParams(state, lang), request)}
    </div>`,
  };
}

// Instruments and duties shown above the events: the first few, the rest a click away on their pages.
const CATALOG_SHOWN = 6;

/**
 * The instruments and duties a search's words name (an identifier such as `SB 53` or `2024/1689`, a
 * title, a threshold such as `10^25`), each linked to its instrument's page; an empty element without.
 */
function catalogRegion(hits: CatalogHit[], request: PageRequest): SafeHtml {
  const { t, lang, url } = request;
  if (hits.length === 0) return html`<div id="search-catalog"></div>`;
  const shown = hits.slice(0, CATALOG_SHOWN);
  const json = `/api/search?${new URLSearchParams({ q: url.searchParams.get("q") ?? "", lang })}`;
  // The region is the same element with or without hits: the script swaps what is inside it.
  return html`<div id="search-catalog">
    <section class="catalog-hits" aria-labelledby="search-catalog-heading">
      <h2 id="search-catalog-heading">${t("search.catalogHeading")}</h2>
      <ul>
        ${shown.map(({ entry }) => {
          // Where it binds, and a duty's article (the law is on the page the link opens).
          const place = request.name(entry.jurisdiction, lang);
          const where = entry.article ? `${place} · ${entry.article}` : place;
          return html`<li>
            <span class="catalog-hits__kind"
              >${t(entry.kind === "instrument" ? "search.kind.instrument" : "search.kind.duty")}</span
            >
            <a href="${catalogPage(entry, lang)}">${pickText(entry.title, lang) ?? entry.id}</a>
            <span class="catalog-hits__where">${where}</span>
          </li>`;
        })}
      </ul>
      <p class="catalog-hits__more">
        ${
          hits.length > shown.length
            ? t("search.catalogCount", { count: hits.length, shown: shown.length })
            : t("search.catalogAll", { count: hits.length })
        }
        <a href="${json}" type="application/json">${t("search.catalogJson")}</a>
      </p>
    </section>
  </div>`;
}

/**
 * The results region alone (GET /search/results, the page's parameters): what the script swaps into
 * the page after typing, a facet, a chip, the sort or Back, so the live view is the server's own markup.
 */
export async function searchResultsFragment(request: PageRequest): Promise<SafeHtml> {
  const r = await searchRegions(request);
  return html`<p id="search-status">${r.status}</p>
    ${r.catalog} ${r.facets} ${r.chips} ${r.results} ${r.none} ${r.pager}`;
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
  fragment: { path: SEARCH_RESULTS_PATH, render: searchResultsFragment },
  render: async (request) => {
    const { t, lang } = request;
    const regions = await searchRegions(request);
    const { state } = regions;
    const sort = effectiveSort(state);
    return {
      title: state.q.trim() ? `${state.q} · ${t("search.title")}` : t("search.title"),
      description: regions.status,
      canonicalPath: `/search?${pageParams(state, lang).toString()}`.replace(/[?&]lang=[a-z]+$/, ""),
      head: html`<meta name="robots" content="noindex, follow" />
        ${jsonTwin(`/api/events?${apiParams(state, lang)}`)}`,
      body: html`<h1>${t("search.title")}</h1>
        <form
          class="search-page"
          method="get"
          action="/search"
          data-module="search-page"
          data-results="${SEARCH_RESULTS_PATH}"
        >
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
              ${regions.facets}
              <button type="submit" class="facets__apply">${t("search.apply")}</button>
            </details>
            <div class="results">
              ${regions.catalog}
              <p id="search-status" class="search-status" role="status">${regions.status}</p>
              ${regions.chips} ${regions.results} ${regions.none} ${regions.pager}
            </div>
          </div>
        </form>`,
    };
  },
};
