import type { Instrument } from "../../domain/instrument.js";
import type { Obligation } from "../../domain/obligation.js";
import { dateBounds } from "../../domain/partialDate.js";
import { html, type SafeHtml } from "../html.js";
import { formatDate } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import type { Translate } from "../i18n/t.js";
import { INSTRUMENT_STATUS } from "./instrumentStatus.js";
import { localized, pick } from "./localized.js";

/**
 * Instruments, each linked to its page with its status, how many of its duties the checker models, and
 * every dated step (past and next, the next ones marked), so that a page about an event or a
 * jurisdiction leads to the verified dates. `today` decides what is past.
 */
export function instrumentsWithDates(
  instruments: readonly Instrument[],
  obligations: readonly Obligation[],
  request: { lang: "zh" | "en"; t: Translate },
  today: string,
): SafeHtml {
  const { lang, t } = request;
  return html`<ul class="instrument-list">
    ${instruments.map((instrument) => {
      const duties = obligations.filter((o) => o.instrument === instrument.id).length;
      const dates = [...instrument.dates].sort((a, b) => a.date.localeCompare(b.date));
      return html`<li>
        <a href="${localHref(`/instruments/${instrument.id}`, lang)}">${instrument.title[lang]}</a>
        <span class="muted"
          >(${INSTRUMENT_STATUS[instrument.status][lang]}${duties ? ` · ${t("instruments.duties", { count: duties })}` : ""})</span
        >
        ${
          dates.length
            ? html`<ul>
                ${dates.map((d) => {
                  // As the profile's other dates say it (isUpcoming): next once its first day is ahead.
                  const upcoming = dateBounds(d.date).first > today;
                  const label = pick(d.label, lang);
                  return html`<li class="${upcoming ? "effective effective--upcoming" : "effective"}">
                    ${upcoming ? html`<strong>${t("instruments.next")}</strong> ` : ""}<time
                      datetime="${d.date}"
                      >${formatDate(d.date, lang)}</time
                    >${label ? html` — ${localized(label, t)}` : ""}
                  </li>`;
                })}
              </ul>`
            : ""
        }
      </li>`;
    })}
  </ul>`;
}
