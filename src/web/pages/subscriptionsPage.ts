import { AppError } from "../../app/appError.js";
import {
  addSubscription,
  listSubscriptionViews,
  parseSubscriptionRequest,
  removeSubscription,
  resumeSubscription,
  subscriptionDeliveries,
  type SubscriptionView,
  unsubscribeWithToken,
} from "../../app/subscriptions.js";
import { anonymous } from "../../domain/account.js";
import { html, type SafeHtml } from "../html.js";
import { formatDate } from "../i18n/formatDate.js";
import { localHref } from "../i18n/localHref.js";
import type { FormFields, FormOutcome, PageRequest, WebAction, WebPage } from "../webPage.js";
import { CSRF_FIELD } from "../webSession.js";
import { actorOf } from "./reviewPage.js";

// Following changes: a signed-in reader's subscriptions (a saved search, an event, an instrument, a
// jurisdiction), each with its delivery log; and the page an e-mail's unsubscribe link opens.

const LOG_ROWS = 10;
const list = (value: string | null | undefined) =>
  (value ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/** What a subscription follows, in the reader's language. */
function scopeText(view: SubscriptionView, request: PageRequest): SafeHtml {
  const { t, lang } = request;
  const scope = view.scope;
  if (scope.kind === "event")
    return html`${t("subscriptions.scope.event")}
      <a href="${localHref(`/events/${scope.id}`, lang)}">${scope.id}</a>`;
  if (scope.kind === "instrument")
    return html`${t("subscriptions.scope.instrument")}
      <a href="${localHref(`/instruments/${scope.id}`, lang)}">${scope.id}</a>`;
  if (scope.kind === "jurisdiction") return html`${t("subscriptions.scope.jurisdiction")} ${scope.code}`;
  const { q, jurisdiction, type, tag } = scope.search;
  const parts = [q ? `“${q}”` : "", jurisdiction.join(", "), type.join(", "), tag.join(", ")].filter(Boolean);
  return html`${t("subscriptions.scope.search")}
  ${parts.length ? parts.join(" · ") : t("subscriptions.everything")}`;
}

async function subscriptionCard(view: SubscriptionView, request: PageRequest): Promise<SafeHtml> {
  const { t, lang, context } = request;
  const log = await subscriptionDeliveries(context, actorOf(request), view.id, { limit: LOG_ROWS });
  const where = view.webhook
    ? html`${t("subscriptions.webhook")} <code>${view.webhook.url}</code>`
    : html`${t("subscriptions.email")} ${view.email?.address}
      (${t(`subscriptions.digest.${view.email?.digest ?? "daily"}`)})`;
  const button = (action: string, label: string) =>
    html`<form method="post" action="${localHref(`/subscriptions/${action}`, lang)}" class="inline-form">
      <input type="hidden" name="${CSRF_FIELD}" value="${request.formToken()}" />
      <input type="hidden" name="id" value="${view.id}" />
      <button type="submit">${label}</button>
    </form>`;
  return html`<section class="subscription" aria-labelledby="${view.id}">
    <h2 id="${view.id}">${view.name ?? view.id}</h2>
    <p>${scopeText(view, request)} → ${where}</p>
    ${
      view.paused
        ? html`<p class="form-error" role="status">
            ${t("subscriptions.paused", { date: formatDate(view.paused.at.slice(0, 10), lang), reason: view.paused.reason })}
          </p>`
        : ""
    }
    <p>
      ${t("subscriptions.counts", {
        pending: view.deliveries.pending,
        delivered: view.deliveries.delivered,
        failed: view.deliveries.failed,
      })}
      ${view.feeds ? html` · <a href="${view.feeds.atom}">Atom</a> · <a href="${view.feeds.ics}">iCalendar</a>` : ""}
    </p>
    ${
      log.length
        ? html`<table>
            <caption>
              ${t("subscriptions.log")}
            </caption>
            <thead>
              <tr>
                <th scope="col">${t("subscriptions.change")}</th>
                <th scope="col">${t("subscriptions.status")}</th>
                <th scope="col">${t("subscriptions.attempts")}</th>
                <th scope="col">${t("subscriptions.lastError")}</th>
              </tr>
            </thead>
            <tbody>
              ${log.map(
                (d) =>
                  html`<tr>
                    <td>
                      ${t(`subscriptions.type.${d.change.type}`)}
                      <a
                        href="${localHref(
                          `/${d.change.type === "instrument.changed" ? "instruments" : "events"}/${d.change.subject}`,
                          lang,
                        )}"
                        >${d.change.subject}</a
                      >
                    </td>
                    <td>${t(`subscriptions.deliveryStatus.${d.status}`)}</td>
                    <td>${d.attempts}</td>
                    <td>${d.lastError ?? ""}</td>
                  </tr>`,
              )}
            </tbody>
          </table>`
        : ""
    }
    ${view.paused ? button("resume", t("subscriptions.resume")) : ""}
    ${button("remove", t("subscriptions.remove"))}
  </section>`;
}

/** The form of a new subscription, filled from the page's query (a search, event or instrument to follow). */
function newSubscriptionForm(request: PageRequest, message?: SafeHtml): SafeHtml {
  const { t, lang, url, session } = request;
  const get = (key: string) => url.searchParams.get(key) ?? "";
  const field = (id: string, label: string, input: SafeHtml) =>
    html`<p class="field"><label for="${id}">${label}</label> ${input}</p>`;
  return html`<h2 id="new-subscription">${t("subscriptions.new")}</h2>
    ${message ?? ""}
    <form method="post" action="${localHref("/subscriptions", lang)}" class="editor-form">
      <input type="hidden" name="${CSRF_FIELD}" value="${request.formToken()}" />
      ${field("sub-name", t("subscriptions.name"), html`<input id="sub-name" type="text" name="name" maxlength="200" />`)}
      <fieldset>
        <legend>${t("subscriptions.follows")}</legend>
        ${field("sub-q", t("subscriptions.words"), html`<input id="sub-q" type="text" name="q" maxlength="200" value="${get("q")}" />`)}
        ${field(
          "sub-jurisdiction",
          t("subscriptions.jurisdictions"),
          html`<input
            id="sub-jurisdiction"
            type="text"
            name="jurisdiction"
            maxlength="200"
            value="${get("jurisdiction")}"
            placeholder="EU, US-CA"
          />`,
        )}
        ${field("sub-tag", t("subscriptions.tags"), html`<input id="sub-tag" type="text" name="tag" maxlength="200" value="${get("tag")}" />`)}
        ${field("sub-event", t("subscriptions.eventId"), html`<input id="sub-event" type="text" name="event" maxlength="120" value="${get("event")}" />`)}
        ${field(
          "sub-instrument",
          t("subscriptions.instrumentId"),
          html`<input
            id="sub-instrument"
            type="text"
            name="instrument"
            maxlength="120"
            value="${get("instrument")}"
          />`,
        )}
      </fieldset>
      <fieldset>
        <legend>${t("subscriptions.delivery")}</legend>
        ${field(
          "sub-email",
          t("subscriptions.emailTo", { address: session?.actor.email ?? "" }),
          html`<select id="sub-email" name="digest">
            <option value="">${t("subscriptions.noEmail")}</option>
            <option value="immediate">${t("subscriptions.digest.immediate")}</option>
            <option value="daily">${t("subscriptions.digest.daily")}</option>
            <option value="weekly">${t("subscriptions.digest.weekly")}</option>
          </select>`,
        )}
        ${field("sub-webhook", t("subscriptions.webhookUrl"), html`<input id="sub-webhook" name="webhook" type="url" maxlength="2000" />`)}
        ${field(
          "sub-secret",
          t("subscriptions.secret"),
          html`<input
            id="sub-secret"
            name="secret"
            type="password"
            minlength="16"
            maxlength="200"
            autocomplete="off"
          />`,
        )}
      </fieldset>
      <p><button type="submit">${t("subscriptions.subscribe")}</button></p>
    </form>`;
}

/** A subscription request from the form's fields: an event or instrument, else the search it describes. */
function requestFrom(form: FormFields, request: PageRequest) {
  const event = form.get("event")?.trim();
  const instrument = form.get("instrument")?.trim();
  const q = form.get("q")?.trim();
  const scope = event
    ? { kind: "event", id: event }
    : instrument
      ? { kind: "instrument", id: instrument }
      : {
          kind: "search",
          search: {
            ...(q ? { q } : {}),
            jurisdiction: list(form.get("jurisdiction")).map((code) => code.toUpperCase()),
            tag: list(form.get("tag")),
          },
        };
  const webhook = form.get("webhook")?.trim();
  const digest = form.get("digest");
  const name = form.get("name")?.trim();
  return parseSubscriptionRequest({
    scope,
    lang: request.lang,
    ...(name ? { name } : {}),
    ...(webhook ? { webhook: { url: webhook, secret: form.get("secret") ?? "" } } : {}),
    ...(!webhook && digest ? { email: { address: request.session?.actor.email ?? "", digest } } : {}),
  });
}

async function subscriptionsBody(request: PageRequest, message?: SafeHtml): Promise<SafeHtml> {
  const { t, context } = request;
  const views = await listSubscriptionViews(context, actorOf(request));
  return html`<h1>${t("subscriptions.title")}</h1>
    <p>${t("subscriptions.intro")}</p>
    ${views.length ? await Promise.all(views.map((view) => subscriptionCard(view, request))) : html`<p>${t("subscriptions.none")}</p>`}
    ${newSubscriptionForm(request, message)}`;
}

/** `/subscriptions`: a signed-in reader's subscriptions, their delivery logs, and the form of a new one. */
export const subscriptionsPage: WebPage = {
  path: "/subscriptions",
  nav: null,
  parameters: { q: "once", jurisdiction: "once", tag: "once", event: "once", instrument: "once" },
  render: async (request) => ({
    title: request.t("subscriptions.title"),
    body: await subscriptionsBody(request),
  }),
  submit: async (request, form): Promise<FormOutcome> => {
    try {
      await addSubscription(request.context, actorOf(request), requestFrom(form, request));
      return { redirect: localHref("/subscriptions", request.lang) };
    } catch (error) {
      if (!(error instanceof AppError) || error.kind === "unauthenticated") throw error;
      const message = html`<p class="form-error" role="alert">${error.message}</p>`;
      return {
        page: {
          status: error.kind === "not-found" ? 404 : error.kind === "forbidden" ? 403 : 400,
          title: request.t("subscriptions.title"),
          body: await subscriptionsBody(request, message),
        },
      };
    }
  },
};

/** POST /subscriptions/remove and …/resume: the buttons of each subscription. */
export const removeSubscriptionAction: WebAction = {
  path: "/subscriptions/remove",
  submit: async (request, form) => {
    await removeSubscription(request.context, actorOf(request), form.get("id") ?? "");
    return { redirect: localHref("/subscriptions", request.lang) };
  },
};
export const resumeSubscriptionAction: WebAction = {
  path: "/subscriptions/resume",
  submit: async (request, form) => {
    await resumeSubscription(request.context, actorOf(request), form.get("id") ?? "");
    return { redirect: localHref("/subscriptions", request.lang) };
  },
};

/**
 * `/unsubscribe?s=ID&t=TOKEN`: what a digest's link opens. Its GET only asks (mail scanners follow
 * links); its POST, authorized by the signed token instead of a session, unsubscribes: from the page's
 * button, or from a mail client's one-click List-Unsubscribe-Post (RFC 8058).
 */
export const unsubscribePage: WebPage = {
  path: "/unsubscribe",
  nav: null,
  parameters: { s: "once", t: "once" },
  signedByUrl: true,
  render: async (request) => {
    const { t, lang, url } = request;
    const params = new URLSearchParams({
      s: url.searchParams.get("s") ?? "",
      t: url.searchParams.get("t") ?? "",
    });
    return {
      title: t("unsubscribe.title"),
      body: html`<h1>${t("unsubscribe.title")}</h1>
        <p>${t("unsubscribe.ask")}</p>
        <form method="post" action="${localHref(`/unsubscribe?${params}`, lang)}">
          <button type="submit">${t("unsubscribe.confirm")}</button>
        </form>`,
    };
  },
  submit: async (request): Promise<FormOutcome> => {
    const { t, url } = request;
    const done = await unsubscribeWithToken(
      request.context,
      anonymous(request.address),
      url.searchParams.get("s") ?? "",
      url.searchParams.get("t") ?? "",
    );
    return {
      page: {
        title: t("unsubscribe.title"),
        body: html`<h1>${t("unsubscribe.title")}</h1>
          <p role="status">${t(done.alreadyRemoved ? "unsubscribe.already" : "unsubscribe.done")}</p>`,
      },
    };
  },
};
