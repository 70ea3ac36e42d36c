import { formatPartialDate as monthKey } from "../domain/partialDate.js";
import type { Language } from "../domain/localizedText.js";
import { REPORT_PHRASES } from "./reportPhrases.js";
import { BINDINGNESS_LABELS, LEVEL_LABELS, TYPE_LABELS, UNCLASSIFIED, WORDS } from "./reportLabels.js";
import type { ReportFigure } from "./reportModel.js";
import type { ReportStatistics } from "./reportStatistics.js";
import { barChart, type Chart, columnChart, donutChart } from "./svgCharts.js";

const CAPTIONS = {
  zh: ["各月事件数", "按类型分的事件数", "按层级分的事件数", "约束力构成"],
  en: ["Events per month", "Events by type", "Events by level", "Bindingness"],
};

/** The report's four figures: events per month, by type, by level, and the binding share, as SVG. */
export function buildFigures(stats: ReportStatistics, lang: Language): ReportFigure[] {
  const multiYear = new Set(stats.byMonth.map((m) => m.year)).size > 1;
  const monthLabel = (year: number, month: number) =>
    multiYear ? monthKey(year, month) : REPORT_PHRASES[lang].shortMonth(month);
  const unclassified = UNCLASSIFIED[lang];
  // Counts by a classification, named in the report's language; records without one are "unclassified".
  const labelled = <K extends string>(
    counts: { key: K | null; count: number }[],
    labels: Record<K, string>,
  ) => counts.map((c) => ({ label: c.key === null ? unclassified : labels[c.key], value: c.count }));
  const captions = CAPTIONS[lang];
  const charts: Chart[] = [
    columnChart(
      stats.byMonth.map((m) => ({ label: monthLabel(m.year, m.month), value: m.count })),
      captions[0] as string,
    ),
    barChart(labelled(stats.byType, TYPE_LABELS[lang]), captions[1] as string),
    barChart(labelled(stats.byLevel, LEVEL_LABELS[lang]), captions[2] as string),
    donutChart(labelled(stats.byBindingness, BINDINGNESS_LABELS[lang]), captions[3] as string),
  ];
  return charts.map((chart, i) => ({
    id: `figure-${i + 1}`,
    caption: `${WORDS[lang].figure(i + 1)} ${captions[i]}`,
    ...chart,
  }));
}
