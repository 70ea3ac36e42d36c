import { html, type SafeHtml } from "../html.js";
import type { Translate } from "../i18n/t.js";

/**
 * The data of the view one is on, to take away: the same filters as JSON, CSV, an Atom feed and an
 * iCalendar, in the page's language. `filters` holds the events' filters of GET /api/events (q,
 * jurisdiction, type, level, bindingness, tag, from, to).
 */
export function takeAway(filters: URLSearchParams, request: { lang: "zh" | "en"; t: Translate }): SafeHtml {
  const { lang, t } = request;
  const params = new URLSearchParams(filters);
  params.delete("limit");
  params.delete("sort");
  params.set("lang", lang);
  const query = params.toString();
  return html`<p class="downloads">
    ${t("takeAway.label")}
    <a href="/api/events?${query}" type="application/json">JSON</a> ·
    <a href="/api/events.csv?${query}" type="text/csv">CSV</a> ·
    <a href="/api/feed.atom?${query}" type="application/atom+xml">Atom</a> ·
    <a href="/api/calendar.ics?${query}" type="text/calendar">iCalendar</a>
  </p>`;
}

/** The `<link rel="alternate">` of a view's JSON twin. */
export function jsonTwin(href: string): SafeHtml {
  return html`<link rel="alternate" type="application/json" href="${href}" />`;
}
