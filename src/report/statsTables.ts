import { stringify } from "csv-stringify/sync";
import { EVENT_TYPES, LEVELS } from "../domain/event.js";
import { formatPartialDate as monthKey } from "../domain/partialDate.js";
import type { Language } from "../domain/localizedText.js";
import { label, LEVEL_WORDS, TYPE_WORDS, wordsIn } from "../domain/vocabulary.js";
import type { IndexFilter, QueryableIndex } from "../search/searchIndex.js";
import type { NameJurisdiction } from "./jurisdictionNames.js";
import { MAX_REPORT_YEARS, periodMonths } from "./reportPeriod.js";
import { barChart, type Chart, shareLineChart, stackedColumnChart } from "./svgCharts.js";

/** The charts of the statistics: each is one table, drawn as SVG, shown as HTML and served as CSV. */
export const STATS_CHARTS = ["by-type", "by-level", "binding-share", "jurisdictions"] as const;
export type StatsChart = (typeof STATS_CHARTS)[number];

/** A column: a stable key (the CSV header) and its label in the page's language. */
export interface StatsColumn {
  key: string;
  label: string;
}

/** The data behind one chart, in rows: what the SVG draws is exactly what the table and CSV hold. */
export interface StatsTable {
  chart: StatsChart;
  title: string;
  columns: StatsColumn[];
  rows: (string | number)[][];
}

const TITLES: Record<StatsChart, Record<Language, string>> = {
  "by-type": { zh: "各月事件数（按类型）", en: "Events per month by type" },
  "by-level": { zh: "各月事件数（按层级）", en: "Events per month by level" },
  "binding-share": { zh: "有约束力事件占比（按月）", en: "Binding share per month" },
  jurisdictions: { zh: "各司法辖区事件数", en: "Events by jurisdiction" },
};
const WORDS = {
  zh: {
    month: "月份",
    total: "合计",
    share: "占比（%）",
    code: "代码",
    name: "名称",
    events: "事件数",
  },
  en: {
    month: "month",
    total: "total",
    share: "share (%)",
    code: "code",
    name: "name",
    events: "events",
  },
};
/** The jurisdictions chart draws the busiest ones; its table and CSV hold them all. */
const MAX_BARS = 15;

/**
 * Every month from the first to the last key given ("2025-01" … "2025-12"), gaps filled within the
 * last `maxYears` (MAX_REPORT_YEARS) only: a stray event dated 0001 beside 2025's must not make
 * 24,000 empty rows (issue 24). Months before that keep their rows when they hold events.
 */
export function monthRange(keys: string[], maxYears = MAX_REPORT_YEARS): string[] {
  const months = [...new Set(keys.filter((k) => /^\d{4}-\d{2}$/.test(k)))].sort();
  const last = months.at(-1);
  if (!last) return [];
  const [year, month] = last.split("-").map(Number) as [number, number];
  // The month after the same month maxYears earlier: maxYears × 12 months in all.
  const span = {
    first: month === 12 ? monthKey(year - maxYears + 1, 1) : monthKey(year - maxYears, month + 1),
    last,
  };
  const latest = periodMonths({ from: `${months[0]}-01`, to: `${last}-01` }, span).map((m) =>
    monthKey(m.year, m.month),
  );
  const first = latest[0] ?? last;
  return [...months.filter((m) => m < first), ...latest];
}

function perMonth<K extends string>(
  index: QueryableIndex,
  facet: "type" | "level",
  keys: readonly K[],
  labels: Record<K, string>,
  filter: IndexFilter,
  lang: Language,
): Pick<StatsTable, "columns" | "rows"> {
  const counts = index.crossCounts("month", facet, filter);
  const months = monthRange(Object.keys(counts));
  const present = keys.filter((k) => months.some((m) => counts[m]?.[k]));
  const rows = months.map((m) => {
    const values = present.map((k) => counts[m]?.[k] ?? 0);
    return [m, ...values, values.reduce((a, b) => a + b, 0)];
  });
  return {
    columns: [
      { key: "month", label: WORDS[lang].month },
      ...present.map((k) => ({ key: k, label: labels[k] })),
      { key: "total", label: WORDS[lang].total },
    ],
    rows,
  };
}

/** Builds one chart's table from the index, over the events a filter admits (a profile's own events). */
export function buildStatsTable(
  index: QueryableIndex,
  chart: StatsChart,
  options: { lang: Language; filter?: IndexFilter; name: NameJurisdiction },
): StatsTable {
  const { lang, name } = options;
  const filter = options.filter ?? {};
  const title = TITLES[chart][lang];
  if (chart === "by-type")
    return { chart, title, ...perMonth(index, "type", EVENT_TYPES, wordsIn(TYPE_WORDS, lang), filter, lang) };
  if (chart === "by-level")
    return { chart, title, ...perMonth(index, "level", LEVELS, wordsIn(LEVEL_WORDS, lang), filter, lang) };
  if (chart === "binding-share") {
    const counts = index.crossCounts("month", "bindingness", filter);
    // Every event counts in the total, classified or not, so that the share is of all events.
    const totals =
      index.search({ query: null, filter, sort: "-date", offset: 0, limit: 0, facets: true }).facets?.month ??
      {};
    const rows = monthRange(Object.keys(totals)).map((m) => {
      const total = totals[m] ?? 0;
      const binding = counts[m]?.binding ?? 0;
      return [m, binding, total, total ? Math.round((binding * 1000) / total) / 10 : ""];
    });
    const w = WORDS[lang];
    return {
      chart,
      title,
      columns: [
        { key: "month", label: w.month },
        { key: "binding", label: label("bindingness", "binding", lang) },
        { key: "total", label: w.total },
        { key: "share", label: w.share },
      ],
      rows,
    };
  }
  const facets = index.search({
    query: null,
    filter,
    sort: "-date",
    offset: 0,
    limit: 0,
    facets: true,
  }).facets;
  const rows = Object.entries(facets?.jurisdiction ?? {})
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([code, count]) => [code, name(code, lang), count]);
  const w = WORDS[lang];
  return {
    chart,
    title,
    columns: [
      { key: "code", label: w.code },
      { key: "name", label: w.name },
      { key: "events", label: w.events },
    ],
    rows,
  };
}

/** Draws a table as its chart (SVG, the report's chart module). */
export function statsTableChart(table: StatsTable): Chart {
  if (table.chart === "jurisdictions")
    return barChart(
      table.rows.slice(0, MAX_BARS).map((r) => ({ label: String(r[1]), value: Number(r[2]) })),
      table.title,
    );
  if (table.chart === "binding-share")
    return shareLineChart(
      table.rows.map((r) => ({
        label: String(r[0]),
        share: r[3] === "" ? null : Number(r[3]),
        of: { part: Number(r[1]), total: Number(r[2]) },
      })),
      table.title,
    );
  const series = table.columns.slice(1, -1).map((column, i) => ({
    label: column.label,
    values: table.rows.map((r) => Number(r[i + 1])),
  }));
  return stackedColumnChart(
    table.rows.map((r) => String(r[0])),
    series,
    table.title,
  );
}

/** A table as CSV with its stable keys as the header (the same data the chart draws). */
export function statsTableCsv(table: StatsTable): string {
  return stringify([table.columns.map((c) => c.key), ...table.rows], { bom: false });
}
