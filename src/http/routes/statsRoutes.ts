import type { Hono } from "hono";
import { z } from "zod";
import { JurisdictionCode } from "../../domain/event.js";
import { Language } from "../../domain/localizedText.js";
import { jurisdictionNamer, readBundledJurisdictions } from "../../report/jurisdictionNames.js";
import { buildStatsTable, STATS_CHARTS, statsTableCsv } from "../../report/statsTables.js";
import { listJurisdictions } from "../../storage/repos/jurisdictionRepo.js";
import type { AppContext } from "../appContext.js";
import { parseSearchParams } from "../eventsQuery.js";

/** The query of GET /api/stats.csv: which chart, over which jurisdictions' events, named in which language. */
export const StatsCsvQuery = z
  .object({
    chart: z.enum(STATS_CHARTS),
    jurisdiction: z.array(JurisdictionCode).default([]),
    lang: Language.default("zh"),
  })
  .strict();

/** GET /api/stats.csv: the data behind each chart of the web app, as CSV (the same rows the chart draws). */
export function registerStatsRoutes(app: Hono, context: AppContext): void {
  app.get("/api/stats.csv", async (c) => {
    const query = parseSearchParams(StatsCsvQuery, new URL(c.req.url).searchParams);
    const index = await context.search.currentIndex();
    const name = jurisdictionNamer(await listJurisdictions(context.db), readBundledJurisdictions());
    const table = buildStatsTable(index, query.chart, {
      lang: query.lang,
      filter: query.jurisdiction.length ? { jurisdictions: query.jurisdiction } : {},
      name,
    });
    const suffix = query.jurisdiction.length ? `-${query.jurisdiction.join("-").toLowerCase()}` : "";
    return c.body(statsTableCsv(table), 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="aigov-${query.chart}${suffix}.csv"`,
    });
  });
}
