import type { Language } from "../domain/localizedText.js";
import { type Role, roleMay } from "../domain/account.js";
import { languageTag, openGraphLocale, otherLanguage } from "../domain/languageForms.js";
import { html, type SafeHtml } from "./html.js";
import { localHref } from "./i18n/localHref.js";
import type { Translate } from "./i18n/t.js";
import type { NavSection } from "./webPage.js";

const NAV: { section: NavSection; path: string }[] = [
  { section: "chronicle", path: "/" },
  { section: "search", path: "/search" },
  { section: "map", path: "/map" },
  { section: "charts", path: "/charts" },
  { section: "compare", path: "/compare" },
  { section: "reports", path: "/reports" },
  { section: "check", path: "/check" },
  { section: "api", path: "/api/docs" },
];

/** What the layout needs to frame a page. */
export interface LayoutInput {
  lang: Language;
  t: Translate;
  /** The request URL, to build the language switch and the canonical link from. */
  url: URL;
  nav: NavSection | null;
  title: string;
  description?: string;
  canonicalPath?: string;
  head?: SafeHtml;
  body: SafeHtml;
  /** What the search box holds (the search page fills it with the query). */
  query?: string;
  /** Who is signed in (their name, role and the CSRF token of the sign-out form), or null. */
  account?: { name: string; role: Role; csrf: string } | null;
}

/**
 * Who is signed in, with the review queue for editors and a sign-out button; for anyone else a link
 * to sign in that comes back to this page.
 */
function accountBar(input: LayoutInput): SafeHtml {
  const { lang, t, url, account } = input;
  const back = new URLSearchParams(url.search);
  back.delete("lang");
  const here = `${url.pathname}${back.size ? `?${back.toString()}` : ""}`;
  if (!account)
    return html`<p class="account-bar">
      <a href="${localHref("/sign-in", lang, { next: here })}">${t("account.signIn")}</a>
    </p>`;
  return html`<div class="account-bar">
    <span>${t("account.signedInAs", { name: account.name })}</span>
    ${
      roleMay(account.role, "review")
        ? html`<a href="${localHref("/review", lang)}">${t("account.queue")}</a>`
        : ""
    }
    <form method="post" action="${localHref("/sign-out", lang)}">
      <input type="hidden" name="csrf" value="${account.csrf}" />
      <input type="hidden" name="next" value="${here}" />
      <button type="submit">${t("account.signOut")}</button>
    </form>
  </div>`;
}

/** The same URL in another language (the switch keeps path, query and everything else). */
function switchHref(url: URL, lang: Language): string {
  const params = new URLSearchParams(url.search);
  params.set("lang", lang);
  return `${url.pathname}?${params.toString()}`;
}

/**
 * The one frame of every page: head (title, canonical, Open Graph, CSS, the client bundle), a header
 * with the site nav, the search box and the language switch, the page's main content and the footer.
 */
export function layout(input: LayoutInput): string {
  const { lang, t, url } = input;
  const origin = url.origin;
  const canonical = `${origin}${localHref(input.canonicalPath ?? url.pathname, lang)}`;
  const title = input.title === t("site.name") ? input.title : `${input.title} · ${t("site.name")}`;
  const other: Language = otherLanguage(lang);
  const nav = NAV.map(
    ({ section, path }) =>
      html`<li>
        <a href="${localHref(path, lang)}" ${section === input.nav ? html` aria-current="page"` : ""}
          >${t(`nav.${section}`)}</a
        >
      </li>`,
  );
  const languages = (["zh", "en"] as const).map((code) =>
    code === lang
      ? html`<li>
          <a href="${switchHref(url, code)}" lang="${code}" hreflang="${code}" aria-current="true"
            >${t(`lang.${code}`)}</a
          >
        </li>`
      : html`<li>
          <a href="${switchHref(url, code)}" lang="${code}" hreflang="${code}" data-lang-switch
            >${t(`lang.${code}`)}</a
          >
        </li>`,
  );
  return `<!doctype html>
${html`<html lang="${languageTag(lang)}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    ${input.description ? html`<meta name="description" content="${input.description}" />` : ""}
    <link rel="canonical" href="${canonical}" />
    <link rel="alternate" hreflang="${other}" href="${origin}${switchHref(url, other)}" />
    <meta property="og:site_name" content="aigov" />
    <meta property="og:title" content="${input.title}" />
    ${input.description ? html`<meta property="og:description" content="${input.description}" />` : ""}
    <meta property="og:url" content="${canonical}" />
    <meta property="og:locale" content="${openGraphLocale(lang)}" />
    <link rel="stylesheet" href="/assets/app.css" />
    <link rel="icon" href="/assets/favicon.svg" type="image/svg+xml" />
    <link rel="alternate" type="application/atom+xml" title="aigov" href="/api/feed.atom?lang=${lang}" />
    <script src="/assets/app.js" defer></script>
    ${input.head ?? ""}
  </head>
  <body>
    <a class="skip-link" href="#main">${t("site.skip")}</a>
    <header class="site-header">
      <div class="site-header__inner">
        <a class="site-name" href="${localHref("/", lang)}"
          >${t("site.name")} <span class="site-tagline">${t("site.tagline")}</span></a
        >
        <nav class="site-nav" aria-label="${t("nav.label")}">
          <ul>
            ${nav}
          </ul>
        </nav>
        <form class="site-search" role="search" method="get" action="/search">
          <label class="visually-hidden" for="site-search-q">${t("search.label")}</label>
          <input
            id="site-search-q"
            type="search"
            name="q"
            value="${input.query ?? ""}"
            placeholder="${t("search.placeholder")}"
            maxlength="200"
          />
          <input type="hidden" name="lang" value="${lang}" />
          <button type="submit">${t("search.submit")}</button>
        </form>
        <nav class="lang-switch" aria-label="${t("lang.switch")}">
          <ul>
            ${languages}
          </ul>
        </nav>
        ${accountBar(input)}
      </div>
    </header>
    <main id="main" tabindex="-1">${input.body}</main>
    <footer class="site-footer">
      <p>${t("footer.data")} <a href="${localHref("/about", lang)}">${t("footer.about")}</a></p>
      <p>
        ${t("footer.feeds")}: <a href="/api/feed.atom?lang=${lang}">Atom</a> ·
        <a href="/api/calendar.ics?lang=${lang}">iCalendar</a> ·
        <a href="${localHref("/api/docs", lang)}">API</a> ·
        <a href="${localHref("/releases", lang)}">${t("releases.title")}</a> · ${t("footer.licence")}
      </p>
    </footer>
  </body>
</html>`}`;
}
