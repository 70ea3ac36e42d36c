import { html, type SafeHtml } from "../html.js";

/** An active filter shown as a chip whose link is the same view without it. */
export interface FilterChipModel {
  label: string;
  removeHref: string;
  removeLabel: string;
  facet: string;
  value: string;
}

/** The active filters as removable chips (plain links; the script intercepts them). */
export function filterChips(chips: FilterChipModel[], heading: string): SafeHtml {
  if (!chips.length) return html``;
  return html`<h2 class="visually-hidden">${heading}</h2>
    <ul class="chips">
      ${chips.map(
        (chip) =>
          html`<li>
            <a
              class="chip"
              href="${chip.removeHref}"
              aria-label="${chip.removeLabel}"
              data-facet="${chip.facet}"
              data-value="${chip.value}"
              >${chip.label}</a
            >
          </li>`,
      )}
    </ul>`;
}
