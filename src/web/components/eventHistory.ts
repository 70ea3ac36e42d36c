import { diffEvents } from "../../domain/eventDiff.js";
import type { StoredRevision } from "../../storage/repos/revisionRepo.js";
import { html, type SafeHtml } from "../html.js";
import { formatDate } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import type { PageRequest } from "../webPage.js";
import { fieldChanges } from "./fieldChanges.js";

// An event's history as the event page shows it: every revision, newest first, with who published it,
// when and why, the proposal it came from, a link to the event as it then was, and its difference
// from the revision before.

/** The history section of an event page. `shown` marks the revision the page shows (a past version). */
/** How an operator's revision was written, in the page's words. */
function originWords(origin: string, t: PageRequest["t"]): string {
  if (origin === "bundled dataset") return t("history.origin.bundled");
  const imported = /^import (.+)$/.exec(origin);
  if (imported) return t("history.origin.import", { file: imported[1] as string });
  const migration = /^migration (\d+):/.exec(origin);
  if (migration) return t("history.origin.migration", { what: migration[1] as string });
  return origin;
}

export function eventHistory(
  id: string,
  revisions: readonly StoredRevision[],
  request: PageRequest,
  shown: number | null = null,
): SafeHtml {
  const { t, lang } = request;
  const items = revisions.map((r, i) => {
    const previous = revisions[i - 1];
    const before = previous && !previous.removed ? previous.event : null;
    const after = r.removed ? null : r.event;
    const changes = previous ? diffEvents(before, after) : [];
    // A revision from a proposal names its author; one the operator wrote says how it was written, in the
    // page's language (the stored origin is an English phrase: "bundled dataset", "import FILE").
    const who = r.by ?? (r.proposalId === null ? null : t("proposal.operator"));
    const current = i === revisions.length - 1;
    return html`<li
      id="revision-${r.revision}"
      value="${r.revision}"
      ${r.revision === shown ? html`aria-current="true"` : ""}
    >
      <p class="revision-line">
        <a href="${localHref(`/events/${id}/revisions/${r.revision}`, lang)}"
          >${t("event.revision", { n: r.revision })}</a
        >
        ${current ? html`<span class="badge">${t("history.current")}</span>` : ""}
        ${r.removed ? html`<span class="badge badge--removed">${t("history.removed")}</span>` : ""} ·
        <time datetime="${r.changedAt}"
          >${formatDate(r.changedAt.slice(0, 10), lang)} ${r.changedAt.slice(11, 16)} UTC</time
        >
        ·
        ${who === null ? t("history.written", { what: originWords(r.origin, t) }) : t("history.by", { who })}
        ${r.publishedBy ? html` · ${t("history.publishedBy", { editor: r.publishedBy })}` : ""}
        ${
          r.proposalId !== null
            ? html` ·
                <a href="${localHref(`/proposals/${r.proposalId}`, lang)}"
                  >${t("history.proposal", { id: r.proposalId })}</a
                >`
            : ""
        }
      </p>
      ${r.note ? html`<p class="revision-note">${r.note}</p>` : ""}
      ${
        previous
          ? html`<details class="revision-diff">
              <summary>
                ${t(changes.length === 1 ? "history.changesOne" : "history.changes", {
                  n: previous.revision,
                  count: changes.length,
                })}
              </summary>
              ${fieldChanges(changes, request, before)}
            </details>`
          : html`<p class="revision-first">${t("event.firstRevision")}</p>`
      }
    </li>`;
  });
  return html`<section aria-labelledby="history">
    <h2 id="history">${t("event.history")}</h2>
    <ol class="revisions" reversed>
      ${items.reverse()}
    </ol>
  </section>`;
}
