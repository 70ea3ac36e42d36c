import { roleMay } from "../../domain/account.js";
import type { FieldChange } from "../../domain/eventDiff.js";
import { httpUrlOrNull } from "../../domain/httpUrl.js";
import { AppError, notFound } from "../../app/appError.js";
import { proposalDetail, publishProposal, rejectProposal, type ProposalView } from "../../app/proposals.js";
import { findProposal } from "../../storage/repos/proposalRepo.js";
import { findCurrentRevision } from "../../storage/repos/revisionRepo.js";
import { fieldChanges } from "../components/fieldChanges.js";
import { pick } from "../components/localized.js";
import { html, type SafeHtml } from "../html.js";
import { formatDate } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import type { FormOutcome, PageRequest, PageResult, WebAction, WebPage } from "../webPage.js";
import { CSRF_FIELD } from "../webSession.js";
import { actorOf } from "./reviewPage.js";

/** A proposal's number from the path; anything else names no proposal. */
function proposalId(request: PageRequest): number {
  const raw = request.params.id ?? "";
  if (!/^\d{1,15}$/.test(raw)) throw notFound(`no proposal "${raw}"`);
  return Number(raw);
}

/** What a failed decision shows above the forms. */
interface Refusal {
  status: number;
  message: string;
  /** For a conflict: what changed in the event since the proposal was made. */
  changes?: FieldChange[];
  /** The reject form's note was missing. */
  noteMissing?: boolean;
}

const when = (iso: string, request: PageRequest) =>
  html`<time datetime="${iso}">${formatDate(iso.slice(0, 10), request.lang)} ${iso.slice(11, 16)} UTC</time>`;

/** The publish and reject forms, for an editor who is not the proposal's author. */
async function decisionForms(view: ProposalView, request: PageRequest, refusal?: Refusal): Promise<SafeHtml> {
  const { t, lang, session } = request;
  if (view.status !== "pending" || !session || !roleMay(session.actor.role, "review")) return html``;
  const row = await findProposal(request.context.db, view.id);
  if (row?.author_id === session.actor.userId) return html`<p class="hint">${t("proposal.ownProposal")}</p>`;
  const token = request.formToken();
  return html`<section class="decision" aria-labelledby="decide">
    <h2 id="decide">${t("proposal.decide")}</h2>
    <form method="post" action="${localHref(`/proposals/${view.id}/publish`, lang)}" class="editor-form">
      <input type="hidden" name="${CSRF_FIELD}" value="${token}" />
      <p class="field">
        <label for="publish-note">${t("proposal.publishNote")}</label>
        <textarea id="publish-note" name="note" rows="2" maxlength="5000"></textarea>
      </p>
      <p><button type="submit" name="decision" value="publish">${t("proposal.publish")}</button></p>
    </form>
    <form method="post" action="${localHref(`/proposals/${view.id}/reject`, lang)}" class="editor-form">
      <input type="hidden" name="${CSRF_FIELD}" value="${token}" />
      <p class="field">
        <label for="reject-note">${t("proposal.rejectNote")}</label>
        <textarea
          id="reject-note"
          name="note"
          rows="2"
          maxlength="5000"
          required
          ${refusal?.noteMissing ? html`aria-invalid="true" aria-describedby="reject-note-error"` : ""}
        ></textarea>
        ${
          refusal?.noteMissing
            ? html`<span id="reject-note-error" class="field-error">${t("form.noteRequired")}</span>`
            : ""
        }
      </p>
      <p><button type="submit" name="decision" value="reject">${t("proposal.reject")}</button></p>
    </form>
  </section>`;
}

