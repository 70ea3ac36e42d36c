import type { Language } from "../domain/localizedText.js";
import { MONTH_NAMES_EN } from "./reportDates.js";
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
    multiYear
      ? `${year}-${String(month).padStart(2, "0")}`
      : lang === "zh"
        ? `${month}月`
        : (MONTH_NAMES_EN[month - 1] ?? "").slice(0, 3);
  const unclassified = UNCLASSIFIED[lang];
  const captions = CAPTIONS[lang];
  const charts: Chart[] = [
    columnChart(
      stats.byMonth.map((m) => ({ label: monthLabel(m.year, m.month), value: m.count })),
      captions[0] as string,
    ),
    barChart(
      stats.byType.map((c) => ({
        label: c.key === null ? unclassified : TYPE_LABELS[lang][c.key],
        value: c.count,
      })),
      captions[1] as string,
    ),
    barChart(
      stats.byLevel.map((c) => ({
        label: c.key === null ? unclassified : LEVEL_LABELS[lang][c.key],
        value: c.count,
      })),
      captions[2] as string,
    ),
    donutChart(
      stats.byBindingness.map((c) => ({
        label: c.key === null ? unclassified : BINDINGNESS_LABELS[lang][c.key],
        value: c.count,
      })),
      captions[3] as string,
    ),
  ];
  return charts.map((chart, i) => ({
    id: `figure-${i + 1}`,
    caption: `${WORDS[lang].figure(i + 1)} ${captions[i]}`,
    ...chart,
  }));
}
