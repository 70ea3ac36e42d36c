import { AppError } from "../../app/appError.js";
import { eventById } from "../../app/events.js";
import { suggestCorrection } from "../../app/proposals.js";
import { pick } from "../components/localized.js";
import { html } from "../html.js";
import { localHref } from "../i18n/localHref.js";
import type { FormOutcome, PageRequest, PageResult, WebPage } from "../webPage.js";
import { CSRF_FIELD } from "../webSession.js";
import { actorOf } from "./reviewPage.js";

// "Suggest a correction": anyone, signed in or not, may tell the editors what is wrong with an event.
// It lands in the queue as a proposal without changes, visible to all with what became of it.

interface Shown {
  note: string;
  sourceUrl: string;
  errors: { note?: string; sourceUrl?: string; alert?: string };
}

function suggestResult(
  request: PageRequest,
  id: string,
  title: string,
  shown: Shown,
  status = 200,
): PageResult {
  const { t, lang } = request;
  const described = (field: "note" | "sourceUrl") =>
    shown.errors[field] ? html`aria-invalid="true" aria-describedby="suggest-${field}-error"` : "";
  const message = (field: "note" | "sourceUrl") =>
    shown.errors[field]
      ? html`<span id="suggest-${field}-error" class="field-error">${shown.errors[field]}</span>`
      : "";
  return {
    status,
    title: t("suggest.title", { title }),
    body: html`<h1>${t("suggest.title", { title })}</h1>
      <p>${t("suggest.intro")}</p>
      <p><a href="${localHref(`/events/${id}`, lang)}">${t("edit.back")}</a></p>
      ${shown.errors.alert ? html`<div class="form-error" role="alert"><p>${shown.errors.alert}</p></div>` : ""}
      <form method="post" action="${localHref(`/events/${id}/suggest`, lang)}" class="editor-form">
        <input type="hidden" name="${CSRF_FIELD}" value="${request.formToken()}" />
        <p class="field">
          <label for="suggest-note">${t("suggest.note")}</label>
          <textarea id="suggest-note" name="note" rows="5" maxlength="5000" required ${described("note")}>
${shown.note}</textarea>
          ${message("note")}
        </p>
        <p class="field">
          <label for="suggest-source">${t("suggest.sourceUrl")}</label>
          <input
            id="suggest-source"
            type="url"
            name="sourceUrl"
            maxlength="4096"
            value="${shown.sourceUrl}"
            ${described("sourceUrl")}
          />
          ${message("sourceUrl")}
        </p>
        <p><button type="submit">${t("suggest.submit")}</button></p>
      </form>`,
  };
}

/** `/events/{id}/suggest`: the suggestion form (for anyone); its POST files the suggestion. */
export const suggestPage: WebPage = {
  path: "/events/:id/suggest",
  nav: null,
  render: async (request) => {
    const { event } = await eventById(request.context, request.params.id ?? "");
    const title = pick(event.title, request.lang)?.text ?? event.id;
    return suggestResult(request, event.id, title, { note: "", sourceUrl: "", errors: {} });
  },
  submit: async (request, form): Promise<FormOutcome> => {
    const { t } = request;
    const { event } = await eventById(request.context, request.params.id ?? "");
    const title = pick(event.title, request.lang)?.text ?? event.id;
    const note = (form.get("note") ?? "").slice(0, 6_000);
    const sourceUrl = (form.get("sourceUrl") ?? "").slice(0, 5_000);
    try {
      const proposal = await suggestCorrection(request.context, actorOf(request), event.id, {
        note,
        ...(sourceUrl.trim() ? { sourceUrl } : {}),
      });
      return { redirect: localHref(`/proposals/${proposal.id}`, request.lang) };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const shown: Shown = { note, sourceUrl, errors: {} };
      if (error.kind === "too-many-requests") {
        const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 3600) / 60));
        shown.errors.alert = t("suggest.throttled", { minutes });
        return { page: suggestResult(request, event.id, title, shown, 429) };
      }
      if (error.kind !== "invalid-request") throw error;
      for (const issue of error.issues)
        if (issue.parameter === "note") shown.errors.note = t("form.noteRequired");
        else if (issue.parameter === "sourceUrl") shown.errors.sourceUrl = t("suggest.badUrl");
        else shown.errors.alert = error.message;
      return { page: suggestResult(request, event.id, title, shown, 400) };
    }
  },
};
