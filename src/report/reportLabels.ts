import type { Language } from "../domain/localizedText.js";
import {
  BINDINGNESS_WORDS,
  type Bindingness,
  type EventType,
  LEVEL_WORDS,
  type Level,
  TYPE_WORDS,
  UNCLASSIFIED_WORDS,
  wordsIn,
} from "../domain/vocabulary.js";

export type { Bindingness, EventType, Level };

type Labels<K extends string> = Record<Language, Record<K, string>>;

// The report reads labels by language first; these are views of the one vocabulary, not a second one.
const byLanguage = <K extends string>(words: Parameters<typeof wordsIn<K>>[0]): Labels<K> => ({
  zh: wordsIn(words, "zh"),
  en: wordsIn(words, "en"),
});

export const LEVEL_LABELS: Labels<Level> = byLanguage(LEVEL_WORDS);
export const TYPE_LABELS: Labels<EventType> = byLanguage(TYPE_WORDS);
export const BINDINGNESS_LABELS: Labels<Bindingness> = byLanguage(BINDINGNESS_WORDS);

/** What a record leaves unclassified is called so, never guessed. */
export const UNCLASSIFIED: Record<Language, string> = UNCLASSIFIED_WORDS;

export { TREND_TAG_WORDS as TREND_TAG_LABELS, tagLabel } from "../domain/vocabulary.js";

/** The fixed words of a report, in each language. */
export const WORDS = {
  zh: {
    toc: "目录",
    period: "报告期",
    filters: "筛选条件",
    translation: "译文说明",
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
    translation: "Translation",
    summary: "Summary: ",
    dateLine: "Date: ",
    executiveSummary: "Executive summary",
    figures: "The period in figures",
    noteMissing: "(the source document cites this note but does not print it)",
    figure: (n: number) => `Figure ${n}.`,
  },
} as const;
