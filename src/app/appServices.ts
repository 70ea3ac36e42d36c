import { reportLimits } from "../config.js";
import { type CorrectionsByEvent, correctionsByEvent } from "../domain/correctionsByEvent.js";
import type { Jurisdiction } from "../domain/jurisdiction.js";
import { bundledJurisdictions } from "../reference/bundledJurisdictions.js";
import { bundledObligations, type ObligationsData } from "../reference/obligationsData.js";
import type { SearchService } from "../search/searchService.js";
import type { Database } from "../storage/database.js";
import type { AppContext } from "./appContext.js";

/**
 * What every use case is given: the database, the search service, the reference data (read and
 * validated once per process) and the limits, all resolved once when the server (or a command) starts.
 * Adapters (http/, web/, cli/) pass it through and never assemble any of it themselves.
 */
export interface AppServices {
  db: Database;
  search: SearchService;
  /** Instruments, obligations, corrections, groups and coverage: the context's, else the bundled files. */
  obligations: ObligationsData;
  /** The corrections of each corrected event, grouped once from `obligations`. */
  corrections: CorrectionsByEvent;
  /** The bundled gazetteer (data/jurisdictions.json); the database's own names take precedence over it. */
  jurisdictions: Jurisdiction[];
  /** The base of absolute links: the configured one, else the address the server listens on. */
  baseUrl(): string;
  /** The longest period a report may span, in years. */
  reportMaxYears: number;
  /** The time it is, as an ISO 8601 UTC instant (what revisions, sessions and the audit log record). */
  now(): string;
  /** Whether a request's address comes from X-Forwarded-For (see AppContext.trustProxy). */
  trustProxy: boolean;
  /** Whether accounts may point webhooks at the server's own network (see AppContext). */
  allowPrivateWebhooks: boolean;
}

/** Resolves a context into services: reference data and limits read once (a malformed limit stops here). */
export function buildServices(context: AppContext, baseUrl: () => string): AppServices {
  const obligations = context.obligations ?? bundledObligations();
  return {
    db: context.db,
    search: context.search,
    obligations,
    corrections: correctionsByEvent(obligations.corrections),
    jurisdictions: bundledJurisdictions(),
    baseUrl,
    reportMaxYears: context.reportMaxYears ?? reportLimits().maxYears,
    now: () => (context.clock?.() ?? new Date()).toISOString(),
    trustProxy: context.trustProxy ?? false,
    allowPrivateWebhooks: context.allowPrivateWebhooks ?? false,
  };
}
