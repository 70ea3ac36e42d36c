import type { SearchService } from "../search/searchService.js";
import type { ObligationsData } from "../reference/obligationsData.js";
import type { Database } from "../storage/database.js";

/** What every route needs: the database and the search service over it (passed in, never global). */
export interface AppContext {
  db: Database;
  search: SearchService;
  /** How long a read of the data version may be reused (ms); 0 reads it on every request. Default 250. */
  versionMaxAgeMs?: number;
  /**
   * Where clients reach the server (`--base-url`), for absolute links in feeds and calendars; else the
   * address it listens on. Never taken from a request: a Host header would poison the response cache.
   */
  baseUrl?: string;
  /** Keep answers to repeated reads in memory (default true; benchmarks of the search itself turn it off). */
  responseCache?: boolean;
  /**
   * The longest period a report (and the reports page's preview) may span, in years; default
   * `AIGOV_REPORT_MAX_YEARS`, else 50. createApp resolves it once, so a page and the API refuse alike.
   */
  reportMaxYears?: number;
  /** The time it is (default: the system clock); tests of history make revisions at known moments. */
  clock?: () => Date;
  /**
   * Whether the request's address is the first of X-Forwarded-For (behind a proxy the operator runs);
   * else the socket's peer. Default false: a client could otherwise claim any address.
   */
  trustProxy?: boolean;
  /**
   * Whether signed-in accounts may subscribe webhooks on localhost or private addresses (default false:
   * the server would post where only it can reach). The operator's own subscriptions always may.
   */
  allowPrivateWebhooks?: boolean;
  /** Instruments, obligations and corrections; default: the bundled files in data/. */
  obligations?: ObligationsData;
}
