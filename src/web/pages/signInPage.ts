import { AppError, invalidRequest } from "../../app/appError.js";
import { SignInInput, signIn, signOut, signOutEverywhere } from "../../app/authentication.js";
import { html, type SafeHtml } from "../html.js";
import { localHref } from "../i18n/localHref.js";
import type { FormOutcome, PageRequest, PageResult, WebAction, WebPage } from "../webPage.js";
import { clearedSessionCookie, CSRF_FIELD, localNext, sessionCookie } from "../webSession.js";

// Signing in and out: a session kept in the database (so that every server behind a load balancer
// knows it), carried by an HttpOnly cookie.

const secure = (request: PageRequest) => request.context.baseUrl().startsWith("https://");

/** The path to come back to, with the reader's language. */
function nextHref(request: PageRequest, next: string | null): string {
  const target = new URL(localNext(next), "http://local");
  return localHref(`${target.pathname}${target.search}`, request.lang);
}

/** The sign-in form (or, for a signed-in reader, who they are and the two ways to sign out). */
function signInBody(request: PageRequest, input: { email?: string; next?: string; message?: SafeHtml }) {
  const { t, lang, session } = request;
  const next = localNext(input.next ?? request.url.searchParams.get("next"));
  if (session)
    return html`<h1>${t("signIn.title")}</h1>
      <p>${t("account.signedInAs", { name: session.actor.name })} (${session.actor.email})</p>
      <form method="post" action="${localHref("/sign-out", lang)}" class="inline-form">
        <input type="hidden" name="${CSRF_FIELD}" value="${request.formToken()}" />
        <button type="submit">${t("account.signOut")}</button>
      </form>
      <form method="post" action="${localHref("/sign-out-everywhere", lang)}" class="inline-form">
        <input type="hidden" name="${CSRF_FIELD}" value="${request.formToken()}" />
        <button type="submit">${t("account.signOutEverywhere")}</button>
      </form>
      <p class="hint">${t("account.everywhereHint")}</p>`;
  return html`<h1>${t("signIn.title")}</h1>
    <p>${t("signIn.intro")}</p>
    ${input.message ?? ""}
    <form method="post" action="${localHref("/sign-in", lang)}" class="editor-form">
      <input type="hidden" name="${CSRF_FIELD}" value="${request.formToken()}" />
      <input type="hidden" name="next" value="${next}" />
      <p class="field">
        <label for="sign-in-email">${t("signIn.email")}</label>
        <input
          id="sign-in-email"
          type="email"
          name="email"
          autocomplete="username"
          required
          maxlength="254"
          value="${input.email ?? ""}"
        />
      </p>
      <p class="field">
        <label for="sign-in-password">${t("signIn.password")}</label>
        <input
          id="sign-in-password"
          type="password"
          name="password"
          autocomplete="current-password"
          required
          maxlength="1000"
        />
      </p>
      <p><button type="submit">${t("signIn.submit")}</button></p>
    </form>`;
}

/** The message of a refused sign-in, in the reader's language. */
function refusal(request: PageRequest, error: AppError): { status: number; message: SafeHtml } {
  const { t } = request;
  if (error.kind === "too-many-requests") {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return {
      status: 429,
      message: html`<p class="form-error" role="alert">${t("signIn.throttled", { minutes })}</p>`,
    };
  }
  if (error.kind === "invalid-request")
    return { status: 400, message: html`<p class="form-error" role="alert">${t("signIn.invalid")}</p>` };
  return { status: 401, message: html`<p class="form-error" role="alert">${t("signIn.wrong")}</p>` };
}

/** `/sign-in`: the sign-in form; its POST starts a session and goes back where the reader came from. */
export const signInPage: WebPage = {
  path: "/sign-in",
  nav: null,
  parameters: { next: "once" },
  render: async (request) => ({
    title: request.t("signIn.title"),
    body: signInBody(request, {}),
  }),
  submit: async (request, form): Promise<FormOutcome> => {
    const email = form.get("email") ?? "";
    const next = form.get("next");
    try {
      const input = SignInInput.safeParse({ email, password: form.get("password") ?? "" });
      if (!input.success) throw invalidRequest("email or password too long");
      const made = await signIn(request.context, input.data, request.address);
      // Signing in again in a signed-in browser replaces its session: the one it had ends here.
      if (request.session && request.sessionCookie)
        await signOut(request.context, request.session, request.sessionCookie);
      return { redirect: nextHref(request, next), cookies: [sessionCookie(made.cookie, secure(request))] };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const { status, message } = refusal(request, error);
      const page: PageResult = {
        status,
        title: request.t("signIn.title"),
        body: signInBody(request, { email, next: next ?? undefined, message }),
      };
      return { page };
    }
  },
};

/** POST /sign-out: ends this session (only this browser's) and forgets its cookie. */
export const signOutAction: WebAction = {
  path: "/sign-out",
  submit: async (request, form) => {
    const { session, sessionCookie: cookie } = request;
    if (session && cookie) await signOut(request.context, session, cookie);
    return {
      redirect: nextHref(request, form.get("next")),
      cookies: [clearedSessionCookie(secure(request))],
    };
  },
};

/** POST /sign-out-everywhere: ends every session of the account, on every device and server. */
export const signOutEverywhereAction: WebAction = {
  path: "/sign-out-everywhere",
  submit: async (request) => {
    const { session } = request;
    if (session) await signOutEverywhere(request.context, session.actor);
    return {
      redirect: localHref("/sign-in", request.lang),
      cookies: [clearedSessionCookie(secure(request))],
    };
  },
};
