import { jsonTwin, takeAway } from "../components/takeAway.js";
import type { IndexFilter } from "../../search/searchIndex.js";
import { buildStatsTable, STATS_CHARTS, type StatsChart } from "../../report/statsTables.js";
import { statsFigure } from "../components/statsFigure.js";
import { html, type SafeHtml } from "../html.js";
import { formatMonth } from "../i18n/formatDate.js";
import type { PageRequest, WebPage } from "../webPage.js";

/** Where a chart's CSV lives: /api/stats.csv with the same chart, jurisdiction and language. */
export function statsCsvHref(
  chart: StatsChart,
  request: Pick<PageRequest, "lang">,
  jurisdiction?: string,
): string {
  const params = new URLSearchParams({ chart });
  if (jurisdiction) params.set("jurisdiction", jurisdiction);
  params.set("lang", request.lang);
  return `/api/stats.csv?${params}`;
}

/** The charts over a filter (everything, or one jurisdiction's events), each with its table and CSV link. */
export async function statsFigures(
  request: Pick<PageRequest, "lang" | "t" | "name" | "context">,
  options: { charts?: readonly StatsChart[]; jurisdiction?: string; headingLevel?: 2 | 3 } = {},
): Promise<SafeHtml[]> {
  const index = await request.context.search.currentIndex();
  const filter: IndexFilter = options.jurisdiction ? { jurisdictions: [options.jurisdiction] } : {};
  return (options.charts ?? STATS_CHARTS).map((chart) => {
    const table = buildStatsTable(index, chart, { lang: request.lang, filter, name: request.name });
    return statsFigure(table, {
      t: request.t,
      csvHref: statsCsvHref(chart, request, options.jurisdiction),
      headingLevel: options.headingLevel,
      rowLabel: chart === "jurisdictions" ? undefined : (key) => formatMonth(key, request.lang),
    });
  });
}

/** /charts: events per month by type and by level, the binding share, jurisdictions by count. */
export const chartsPage: WebPage = {
  path: "/charts",
  nav: "charts",
  render: async (request) => {
    const { t } = request;
    return {
      title: t("charts.title"),
      description: t("charts.intro"),
      head: jsonTwin("/api/stats"),
      body: html`<h1>${t("charts.title")}</h1>
        <p class="lead">${t("charts.intro")}</p>
        <p class="muted counts-rule">${t("counts.rule")}</p>
        ${await statsFigures(request)} ${takeAway(new URLSearchParams(), request)}`,
    };
  },
};
