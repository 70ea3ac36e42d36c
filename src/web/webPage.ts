import type { Jurisdiction } from "../domain/jurisdiction.js";
import type { Language } from "../domain/localizedText.js";
import type { AppServices } from "../app/appServices.js";
import type { Session } from "../app/authentication.js";
import type { AcceptedParameters } from "../app/queryParameters.js";
import type { CorrectionsByEvent } from "../domain/correctionsByEvent.js";
import type { ObligationsData } from "../reference/obligationsData.js";
import type { NameJurisdiction } from "../report/jurisdictionNames.js";
import type { SafeHtml } from "./html.js";
import type { Translate } from "./i18n/t.js";

/** The sections of the site nav; a page names the one it belongs to so the nav can mark it. */
export const NAV_SECTIONS = [
  "chronicle",
  "search",
  "map",
  "charts",
  "compare",
  "reports",
  "check",
  "api",
] as const;
export type NavSection = (typeof NAV_SECTIONS)[number];

/** What a page gets to render: the request, its language and translator, and the app's services. */
export interface PageRequest {
  lang: Language;
  t: Translate;
  url: URL;
  /** Route parameters (":year", ":id"). */
  params: Record<string, string>;
  context: AppServices;
  /** Instruments, obligations and corrections: the context's, or the bundled ones (resolved once, by the app). */
  obligations: ObligationsData;
  /** The corrections of each corrected event, grouped once from `obligations` by the app. */
  corrections: CorrectionsByEvent;
  /** Names jurisdiction codes in a language (stored gazetteer, then the bundled one, then the code). */
  name: NameJurisdiction;
  /** The gazetteer: the database's jurisdictions over the bundled ones. */
  jurisdictions: Jurisdiction[];
  /**
   * The signed-in session, or null. Looked up only when the request carries the session cookie: a
   * reader without one costs the session tables nothing, and their pages are cached as before.
   */
  session: Session | null;
  /** The session cookie's value as sent (to end this session on sign-out). */
  sessionCookie: string | undefined;
  /** Where the request came from (for throttles and the audit log); null in process. */
  address: string | null;
  /**
   * The CSRF token a form on this page must carry: the session's, or for a reader not signed in a
   * double-submit token (asking for one sets its cookie and keeps the answer out of every cache).
   */
  formToken(): string;
}

/** What a form's POST leads to: another page (303 See Other), or this page again with a message. */
export type FormOutcome = { redirect: string; cookies?: string[] } | { page: PageResult; cookies?: string[] };

/** The fields of a submitted form (application/x-www-form-urlencoded). */
export type FormFields = URLSearchParams;

/** A POST route of the web app (sign-out, publish, reject): checked for its CSRF token before it runs. */
export interface WebAction {
  path: string;
  submit(request: PageRequest, form: FormFields): Promise<FormOutcome>;
}

/** A rendered page body with what the layout needs around it. */
export interface PageResult {
  status?: number;
  title: string;
  body: SafeHtml;
  /** One sentence for search engines and link previews. */
  description?: string;
  /** Extra head markup: JSON-LD, Open Graph type and the like. */
  head?: SafeHtml;
  /** The page's own address without `lang` (the layout adds the language); defaults to the request path. */
  canonicalPath?: string;
  /**
   * Whether the page shows what can change without the data version moving (releases made by another
   * process): then no cache keeps it, the server's own included.
   */
  notStored?: boolean;
}

/** One page of the web app: where it lives and how it renders. Register it in pages/index.ts. */
export interface WebPage {
  /** Hono route path, e.g. "/events/:id". */
  path: string;
  nav: NavSection | null;
  /**
   * The query parameters the page reads, besides `lang` (which every page takes): any other, or one of
   * these given twice where the page reads one, is answered with a 400 page naming it.
   */
  parameters?: AcceptedParameters;
  render(request: PageRequest): Promise<PageResult>;
  /**
   * The part of the page its script updates in place, rendered alone (no layout) at its own address with
   * the page's parameters: the script swaps in the server's own markup instead of drawing its own.
   */
  fragment?: PageFragment;
  /**
   * Whether the page's form is authorized by a signed token in its own URL instead of a CSRF token: a
   * mail client's one-click unsubscribe (RFC 8058) posts without the page's cookie.
   */
  signedByUrl?: boolean;
  /** The page's form, posted to the page's own path (its CSRF token checked first). */
  submit?(request: PageRequest, form: FormFields): Promise<FormOutcome>;
}

/** A region of a page served alone as HTML, e.g. the search page's results at /search/results. */
export interface PageFragment {
  path: string;
  render(request: PageRequest): Promise<SafeHtml>;
}
