import type { Context, Hono } from "hono";
import { listJurisdictions } from "../storage/repos/jurisdictionRepo.js";
import type { AppContext } from "../http/appContext.js";
import type { CorrectionsByEvent } from "../domain/correctionsByEvent.js";
import type { ObligationsData } from "../obligations/obligationsData.js";
import { HttpProblem } from "../http/problem.js";
import { jurisdictionNamer, readBundledJurisdictions } from "../report/jurisdictionNames.js";
import { serveAsset } from "./assetFiles.js";
import { html } from "./html.js";
import { chooseLanguage, languageCookie } from "./i18n/language.js";
import { localHref } from "./i18n/localHref.js";
import { translator } from "./i18n/t.js";
import { layout } from "./layout.js";
import { PAGES } from "./pages/index.js";
import type { PageRequest, PageResult, WebPage } from "./webPage.js";
import { acceptsParameters, NO_PARAMETERS, refuseUnexpectedParameters } from "../http/queryParameters.js";

const bundled = readBundledJurisdictions();

/** Renders a page inside the layout, choosing the language and saying how the answer may be cached. */
function pageHandler(
  page: WebPage,
  context: AppContext,
  obligations: ObligationsData,
  corrections: CorrectionsByEvent,
  baseUrl: () => string,
) {
  return async (c: Context) => {
    // Absolute links (canonical, hreflang, og:url, JSON-LD) come from the configured base URL, never from
    // the request's Host header: the response cache keeps a page for everyone, so a forged Host would
    // otherwise be served to every reader after it.
    const asked = new URL(c.req.url);
    const url = new URL(`${asked.pathname}${asked.search}`, `${baseUrl()}/`);
    const choice = chooseLanguage({
      query: url.searchParams.get("lang") ?? undefined,
      cookie: c.req.header("cookie"),
      acceptLanguage: c.req.header("accept-language"),
    });
    const { lang } = choice;
    const t = translator(lang);
    const stored = await listJurisdictions(context.db);
    const byCode = new Map([...bundled, ...stored].map((j) => [j.code, j]));
    const request: PageRequest = {
      lang,
      t,
      url,
      params: c.req.param() as Record<string, string>,
      context,
      obligations,
      corrections,
      name: jurisdictionNamer(stored, bundled),
      jurisdictions: [...byCode.values()],
    };
    let result: PageResult;
    try {
      refuseUnexpectedParameters(url.searchParams, { ...page.parameters, lang: "once" });
      result = await page.render(request);
    } catch (error) {
      if (!(error instanceof HttpProblem) || error.status >= 500) throw error;
      // Bad input to a page is answered with a page (in the reader's language), never a 500.
      result = {
        status: error.status,
        title: t("error.title"),
        body: html`<h1>${t("error.title")}</h1>
          <p>${error.status === 404 ? t("error.body") : t("error.badRequest", { detail: error.message })}</p>
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
    const headers: Record<string, string> = { "content-type": "text/html; charset=utf-8" };
    if (choice.fromUrl) {
      // The URL says the language: the answer is the same for everyone (the response cache may keep it).
      headers["set-cookie"] = languageCookie(lang);
    } else {
      // Chosen from cookie or Accept-Language: private to this reader, kept out of shared caches.
      headers["cache-control"] = "private, no-cache";
      headers.vary = "Cookie, Accept-Language";
    }
    return c.body(body, (result.status ?? 200) as 200, headers);
  };
}

/**
 * The web app's routes: its static assets under /assets/ and every page in pages/index.ts, each
 * rendered on the server inside the one layout.
 */
export function registerWebRoutes(
  app: Hono,
  context: AppContext,
  obligations: ObligationsData,
  corrections: CorrectionsByEvent,
  baseUrl: () => string,
): void {
  app.get("/assets/:file", acceptsParameters(NO_PARAMETERS), (c) => serveAsset(c.req.param("file")));
  for (const page of PAGES) app.get(page.path, pageHandler(page, context, obligations, corrections, baseUrl));
}
