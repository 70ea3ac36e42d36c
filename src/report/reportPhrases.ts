import type { Language } from "../domain/localizedText.js";
import { MONTH_NAMES_EN } from "../domain/monthNames.js";

/**
 * The words and punctuation a report is laid out with (titles, period lines, corrections), in each
 * language; a phrase missing in one is a type error. The sentences built from data are in
 * narrativePhrases.ts, the labels of values in reportLabels.ts.
 */
export interface ReportPhrases {
  /** The seed's title for a calendar year, else for the period's label. */
  title: (year: number | null, label: string) => string;
  /** What follows the title when the report is filtered. */
  filteredBy: (filters: string) => string;
  /** What follows the title of a report whose numbering is not the stored document's. */
  compilation: string;
  /** Between the kinds of filter (jurisdictions; types; …). */
  filterSeparator: string;
  /** Between a label and its value: "期间：…", "Period: …". */
  labelSeparator: string;
  counts: (events: number, sources: number) => string;
  period: (from: string, to: string) => string;
  year: (year: number) => string;
  /** As the seed titles its chronicle; the importer looks for "大事记"/"Chronicle". */
  chronicleHeading: (label: string) => string;
  /** A month on a figure's axis within one year. */
  shortMonth: (month: number) => string;
  /** The tooltip of the chronicle's entry in the Markdown contents. */
  chronicleTooltip: (period: string, events: number, sources: number) => string;
  docxCorrection: {
    afterHeading: string;
    metaOpen: (verification: string, sourcesLabel: string) => string;
    metaClose: string;
  };
  /** The HTML writer's correction; its values come escaped. */
  htmlCorrection: {
    afterHeading: string;
    beforeText: string;
    meta: (verification: string, sourcesLabel: string, links: string[]) => string;
  };
  markdownCorrection: (
    heading: string,
    text: string,
    verification: string,
    sourcesLabel: string,
    links: string[],
  ) => string;
}

const s = (n: number) => (n === 1 ? "" : "s");

export const REPORT_PHRASES: Record<Language, ReportPhrases> = {
  zh: {
    title: (year, label) =>
      year !== null ? `${year} 年度全球人工智能治理报告` : `全球人工智能治理报告（${label}）`,
    filteredBy: (filters) => `：${filters}`,
    compilation: "（汇编）",
    filterSeparator: "；",
    labelSeparator: "：",
    counts: (events, sources) => `${events} 件事件 · ${sources} 个来源`,
    period: (from, to) => `${from}至 ${to}`,
    year: (year) => `${year} 年`,
    chronicleHeading: (label) => `附：${label}全球人工智能治理大事记`,
    shortMonth: (month) => `${month}月`,
    chronicleTooltip: (period, events, sources) =>
      `${period}，按月编号的 ${events} 件事件及其 ${sources} 个来源`,
    docxCorrection: {
      afterHeading: "：",
      metaOpen: (verification, sourcesLabel) => `（${verification}；${sourcesLabel}：`,
      metaClose: "）",
    },
    htmlCorrection: {
      afterHeading: "：",
      beforeText: "",
      meta: (verification, sourcesLabel, links) =>
        `（${verification}；${sourcesLabel}：${links.join("、")}）`,
    },
    markdownCorrection: (heading, text, verification, sourcesLabel, links) =>
      `> **${heading}**：${text}（${verification}；${sourcesLabel}：${links.join("、")}）`,
  },
  en: {
    title: (year, label) =>
      year !== null ? `Global AI Governance Report ${year}` : `Global AI Governance Report, ${label}`,
    filteredBy: (filters) => `: ${filters}`,
    compilation: " (compilation)",
    filterSeparator: "; ",
    labelSeparator: ": ",
    counts: (events, sources) => `${events} event${s(events)} · ${sources} source${s(sources)}`,
    period: (from, to) => `${from} – ${to}`,
    year: (year) => String(year),
    chronicleHeading: (label) => `Appendix: Chronicle of AI Governance, ${label}`,
    shortMonth: (month) => (MONTH_NAMES_EN[month - 1] ?? "").slice(0, 3),
    chronicleTooltip: (period, events, sources) =>
      `${events} events from ${period}, numbered by month, with their ${sources} sources`,
    docxCorrection: {
      afterHeading: ": ",
      metaOpen: (verification, sourcesLabel) => ` (${verification}; ${sourcesLabel}: `,
      metaClose: ")",
    },
    htmlCorrection: {
      afterHeading: ":",
      beforeText: " ",
      meta: (verification, sourcesLabel, links) => ` (${verification}; ${sourcesLabel}: ${links.join(", ")})`,
    },
    markdownCorrection: (heading, text, verification, sourcesLabel, links) =>
      `> **${heading}:** ${text} (${verification}; ${sourcesLabel}: ${links.join(", ")})`,
  },
};
