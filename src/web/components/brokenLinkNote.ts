import type { FailingLink } from "../../app/links.js";
import { html, type SafeHtml } from "../html.js";
import { formatDate } from "../i18n/formatDate.js";
import type { PageRequest } from "../webPage.js";

/**
 * The note beside a cited link whose last check failed: since when, when it was checked, and the
 * archived copy of the day it was cited. Nothing for a link that works (or was never checked), which
 * is shown as it always was. The note is text, not a colour or an icon alone, so screen readers say it.
 */
export function brokenLinkNote(
  failing: FailingLink | undefined,
  request: Pick<PageRequest, "t" | "lang">,
): SafeHtml {
  if (!failing) return html``;
  const { t, lang } = request;
  const day = (iso: string) => formatDate(iso.slice(0, 10), lang);
  return html` <span class="link-broken" role="note"
    >${t("link.broken", { date: day(failing.since) })} (<time datetime="${failing.checkedAt}"
      >${t("link.checked", { date: day(failing.checkedAt) })}</time
    >) ·
    <a href="${failing.archivedUrl}" rel="noopener noreferrer external"
      >${t("link.archived", { date: day(failing.citedOn) })}</a
    ></span
  >`;
}