/** The proposal page: what is proposed, by whom and why, the difference, its fate, and the forms. */
async function proposalResult(
  request: PageRequest,
  view: ProposalView,
  refusal?: Refusal,
): Promise<PageResult> {
  const { t, lang, context } = request;
  const current = await findCurrentRevision(context.db, view.eventId);
  const eventTitle = current ? (pick(current.event.title, lang)?.text ?? view.eventId) : view.eventId;
  const title = t("proposal.title", { id: view.id });
  const source = view.sourceUrl ? httpUrlOrNull(view.sourceUrl) : null;
  const alert = refusal
    ? html`<div class="form-error" role="alert">
        <p>${refusal.message}</p>
        ${
          refusal.changes
            ? html`<p>${t("proposal.conflictChanges")}</p>
                ${fieldChanges(refusal.changes, request, current?.event ?? null)}`
            : ""
        }
      </div>`
    : "";
  const decided =
    view.status !== "pending"
      ? html`<p>
            ${t(`proposal.decided.${view.status}`, { by: view.decidedBy ?? t("proposal.operator") })}
            ${view.decidedAt ? html` · ${when(view.decidedAt, request)}` : ""}
            ${
              view.revision !== null
                ? html` ·
                    <a href="${localHref(`/events/${view.eventId}/revisions/${view.revision}`, lang)}"
                      >${t("event.revision", { n: view.revision })}</a
                    >`
                : ""
            }
          </p>
          ${view.decisionNote ? html`<blockquote class="proposal-note">${view.decisionNote}</blockquote>` : ""}`
      : "";
  return {
    status: refusal?.status ?? 200,
    title,
    body: html`<article class="proposal-page">
      <h1>${title}</h1>
      <p class="proposal-meta">
        <span class="badge badge--${view.status}">${t(`proposal.status.${view.status}`)}</span>
        ${t(`proposal.kind.${view.kind}`)} ·
        <a href="${localHref(`/events/${view.eventId}`, lang)}">${eventTitle}</a> ·
        ${t("proposal.by", { author: view.author })} · ${when(view.createdAt, request)}
        ${view.baseRevision !== null ? html` · ${t("proposal.base", { n: view.baseRevision })}` : ""}
      </p>
      ${view.stale ? html`<p class="warning">${t("proposal.staleNote", { n: view.currentRevision ?? 0 })}</p>` : ""}
      ${alert}
      <h2>${t("proposal.note")}</h2>
      <blockquote class="proposal-note">${view.note}</blockquote>
      ${
        source
          ? html`<p>
              ${t("proposal.source")}: <a href="${source}" rel="noopener noreferrer external">${source}</a>
            </p>`
          : ""
      }
      <h2>${t(view.status === "published" ? "proposal.changed" : "proposal.changes")}</h2>
      ${
        view.kind === "suggestion"
          ? html`<p>${t("proposal.suggestionNoChange")}</p>`
          : fieldChanges(view.changes, request, current?.event ?? null)
      }
      ${decided} ${await decisionForms(view, request, refusal)}
      <p class="no-print">
        <a href="/api/proposals/${view.id}" type="application/json">${t("proposal.json")}</a>
      </p>
    </article>`,
  };
}

/** `/proposals/{id}`: one proposal, public (anyone may see what was proposed and what became of it). */
export const proposalPage: WebPage = {
  path: "/proposals/:id",
  nav: null,
  render: async (request) =>
    proposalResult(request, await proposalDetail(request.context, proposalId(request))),
};

/** A decision that the use case refused is shown on the proposal page; other errors as their page. */
async function decide(request: PageRequest, make: (id: number) => Promise<unknown>): Promise<FormOutcome> {
  const id = proposalId(request);
  try {
    await make(id);
    return { redirect: localHref(`/proposals/${id}`, request.lang) };
  } catch (error) {
    if (!(error instanceof AppError) || !["conflict", "invalid-request", "forbidden"].includes(error.kind))
      throw error;
    const view = await proposalDetail(request.context, id);
    const changes = error.extensions?.changes;
    const refusal: Refusal =
      error.kind === "conflict"
        ? {
            status: 409,
            message: request.t("proposal.conflict", { detail: error.message }),
            changes: Array.isArray(changes) ? (changes as FieldChange[]) : undefined,
          }
        : error.kind === "invalid-request"
          ? { status: 400, message: request.t("form.noteRequired"), noteMissing: true }
          : { status: 403, message: request.t("error.forbidden", { detail: error.message }) };
    return { page: await proposalResult(request, view, refusal) };
  }
}

const noteOf = (form: URLSearchParams) => form.get("note")?.trim() ?? "";

/** POST /proposals/{id}/publish: an editor publishes (the note is optional). */
export const publishAction: WebAction = {
  path: "/proposals/:id/publish",
  submit: (request, form) =>
    decide(request, (id) => {
      const note = noteOf(form);
      return publishProposal(request.context, actorOf(request), id, note ? { note } : {});
    }),
};

/** POST /proposals/{id}/reject: an editor rejects, saying why. */
export const rejectAction: WebAction = {
  path: "/proposals/:id/reject",
  submit: (request, form) =>
    decide(request, (id) => rejectProposal(request.context, actorOf(request), id, { note: noteOf(form) })),
};
