// The search page's state as it lives in the URL. Pure (no DOM, no Node): the server page and the
// browser script both read and write URLs through this one module, so a link reproduces the view.

/** The facets the search page offers, in the order they are shown. */
export const SEARCH_FACETS = ["jurisdiction", "level", "type", "bindingness", "tag", "year"] as const;
export type SearchFacet = (typeof SEARCH_FACETS)[number];

export const SEARCH_SORTS = ["relevance", "-date", "date"] as const;
export type SearchPageSort = (typeof SEARCH_SORTS)[number];

/** Results per page. */
export const PAGE_SIZE = 20;

/** Everything that decides what the search page shows. */
export interface SearchState {
  q: string;
  filters: Record<SearchFacet, string[]>;
  /** null: the default (relevance with a query, newest first without). */
  sort: SearchPageSort | null;
  /** 1-based. */
  page: number;
  /** A date range given directly (the chronicle links a busy month this way). */
  from: string | null;
  to: string | null;
}

/** Reads the state from URL parameters, leniently: validation happens when the query runs. */
export function readSearchState(params: URLSearchParams): SearchState {
  const filters = Object.fromEntries(
    SEARCH_FACETS.map((facet) => [
      facet,
      [
        ...new Set(
          params
            .getAll(facet)
            .flatMap((value) => value.split(","))
            .map((value) => value.trim())
            .filter(Boolean),
        ),
      ],
    ]),
  ) as Record<SearchFacet, string[]>;
  const sort = params.get("sort");
  const page = Number(params.get("page") ?? "1");
  return {
    q: params.get("q") ?? "",
    filters,
    sort: (SEARCH_SORTS as readonly string[]).includes(sort ?? "") ? (sort as SearchPageSort) : null,
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
    from: params.get("from") || null,
    to: params.get("to") || null,
  };
}

/** The sort a state means once its default is resolved. */
export function effectiveSort(state: SearchState): SearchPageSort {
  return state.sort ?? (state.q.trim() ? "relevance" : "-date");
}

/** The page URL's parameters for a state, in a stable order (lang last), leaving defaults out. */
export function pageParams(state: SearchState, lang: string): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set("q", state.q);
  for (const facet of SEARCH_FACETS) for (const value of state.filters[facet]) params.append(facet, value);
  if (state.from) params.set("from", state.from);
  if (state.to) params.set("to", state.to);
  if (state.sort) params.set("sort", state.sort);
  if (state.page > 1) params.set("page", String(state.page));
  params.set("lang", lang);
  return params;
}

/**
 * The parameters of GET /api/events for a state (without the page's cursor): selected years become a
 * date range from the first to the last of them.
 */
export function apiParams(state: SearchState, lang: string): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set("q", state.q);
  for (const facet of SEARCH_FACETS)
    if (facet !== "year" && state.filters[facet].length) params.set(facet, state.filters[facet].join(","));
  const years = [...state.filters.year].sort();
  const from = years[0] ?? state.from;
  const to = years[years.length - 1] ?? state.to;
  if (from) params.set("from", from);
  if (to) params.set("to", to);
  params.set("sort", effectiveSort(state));
  params.set("limit", String(PAGE_SIZE));
  params.set("lang", lang);
  return params;
}

/** The same state without one filter value (what a chip's × leads to); back to the first page. */
export function withoutFilter(state: SearchState, facet: SearchFacet, value: string): SearchState {
  return {
    ...state,
    page: 1,
    filters: { ...state.filters, [facet]: state.filters[facet].filter((v) => v !== value) },
  };
}
