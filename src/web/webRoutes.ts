import type { Context, Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { listJurisdictions } from "../storage/repos/jurisdictionRepo.js";
import type { AppServices } from "../app/appServices.js";
import { AppError } from "../app/appError.js";
import { csrfMatches, sessionOf } from "../app/authentication.js";
import { clientAddress } from "../app/clientAddress.js";
import { problemTypeSlug } from "../app/problemTypes.js";
import { jurisdictionNamer } from "../report/jurisdictionNames.js";
import { serveAsset } from "./assetFiles.js";
import { html, type SafeHtml } from "./html.js";
import { chooseLanguage, languageCookie } from "./i18n/language.js";
import { localHref } from "./i18n/localHref.js";
import { translator } from "./i18n/t.js";
import { layout } from "./layout.js";
import { ACTIONS, PAGES } from "./pages/index.js";
import type { FormFields, FormOutcome, PageFragment, PageRequest, PageResult, WebPage } from "./webPage.js";
import {
  NO_PARAMETERS,
  refuseUnexpectedParameters,
  type AcceptedParameters,
} from "../app/queryParameters.js";
import {
  clearedSessionCookie,
  CSRF_FIELD,
  formCookie,
  formTokenMatches,
  formTokenOf,
  newFormToken,
  sessionCookieOf,
} from "./webSession.js";

/** The most a form may send: an event's texts at their limits fit, a flood does not. */
const FORM_MAX_BYTES = 2 * 1024 * 1024;

/** A request as the pages see it, with what the answer's headers depend on. */
interface ReadRequest {
  request: PageRequest;
  languageFromUrl: boolean;
  /** The request carried a session cookie (valid or not): its answer is private and never cached. */
  sessionSent: boolean;
  /** The anonymous form token this answer hands out, if a form on it asked for one. */
  issuedFormToken(): string | undefined;
}

/** What a page (or its fragment) gets from a request: its language, translator, URL and services. */
async function readPageRequest(c: Context, services: AppServices): Promise<ReadRequest> {
  // Absolute links (canonical, hreflang, og:url, JSON-LD) come from the configured base URL, never from
  // the request's Host header: the response cache keeps a page for everyone, so a forged Host would
  // otherwise be served to every reader after it.
  const asked = new URL(c.req.url);
  const url = new URL(`${asked.pathname}${asked.search}`, `${services.baseUrl()}/`);
  const cookies = c.req.header("cookie");
  const choice = chooseLanguage({
    query: url.searchParams.get("lang") ?? undefined,
    cookie: cookies,
    acceptLanguage: c.req.header("accept-language"),
  });
  const { lang } = choice;
  const address = clientAddress({ env: c.env, header: (name) => c.req.header(name) }, services.trustProxy);
  // Only a request that says it is signed in is looked up: reads by everyone else never touch sessions.
  const sessionValue = sessionCookieOf(cookies);
  const session = sessionValue ? await sessionOf(services, sessionValue, address) : null;
  let issued: string | undefined;
  const stored = await listJurisdictions(services.db);
  const byCode = new Map([...services.jurisdictions, ...stored].map((j) => [j.code, j]));
  const request: PageRequest = {
    lang,
    t: translator(lang),
    url,
    params: c.req.param() as Record<string, string>,
    context: services,
    obligations: services.obligations,
    corrections: services.corrections,
    name: jurisdictionNamer(stored, services.jurisdictions),
    jurisdictions: [...byCode.values()],
    session,
    sessionCookie: sessionValue,
    address,
    formToken: () => {
      if (session) return session.csrfToken;
      issued ??= formTokenOf(cookies) ?? newFormToken();
      return issued;
    },
  };
  return {
    request,
    languageFromUrl: choice.fromUrl,
    sessionSent: sessionValue !== undefined,
    issuedFormToken: () => issued,
  };
}

/** Whether the site is served over HTTPS (then every cookie of ours is Secure). */
const overHttps = (services: AppServices) => services.baseUrl().startsWith("https://");

/** Bad input to a page, in the reader's language: the one sentence a page and a fragment both show. */
function errorSentence(error: AppError, request: PageRequest): string {
  const { t } = request;
  switch (error.kind) {
    case "not-found":
      return t("error.body");
    case "forbidden":
      return t("error.forbidden", { detail: error.message });
    case "too-many-requests":
      return t("error.tooMany", { minutes: Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60)) });
    case "conflict":
      return t("error.conflict", { detail: error.message });
    default:
      return t("error.badRequest", { detail: error.message });
  }
}

