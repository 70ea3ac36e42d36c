import {
  effectiveSort,
  pageParams,
  readSearchState,
  type SearchFacet,
  type SearchState,
  withoutFilter,
} from "../searchState.js";

/** An element the server always renders; its absence means the page is not the one this script knows. */
function need<T>(element: T | null): T {
  if (element === null) throw new Error("search page: an expected element is missing");
  return element;
}

/** Typing pauses this long before the results are fetched. */
const DEBOUNCE_MS = 250;

/** The regions of the page the fragment replaces, by the id both carry. */
const REGIONS = [
  "search-catalog",
  "search-facets",
  "search-chips",
  "search-results",
  "search-pager",
] as const;

/**
 * Makes the search page live: typing (debounced), a facet box, a chip or the sort fetch the results
 * region as the server renders it (GET /search/results, the page's own parameters) and swap it in; the
 * state goes into the URL (pushState), and Back/Forward (popstate) restore it. The status line stays the
 * same element (its text replaced), so screen readers announce the new count.
 */
export function searchPage(form: HTMLElement): void {
  if (!(form instanceof HTMLFormElement)) return;
  const input = need(form.querySelector<HTMLInputElement>("#search-q"));
  const sortSelect = need(form.querySelector<HTMLSelectElement>("#search-sort"));
  const status = need(form.querySelector<HTMLElement>("#search-status"));
  const chips = need(form.querySelector<HTMLElement>("#search-chips"));
  const facetsBox = need(form.querySelector<HTMLElement>(".facets"));
  const resultsPath = form.dataset.results;
  if (!resultsPath) return;
  // On a narrow screen the filters start folded, so the results come first; open on a wide one.
  if (facetsBox instanceof HTMLDetailsElement && window.matchMedia("(max-width: 49.99rem)").matches)
    facetsBox.open = false;
  const lang = (document.documentElement.lang.startsWith("zh") ? "zh" : "en") as "zh" | "en";

  let state = readSearchState(new URLSearchParams(location.search));
  let explicitSort = state.sort !== null;
  let timer: number | undefined;
  let inflight: AbortController | null = null;

  const stateFromForm = (): SearchState => {
    const params = new URLSearchParams();
    params.set("q", input.value);
    for (const box of form.querySelectorAll<HTMLInputElement>(".facet input[type=checkbox]:checked"))
      params.append(box.name, box.value);
    if (state.from) params.set("from", state.from);
    if (state.to) params.set("to", state.to);
    if (explicitSort) params.set("sort", sortSelect.value);
    return readSearchState(params);
  };

  const urlOf = (s: SearchState) => `/search?${pageParams(s, lang).toString()}`;

  async function update(next: SearchState, push: boolean): Promise<void> {
    state = next;
    if (push && urlOf(state) !== location.pathname + location.search)
      history.pushState(null, "", urlOf(state));
    inflight?.abort();
    const controller = new AbortController();
    inflight = controller;
    form.setAttribute("aria-busy", "true");
    try {
      const response = await fetch(`${resultsPath}?${pageParams(state, lang).toString()}`, {
        signal: controller.signal,
      });
      // The server's own HTML (escaped as its pages are); parsing it runs no script in it.
      const fragment = new DOMParser().parseFromString(await response.text(), "text/html");
      if (response.ok) swapIn(fragment);
      else status.textContent = fragment.body.textContent?.trim() || String(response.status);
    } catch (error) {
      if ((error as Error).name !== "AbortError") status.textContent = String(error);
    } finally {
      if (inflight === controller) {
        inflight = null;
        form.removeAttribute("aria-busy");
      }
    }
  }

  /** Puts the fragment's regions in place of the page's, keeping focus on the same checkbox. */
  function swapIn(fragment: Document): void {
    const focused = document.activeElement instanceof HTMLInputElement ? document.activeElement : null;
    const refocus = focused?.type === "checkbox" ? `${focused.name}\u0000${focused.value}` : null;
    status.textContent = fragment.getElementById("search-status")?.textContent ?? "";
    for (const id of REGIONS) {
      const source = fragment.getElementById(id);
      if (source) document.getElementById(id)?.replaceChildren(...source.childNodes);
    }
    form.querySelector("#search-none")?.remove();
    const none = fragment.getElementById("search-none");
    if (none) document.getElementById("search-results")?.after(none);
    sortSelect.value = effectiveSort(state);
    if (refocus)
      for (const box of facetsBox.querySelectorAll<HTMLInputElement>("input[type=checkbox]"))
        if (`${box.name}\u0000${box.value}` === refocus) box.focus();
  }

  input.addEventListener("input", () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void update(stateFromForm(), true), DEBOUNCE_MS);
  });
  form.addEventListener("change", (event) => {
    const target = event.target as HTMLElement;
    if (target === input) return;
    if (target === sortSelect) explicitSort = true;
    void update(stateFromForm(), true);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    window.clearTimeout(timer);
    void update(stateFromForm(), true);
  });
  chips.addEventListener("click", (event) => {
    const chip = (event.target as HTMLElement).closest<HTMLAnchorElement>("a.chip");
    if (!chip) return;
    event.preventDefault();
    const facet = chip.dataset.facet ?? "";
    const value = chip.dataset.value ?? "";
    const next =
      facet === "range"
        ? { ...state, from: null, to: null, page: 1 }
        : withoutFilter(state, facet as SearchFacet, value);
    for (const box of form.querySelectorAll<HTMLInputElement>(`.facet input[name="${facet}"]`))
      if (box.value === value) box.checked = false;
    void update(next, true);
    input.focus();
  });
  window.addEventListener("popstate", () => {
    const next = readSearchState(new URLSearchParams(location.search));
    input.value = next.q;
    explicitSort = next.sort !== null;
    for (const box of form.querySelectorAll<HTMLInputElement>(".facet input[type=checkbox]"))
      box.checked = next.filters[box.name as SearchFacet]?.includes(box.value) ?? false;
    void update(next, false);
  });
}
