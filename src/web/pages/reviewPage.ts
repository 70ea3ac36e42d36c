import { anonymous } from "../../domain/account.js";
import { pick } from "../components/localized.js";
import { authorize } from "../../app/authorize.js";
import { listProposalViews, type ProposalView } from "../../app/proposals.js";
import { findEvents } from "../../storage/repos/eventRepo.js";
import { firstLines } from "../components/textExcerpt.js";
import { html } from "../html.js";
import { formatDate } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import type { PageRequest, WebPage } from "../webPage.js";

const PAGE_SIZE = 50;

/** The signed-in actor of a request, or nobody (whom authorize refuses). */
export function actorOf(request: PageRequest) {
  return request.session?.actor ?? anonymous(request.address);
}

/** One line of the queue: what is proposed, to which event, by whom, why, and whether it is stale. */
function queueRow(p: ProposalView, titles: Map<string, string>, request: PageRequest) {
  const { t, lang } = request;
  return html`<tr>
    <td><a href="${localHref(`/proposals/${p.id}`, lang)}">#${p.id}</a></td>
    <td>${t(`proposal.kind.${p.kind}`)}</td>
    <td>
      <a href="${localHref(`/events/${p.eventId}`, lang)}">${titles.get(p.eventId) ?? p.eventId}</a>
    </td>
    <td>${p.author}</td>
    <td>${firstLines(p.note, 160)}</td>
    <td><time datetime="${p.createdAt}">${formatDate(p.createdAt.slice(0, 10), lang)}</time></td>
    <td>
      ${
        p.stale
          ? html`<span class="badge badge--stale">${t("proposal.stale")}</span>`
          : html`<span class="badge badge--pending">${t("proposal.status.pending")}</span>`
      }
    </td>
  </tr>`;
}

/** `/review`: the editors' queue, pending proposals newest first (editors and admins only). */
export const reviewPage: WebPage = {
  path: "/review",
  nav: null,
  parameters: { before: "once" },
  render: async (request) => {
    const { t, lang, context, url } = request;
    authorize(actorOf(request), "review");
    const before = url.searchParams.get("before");
    const { proposals, next } = await listProposalViews(context, {
      status: "pending",
      limit: PAGE_SIZE,
      before: before && /^\d{1,15}$/.test(before) ? Number(before) : undefined,
    });
    const ids = [...new Set(proposals.map((p) => p.eventId))];
    const events = ids.length ? await findEvents(context.db, ids) : [];
    const titles = new Map(events.map((e) => [e.id, pick(e.title, lang)?.text ?? e.id]));
    return {
      title: t("review.title"),
      body: html`<h1>${t("review.title")}</h1>
        <p>${t("review.intro")}</p>
        ${
          proposals.length
            ? html`<table class="review-queue">
                <thead>
                  <tr>
                    <th scope="col">${t("review.proposal")}</th>
                    <th scope="col">${t("review.kind")}</th>
                    <th scope="col">${t("review.event")}</th>
                    <th scope="col">${t("review.author")}</th>
                    <th scope="col">${t("review.note")}</th>
                    <th scope="col">${t("review.created")}</th>
                    <th scope="col">${t("review.state")}</th>
                  </tr>
                </thead>
                <tbody>
                  ${proposals.map((p) => queueRow(p, titles, request))}
                </tbody>
              </table>`
            : html`<p class="empty">${t("review.empty")}</p>`
        }
        ${
          next !== null
            ? html`<p>
                <a href="${localHref("/review", lang, { before: String(next) })}">${t("review.older")}</a>
              </p>`
            : ""
        }`,
    };
  },
};