/** The title of an error page. */
function errorTitle(error: AppError, request: PageRequest): string {
  const { t } = request;
  if (error.kind === "forbidden") return t("error.forbiddenTitle");
  if (error.kind === "too-many-requests") return t("error.tooManyTitle");
  if (error.kind === "conflict") return t("error.conflictTitle");
  if (error.kind === "invalid-request") return t("error.badRequestTitle");
  return t("error.title");
}

/** An AppError as a page in the reader's language, with the error's status (never a 500). */
function errorPage(error: AppError, request: PageRequest): PageResult {
  const { t, lang } = request;
  return {
    status: problemTypeSlug(error.kind).status,
    title: errorTitle(error, request),
    body: html`<h1>${errorTitle(error, request)}</h1>
      <p>${errorSentence(error, request)}</p>
      <p><a href="${localHref("/", lang)}">${t("error.home")}</a></p>`,
  };
}

/** The sign-in page that brings the reader back here afterwards. */
function signInHref(request: PageRequest): string {
  const back = new URL(request.url);
  back.searchParams.delete("lang");
  return localHref("/sign-in", request.lang, { next: `${back.pathname}${back.search}` });
}

/** The headers of an HTML answer: how it may be cached depends on who asks and where its language came from. */
function htmlHeaders(read: ReadRequest, services: AppServices, cookies: string[] = []): Headers {
  const { request, languageFromUrl } = read;
  const headers = new Headers({ "content-type": "text/html; charset=utf-8" });
  const secure = overHttps(services);
  const formToken = read.issuedFormToken();
  if (languageFromUrl) headers.append("set-cookie", languageCookie(request.lang));
  if (read.sessionSent || formToken !== undefined || cookies.length) {
    // A signed-in reader's page (their name, their forms) or one that hands out a cookie: for this
    // reader alone, kept by no cache (the shared response cache is bypassed for them, see cachedReads).
    headers.set("cache-control", "private, no-store");
    headers.set("vary", "Cookie");
  } else if (!languageFromUrl) {
    // Chosen from cookie or Accept-Language: private to this reader, kept out of shared caches.
    headers.set("cache-control", "private, no-cache");
    headers.set("vary", "Cookie, Accept-Language");
  }
  // A cookie naming no live session (ended, expired, or signed out elsewhere) is dropped, so that the
  // reader's next pages are public and cached again.
  if (read.sessionSent && request.session === null && !cookies.length)
    headers.append("set-cookie", clearedSessionCookie(secure));
  if (formToken !== undefined) headers.append("set-cookie", formCookie(formToken, secure));
  for (const cookie of cookies) headers.append("set-cookie", cookie);
  return headers;
}

/** A rendered page inside the layout, as a Response. */
function pageResponse(
  page: Pick<WebPage, "nav">,
  result: PageResult,
  read: ReadRequest,
  services: AppServices,
  cookies?: string[],
): Response {
  const { lang, t, url, session } = read.request;
  const body = layout({
    lang,
    t,
    url,
    nav: page.nav,
    title: result.title,
    description: result.description,
    canonicalPath: result.canonicalPath,
    head: result.head,
    body: result.body,
    query: page.nav === "search" ? (url.searchParams.get("q") ?? "") : undefined,
    account: session ? { name: session.actor.name, role: session.actor.role, csrf: session.csrfToken } : null,
  });
  const headers = htmlHeaders(read, services, cookies);
  if (result.notStored) headers.set("cache-control", "no-store");
  return new Response(body, { status: result.status ?? 200, headers });
}

/** A 303 to another page after a form, never cached. */
function redirectResponse(
  location: string,
  read: ReadRequest,
  services: AppServices,
  cookies: string[] = [],
) {
  const headers = htmlHeaders(read, services, cookies);
  headers.delete("content-type");
  headers.set("location", location);
  headers.set("cache-control", "no-store");
  return new Response(null, { status: 303, headers });
}

/** Renders a page inside the layout, choosing the language and saying how the answer may be cached. */
function pageHandler(page: WebPage, services: AppServices) {
  return async (c: Context) => {
    const read = await readPageRequest(c, services);
    const { request } = read;
    let result: PageResult;
    try {
      refuseUnexpectedParameters(request.url.searchParams, { ...page.parameters, lang: "once" });
      result = await page.render(request);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // A page for signed-in readers asks anyone else to sign in first, and then comes back.
      if (error.kind === "unauthenticated") return redirectResponse(signInHref(request), read, services);
      // Bad input to a page is answered with a page (in the reader's language), never a 500.
      result = errorPage(error, request);
    }
    return pageResponse(page, result, read, services);
  };
}

