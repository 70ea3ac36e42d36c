import {
  apiParams,
  effectiveSort,
  pageParams,
  readSearchState,
  SEARCH_FACETS,
  type SearchFacet,
  type SearchState,
  withoutFilter,
} from "../searchState.js";
import { unnamedTagLabel } from "../../domain/tagLabels.js";
import { fill, h } from "./dom.js";
import { type ApiEvent, renderEventCard, type SearchPageData } from "./renderEventCard.js";

/** An element the server always renders; its absence means the page is not the one this script knows. */
function need<T>(element: T | null): T {
  if (element === null) throw new Error("search page: an expected element is missing");
  return element;
}

/** Typing pauses this long before the results are fetched. */
const DEBOUNCE_MS = 250;

interface ApiAnswer {
  items: ApiEvent[];
  total: number;
  facets: Record<SearchFacet, Record<string, number>>;
}

/**
 * Makes the search page live: typing (debounced), a facet box, a chip or the sort fetch GET /api/events
 * and redraw results, facets, chips and pages in place; the state goes into the URL (pushState), and
 * Back/Forward (popstate) restore it. Paging links stay plain links to the server-rendered pages.
 */
export function searchPage(form: HTMLElement): void {
  if (!(form instanceof HTMLFormElement)) return;
  const dataBlock = form.querySelector("#search-data");
  const data = JSON.parse(dataBlock?.textContent ?? "null") as SearchPageData | null;
  const input = need(form.querySelector<HTMLInputElement>("#search-q"));
  const sortSelect = need(form.querySelector<HTMLSelectElement>("#search-sort"));
  const status = need(form.querySelector<HTMLElement>("#search-status"));
  const list = need(form.querySelector<HTMLElement>("#search-results"));
  const chips = need(form.querySelector<HTMLElement>("#search-chips"));
  const pagerBox = need(form.querySelector<HTMLElement>("#search-pager"));
  const facetsBox = need(form.querySelector<HTMLElement>(".facets"));
  if (!data) return;
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
      const response = await fetch(`/api/events?${apiParams(state, lang).toString()}`, {
        signal: controller.signal,
      });
      if (!response.ok) {
        const problem = (await response.json().catch(() => null)) as { detail?: string } | null;
        status.textContent = problem?.detail ?? String(response.status);
        return;
      }
      render((await response.json()) as ApiAnswer);
    } catch (error) {
      if ((error as Error).name !== "AbortError") status.textContent = String(error);
    } finally {
      if (inflight === controller) {
        inflight = null;
        form.removeAttribute("aria-busy");
      }
    }
  }

  function render(answer: ApiAnswer): void {
    if (!data) return;
    status.textContent = state.q.trim()
      ? fill(data.messages.resultsFor, { count: answer.total.toLocaleString(lang), q: state.q })
      : fill(data.messages.results, { count: answer.total.toLocaleString(lang) });
    list.replaceChildren(...answer.items.map((event) => renderEventCard(event, lang, data)));
    form.querySelector("#search-none")?.remove();
    if (answer.total === 0) list.after(h("p", { id: "search-none" }, data.messages.none));
    renderChips();
    renderFacets(answer.facets);
    renderPager(answer.total);
    sortSelect.value = effectiveSort(state);
  }

  const labelOf = (facet: SearchFacet, value: string): string =>
    facet === "year"
      ? value
      : facet === "tag"
        ? (data.labels.tag[value] ?? unnamedTagLabel(value))
        : (data.labels[facet][value] ?? value);

  function renderChips(): void {
    if (!data) return;
    const items: HTMLElement[] = [];
    for (const facet of SEARCH_FACETS)
      for (const value of state.filters[facet]) {
        const label = `${data.legends[facet]}: ${labelOf(facet, value)}`;
        items.push(
          h(
            "li",
            {},
            h(
              "a",
              {
                class: "chip",
                href: urlOf(withoutFilter(state, facet, value)),
                "aria-label": fill(data.messages.removeFilter, { name: label }),
                "data-facet": facet,
                "data-value": value,
              },
              label,
            ),
          ),
        );
      }
    if (state.from || state.to) {
      const label = `${state.from ?? ""}–${state.to ?? ""}`;
      items.push(
        h(
          "li",
          {},
          h(
            "a",
            {
              class: "chip",
              href: urlOf({ ...state, from: null, to: null, page: 1 }),
              "aria-label": fill(data.messages.removeFilter, { name: label }),
              "data-facet": "range",
              "data-value": label,
            },
            label,
          ),
        ),
      );
    }
    chips.replaceChildren(...(items.length ? [h("ul", { class: "chips" }, ...items)] : []));
  }

  function renderFacets(counts: ApiAnswer["facets"]): void {
    const focused = document.activeElement instanceof HTMLInputElement ? document.activeElement : null;
    const refocus = focused?.type === "checkbox" ? `${focused.name}\u0000${focused.value}` : null;
    for (const facet of SEARCH_FACETS) {
      const fieldset = facetsBox?.querySelector<HTMLElement>(`fieldset[data-facet="${facet}"]`);
      const selected = state.filters[facet];
      const entries = Object.entries(counts[facet] ?? {});
      if (facet === "year") entries.sort(([a], [b]) => b.localeCompare(a));
      else entries.sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
      const offered = entries.slice(0, facet === "jurisdiction" || facet === "tag" ? 25 : undefined);
      for (const value of selected)
        if (!offered.some(([v]) => v === value)) offered.push([value, counts[facet]?.[value] ?? 0]);
      if (!fieldset) continue;
      const ul = fieldset.querySelector("ul");
      const items = offered.map(([value, count]) =>
        h(
          "li",
          {},
          h(
            "label",
            {},
            h("input", { type: "checkbox", name: facet, value, checked: selected.includes(value) }),
            " ",
            h("span", {}, labelOf(facet, value)),
            " ",
            h("span", { class: "count" }, `(${count})`),
          ),
        ),
      );
      ul?.replaceChildren(...items);
      fieldset.hidden = items.length === 0;
    }
    if (refocus) {
      for (const box of facetsBox?.querySelectorAll<HTMLInputElement>("input[type=checkbox]") ?? [])
        if (`${box.name}\u0000${box.value}` === refocus) box.focus();
    }
  }

  function renderPager(total: number): void {
    if (!data) return;
    // A new query or filter starts on page 1; the following pages are plain links to server-rendered pages.
    const pages = Math.max(1, Math.ceil(total / data.pageSize));
    if (pages <= 1) {
      pagerBox.replaceChildren();
      return;
    }
    pagerBox.replaceChildren(
      h(
        "nav",
        { class: "pager", "aria-label": data.messages.pagination },
        h("span", {}, fill(data.messages.page, { page: 1, pages: pages.toLocaleString(lang) })),
        h("a", { rel: "next", href: urlOf({ ...state, page: 2 }) }, `${data.messages.next} →`),
      ),
    );
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
