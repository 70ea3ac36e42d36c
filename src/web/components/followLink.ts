import { html, type SafeHtml } from "../html.js";
import type { Translate } from "../i18n/t.js";
import { localHref } from "../i18n/localHref.js";

/**
 * The way from a view to a subscription of it: /subscriptions with the view's search, event, instrument
 * or jurisdiction filled in (a reader who is not signed in is asked to first).
 */
export function followLink(what: URLSearchParams, request: { lang: "zh" | "en"; t: Translate }): SafeHtml {
  const params = new URLSearchParams();
  for (const key of ["q", "jurisdiction", "tag", "event", "instrument"]) {
    const value = what.getAll(key).join(",");
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return html`<p class="follow">
    <a href="${localHref(`/subscriptions${query ? `?${query}` : ""}`, request.lang)}"
      >${request.t("subscriptions.follow")}</a
    >
  </p>`;
}
