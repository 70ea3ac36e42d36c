import { html, type SafeHtml } from "../html.js";

/** One facet as checkboxes: its values with labels and counts, the selected ones checked. */
export interface FacetGroupModel {
  name: string;
  legend: string;
  values: { value: string; label: string; count: number; checked: boolean }[];
}

/** A facet as a fieldset of checkboxes (a plain form field: it works without JavaScript). */
export function facetGroup(model: FacetGroupModel): SafeHtml {
  if (!model.values.length) return html``;
  return html`<fieldset class="facet" data-facet="${model.name}">
    <legend>${model.legend}</legend>
    <ul>
      ${model.values.map(
        (v) =>
          html`<li>
            <label
              ><input
                type="checkbox"
                name="${model.name}"
                value="${v.value}"
                ${v.checked ? html`checked` : ""}
              />
              <span>${v.label}</span> <span class="count">(${v.count})</span></label
            >
          </li>`,
      )}
    </ul>
  </fieldset>`;
}
