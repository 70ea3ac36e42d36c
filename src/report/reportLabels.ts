import type { BINDINGNESS, EVENT_TYPES, LEVELS } from "../domain/event.js";
import type { Language } from "../domain/localizedText.js";

export type Level = (typeof LEVELS)[number];
export type EventType = (typeof EVENT_TYPES)[number];
export type Bindingness = (typeof BINDINGNESS)[number];

type Labels<K extends string> = Record<Language, Record<K, string>>;

export const LEVEL_LABELS: Labels<Level> = {
  zh: { international: "国际", regional: "地区", national: "国家", subnational: "次国家" },
  en: {
    international: "international",
    regional: "regional",
    national: "national",
    subnational: "subnational",
  },
};

export const TYPE_LABELS: Labels<EventType> = {
  zh: {
    law: "法律",
    regulation: "法规",
    executive_order: "行政令",
    guideline: "指南",
    standard: "标准",
    strategy: "战略",
    declaration: "宣言",
    agreement: "协议",
    resolution: "决议",
    report: "报告",
    plan: "计划",
    other: "其他",
  },
  en: {
    law: "law",
    regulation: "regulation",
    executive_order: "executive order",
    guideline: "guideline",
    standard: "standard",
    strategy: "strategy",
    declaration: "declaration",
    agreement: "agreement",
    resolution: "resolution",
    report: "report",
    plan: "plan",
    other: "other",
  },
};

export const BINDINGNESS_LABELS: Labels<Bindingness> = {
  zh: { binding: "有约束力", voluntary: "自愿性", draft: "草案", none: "无约束力" },
  en: { binding: "binding", voluntary: "voluntary", draft: "draft", none: "non-binding" },
};

/** What a record leaves unclassified is called so, never guessed. */
export const UNCLASSIFIED: Record<Language, string> = { zh: "未分类", en: "unclassified" };

export { TREND_TAG_LABELS, tagLabel } from "../domain/tagLabels.js";

/** The fixed words of a report, in each language. */
export const WORDS = {
  zh: {
    toc: "目录",
    period: "报告期",
    filters: "筛选条件",
    summary: "摘要：",
    dateLine: "日期：",
    executiveSummary: "执行摘要",
    figures: "数据概览",
    noteMissing: "（原文引用了此注释，但未印出其内容）",
    figure: (n: number) => `图 ${n}`,
  },
  en: {
    toc: "Contents",
    period: "Period",
    filters: "Filters",
    summary: "Summary: ",
    dateLine: "Date: ",
    executiveSummary: "Executive summary",
    figures: "The period in figures",
    noteMissing: "(the source document cites this note but does not print it)",
    figure: (n: number) => `Figure ${n}.`,
  },
} as const;
