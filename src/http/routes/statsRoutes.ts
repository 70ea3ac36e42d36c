import { z } from "zod";
import { JurisdictionCode } from "../../domain/event.js";
import { Language } from "../../domain/localizedText.js";
import { jurisdictionNamer } from "../../report/jurisdictionNames.js";
import { buildStatsTable, STATS_CHARTS, statsTableCsv } from "../../report/statsTables.js";
import { listJurisdictions } from "../../storage/repos/jurisdictionRepo.js";
import { defineEndpoint, type Endpoint, problemAnswer, textAnswer } from "../endpoint.js";

/** The query of GET /api/stats.csv: which chart, over which jurisdictions' events, named in which language. */
export const StatsCsvQuery = z
  .object({
    chart: z.enum(STATS_CHARTS),
    jurisdiction: z.array(JurisdictionCode).default([]),
    lang: Language.default("zh"),
  })
  .strict();

/** GET /api/stats.csv: the data behind each chart of the web app, as CSV (the same rows the chart draws). */
export const statsRoutes: Endpoint[] = [
  defineEndpoint({
    method: "get",
    path: "/api/stats.csv",
    summary:
      "The data behind a chart of the web app as CSV, the rows its SVG draws; `jurisdiction` narrows to a profile's events",
    query: StatsCsvQuery,
    // It takes no export slot (it is one small table), so it never answers 429 or 503.
    responses: {
      200: textAnswer("CSV", "text/csv"),
      400: problemAnswer("A bad parameter: which one and why, as an RFC 9457 problem document."),
    },
    handler: async ({ c, query, deps: { services } }) => {
      const index = await services.search.currentIndex();
      const name = jurisdictionNamer(await listJurisdictions(services.db), services.jurisdictions);
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
    },
  }),
];
