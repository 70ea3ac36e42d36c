import type { CorrectedField } from "./correction.js";
import type { EventCorrection } from "./correctionsByEvent.js";
import { type Language, pickText } from "./localizedText.js";
import { VERIFICATION_LABELS } from "./profileLabels.js";

/** The word that opens a correction in exports and reports; the chronicle reader knows a correction by it. */
export const CORRECTION_WORD: Record<Language, string> = { zh: "更正", en: "Correction" };

/** The words around a correction, in each language (a missing language is a type error). */
const CORRECTION_PHRASES: Record<
  Language,
  {
    heading: (field: string) => string;
    sourcesLabel: (count: number) => string;
    line: (parts: CorrectionParts) => string;
  }
> = {
  zh: {
    heading: (field) => `${CORRECTION_WORD.zh}（${field}）`,
    sourcesLabel: () => "来源",
    line: (parts) =>
      `${parts.heading}：${parts.text}（${parts.verification}；${parts.sourcesLabel}：${parts.sources.join("、")}）`,
  },
  en: {
    heading: (field) => `${CORRECTION_WORD.en} (${field})`,
    sourcesLabel: (count) => (count === 1 ? "source" : "sources"),
    line: (parts) =>
      `${parts.heading}: ${parts.text} (${parts.verification}; ${parts.sourcesLabel}: ${parts.sources.join(", ")})`,
  },
};

/** The fields a correction can name, as a reader of an export or a report reads them. */
export const CORRECTED_FIELD_LABELS: Record<CorrectedField, Record<Language, string>> = {
  title: { zh: "标题", en: "title" },
  summary: { zh: "摘要", en: "summary" },
  date: { zh: "日期", en: "date" },
  effectiveDates: { zh: "生效日期", en: "effective dates" },
  type: { zh: "类型", en: "type" },
  bindingness: { zh: "约束力", en: "bindingness" },
  level: { zh: "层级", en: "level" },
  jurisdictions: { zh: "法域", en: "jurisdictions" },
};

/** A correction in one language, in pieces for writers that lay them out (bold, links). */
export interface CorrectionParts {
  /** "更正（摘要）", "Correction (summary)". */
  heading: string;
  /** What the official record shows, on one line. */
  text: string;
  /** "已对照官方文本", "checked against the official text". */
  verification: string;
  /** "来源", "sources". */
  sourcesLabel: string;
  sources: readonly string[];
}

/**
 * A correction's pieces in the wanted language (the other one where it has only that). The text is
 * folded onto one line: it stands as one paragraph beside the text it corrects, and the chronicle reader
 * must not take a second paragraph of it for more of the event's summary.
 */
export function correctionParts(correction: EventCorrection, lang: Language): CorrectionParts {
  const field = CORRECTED_FIELD_LABELS[correction.field][lang];
  return {
    heading: CORRECTION_PHRASES[lang].heading(field),
    text: (pickText(correction.correction, lang) ?? "").replace(/\s+/g, " ").trim(),
    verification: VERIFICATION_LABELS[correction.verification][lang],
    sourcesLabel: CORRECTION_PHRASES[lang].sourcesLabel(correction.sources.length),
    sources: correction.sources,
  };
}

/**
 * A correction as one line of plain text, for the exports that hold text only (calendar, feed,
 * citation note): "更正（摘要）：…（已对照官方文本；来源：https://…）".
 */
export function correctionText(correction: EventCorrection, lang: Language): string {
  return CORRECTION_PHRASES[lang].line(correctionParts(correction, lang));
}