/** The fields of a posted form; anything but a URL-encoded form is refused. */
async function readForm(c: Context): Promise<FormFields | null> {
  const type = c.req.header("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) return null;
  return new URLSearchParams(await c.req.text());
}

/** Whether a form carries the CSRF token of who sends it: the session's, or the double-submit cookie's. */
function carriesToken(read: ReadRequest, form: FormFields, cookies: string | undefined): boolean {
  const token = form.get(CSRF_FIELD) ?? undefined;
  const { session } = read.request;
  return session ? csrfMatches(session, token) : formTokenMatches(formTokenOf(cookies), token);
}

/**
 * A form's POST: refused with 403 (and nothing done) unless it carries the right CSRF token, then
 * handed to the page or action, whose outcome is a redirect or a page (with a message) again.
 */
function formHandler(
  nav: WebPage["nav"],
  parameters: AcceptedParameters | undefined,
  submit: (request: PageRequest, form: FormFields) => Promise<FormOutcome>,
  services: AppServices,
  signedByUrl = false,
) {
  return async (c: Context) => {
    const read = await readPageRequest(c, services);
    const { request } = read;
    const page = { nav };
    try {
      refuseUnexpectedParameters(request.url.searchParams, { ...parameters, lang: "once" });
      const form = await readForm(c);
      if (!form) {
        const { t } = request;
        const result = {
          status: 415,
          title: t("error.formTitle"),
          body: html`<h1>${t("error.formTitle")}</h1>
            <p>${t("error.notAForm")}</p>`,
        };
        return pageResponse(page, result, read, services);
      }
      if (!signedByUrl && !carriesToken(read, form, c.req.header("cookie"))) {
        const { t, lang } = request;
        const result = {
          status: 403,
          title: t("error.formTitle"),
          body: html`<h1>${t("error.formTitle")}</h1>
            <p>${t("error.csrf")}</p>
            <p><a href="${localHref(request.url.pathname, lang)}">${t("error.formAgain")}</a></p>`,
        };
        return pageResponse(page, result, read, services);
      }
      const outcome = await submit(request, form);
      if ("redirect" in outcome) return redirectResponse(outcome.redirect, read, services, outcome.cookies);
      return pageResponse(page, outcome.page, read, services, outcome.cookies);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.kind === "unauthenticated") return redirectResponse(signInHref(request), read, services);
      return pageResponse(page, errorPage(error, request), read, services);
    }
  };
}

/**
 * Renders a page's fragment alone: the page's parameters (an unknown one is refused alike), its
 * language and caching, and bad input as one escaped sentence the script shows where the results were.
 */
function fragmentHandler(page: WebPage, fragment: PageFragment, services: AppServices) {
  return async (c: Context) => {
    const read = await readPageRequest(c, services);
    const { request } = read;
    let status = 200;
    let body: SafeHtml;
    try {
      refuseUnexpectedParameters(request.url.searchParams, { ...page.parameters, lang: "once" });
      body = await fragment.render(request);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      status = problemTypeSlug(error.kind).status;
      body = html`<p class="fragment-error" role="alert">${errorSentence(error, request)}</p>`;
    }
    // A piece of a page is no page of its own to index: search engines follow the page instead.
    const headers = htmlHeaders(read, services);
    headers.set("x-robots-tag", "noindex");
    return new Response(body.value, { status, headers });
  };
}

/**
 * The web app's routes: its static assets under /assets/, every page in pages/index.ts, each rendered
 * on the server inside the one layout (and its fragment, if it has one, alone), and the forms: each
 * page's own (posted to its path) and the actions (sign-out, publish, reject).
 */
export function registerWebRoutes(app: Hono, services: AppServices): void {
  app.get("/assets/:file", (c) => {
    refuseUnexpectedParameters(new URL(c.req.url).searchParams, NO_PARAMETERS);
    return serveAsset(c.req.param("file"));
  });
  const limit = bodyLimit({
    maxSize: FORM_MAX_BYTES,
    onError: (c) => {
      const { lang } = chooseLanguage({
        query: new URL(c.req.url).searchParams.get("lang") ?? undefined,
        cookie: c.req.header("cookie"),
        acceptLanguage: c.req.header("accept-language"),
      });
      return c.text(translator(lang)("error.tooLarge"), 413);
    },
  });
  for (const page of PAGES) {
    app.get(page.path, pageHandler(page, services));
    if (page.fragment) app.get(page.fragment.path, fragmentHandler(page, page.fragment, services));
    const submit = page.submit;
    if (submit)
      app.post(page.path, limit, formHandler(page.nav, page.parameters, submit, services, page.signedByUrl));
  }
  for (const action of ACTIONS)
    app.post(action.path, limit, formHandler(null, undefined, action.submit, services));
}
