import type { Context, Hono } from "hono";
import { listJurisdictions } from "../storage/repos/jurisdictionRepo.js";
import type { AppServices } from "../app/appServices.js";
import { AppError } from "../app/appError.js";
import { problemTypeSlug } from "../app/problemTypes.js";
import { jurisdictionNamer } from "../report/jurisdictionNames.js";
import { serveAsset } from "./assetFiles.js";
import { html, type SafeHtml } from "./html.js";
import { chooseLanguage, languageCookie } from "./i18n/language.js";
import { localHref } from "./i18n/localHref.js";
import { translator } from "./i18n/t.js";
import { layout } from "./layout.js";
import { PAGES } from "./pages/index.js";
import type { PageFragment, PageRequest, PageResult, WebPage } from "./webPage.js";
import { NO_PARAMETERS, refuseUnexpectedParameters } from "../app/queryParameters.js";

/** What a page (or its fragment) gets from a request: its language, translator, URL and services. */
async function readPageRequest(c: Context, services: AppServices) {
  // Absolute links (canonical, hreflang, og:url, JSON-LD) come from the configured base URL, never from
  // the request's Host header: the response cache keeps a page for everyone, so a forged Host would
  // otherwise be served to every reader after it.
  const asked = new URL(c.req.url);
  const url = new URL(`${asked.pathname}${asked.search}`, `${services.baseUrl()}/`);
  const choice = chooseLanguage({
    query: url.searchParams.get("lang") ?? undefined,
    cookie: c.req.header("cookie"),
    acceptLanguage: c.req.header("accept-language"),
  });
  const { lang } = choice;
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
  };
  return { request, languageFromUrl: choice.fromUrl };
}

/** Bad input to a page, in the reader's language: the one sentence a page and a fragment both show. */
function errorSentence(error: AppError, request: PageRequest): string {
  const { t } = request;
  return error.kind === "not-found" ? t("error.body") : t("error.badRequest", { detail: error.message });
}

/** The headers of an HTML answer: how it may be cached depends on where its language came from. */
function htmlHeaders(request: PageRequest, languageFromUrl: boolean): Record<string, string> {
  const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8" };
  if (languageFromUrl) {
    // The URL says the language: the answer is the same for everyone (the response cache may keep it).
    headers["set-cookie"] = languageCookie(request.lang);
  } else {
    // Chosen from cookie or Accept-Language: private to this reader, kept out of shared caches.
    headers["cache-control"] = "private, no-cache";
    headers.vary = "Cookie, Accept-Language";
  }
  return headers;
}

/** Renders a page inside the layout, choosing the language and saying how the answer may be cached. */
function pageHandler(page: WebPage, services: AppServices) {
  return async (c: Context) => {
    const { request, languageFromUrl } = await readPageRequest(c, services);
    const { lang, t, url } = request;
    let result: PageResult;
    try {
      refuseUnexpectedParameters(url.searchParams, { ...page.parameters, lang: "once" });
      result = await page.render(request);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      // Bad input to a page is answered with a page (in the reader's language), never a 500.
      result = {
        status: problemTypeSlug(error.kind).status,
        title: t("error.title"),
        body: html`<h1>${t("error.title")}</h1>
          <p>${errorSentence(error, request)}</p>
          <p><a href="${localHref("/", lang)}">${t("error.home")}</a></p>`,
      };
    }
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
    });
    return c.body(body, (result.status ?? 200) as 200, htmlHeaders(request, languageFromUrl));
  };
}

/**
 * Renders a page's fragment alone: the page's parameters (an unknown one is refused alike), its
 * language and caching, and bad input as one escaped sentence the script shows where the results were.
 */
function fragmentHandler(page: WebPage, fragment: PageFragment, services: AppServices) {
  return async (c: Context) => {
    const { request, languageFromUrl } = await readPageRequest(c, services);
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
    const headers = { ...htmlHeaders(request, languageFromUrl), "x-robots-tag": "noindex" };
    return c.body(body.value, status as 200, headers);
  };
}

/**
 * The web app's routes: its static assets under /assets/ and every page in pages/index.ts, each
 * rendered on the server inside the one layout (and its fragment, if it has one, alone).
 */
export function registerWebRoutes(app: Hono, services: AppServices): void {
  app.get("/assets/:file", (c) => {
    refuseUnexpectedParameters(new URL(c.req.url).searchParams, NO_PARAMETERS);
    return serveAsset(c.req.param("file"));
  });
  for (const page of PAGES) {
    app.get(page.path, pageHandler(page, services));
    if (page.fragment) app.get(page.fragment.path, fragmentHandler(page, page.fragment, services));
  }
}
