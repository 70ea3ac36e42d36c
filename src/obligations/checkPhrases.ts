import { articleLabel } from "../domain/articleLabel.js";
import type { Language } from "../domain/localizedText.js";

/**
 * The words a check's answer is written in (the CLI prints them, the web page renders them), in each
 * language; a phrase missing in one is a type error. Values come in already in the phrase's language.
 */
export interface CheckPhrases {
  complyBy: (day: string) => string;
  appliesFrom: (day: string) => string;
  /** Another date that may apply instead, with what it depends on. */
  alternative: (what: string, article: string, label: string, fields: string) => string;
  fromIfApplies: (from: string) => string;
  from: (from: string) => string;
  deadline: (day: string, article: string, label: string) => string;
  transition: (label: string, article: string) => string;
  /** `article` is the raw reference: the Chinese phrase spells it out, the English one cites it as is. */
  asProvider: (article: string, verification: string) => string;
  notApplicable: (reason: string, article: string) => string;
  dependsOn: string;
  noPenalty: string;
}

export const CHECK_PHRASES: Record<Language, CheckPhrases> = {
  zh: {
    complyBy: (day) => `须于 ${day}前合规`,
    appliesFrom: (day) => `自 ${day}起适用`,
    alternative: (what, article, label, fields) => `或：${what}（${article}：${label}；取决于：${fields}）`,
    fromIfApplies: (from) => `如适用，自 ${from}起`,
    from: (from) => `自 ${from}起`,
    deadline: (day, article, label) =>
      `合规期限：${day}（${article}：${label}）——这是完成合规的期限，不是较晚的起始日`,
    transition: (label, article) => `${label}（${article}）`,
    asProvider: (article, verification) =>
      `以自己的名称投放的开发者即为提供者（${articleLabel(article, "zh")}；${verification}）`,
    notApplicable: (reason, article) => `${reason}（${article}）`,
    dependsOn: "取决于：",
    noPenalty: "无罚则：",
  },
  en: {
    complyBy: (day) => `comply by ${day}`,
    appliesFrom: (day) => `applies from ${day}`,
    alternative: (what, article, label, fields) =>
      `or: ${what} (${article}: ${label}; depends on: ${fields})`,
    fromIfApplies: (from) => `if it applies: from ${from}`,
    from: (from) => `from ${from}`,
    deadline: (day, article, label) =>
      `compliance deadline: ${day} (${article}: ${label}) — a day to comply by, not a later start`,
    transition: (label, article) => `${label} (${article})`,
    asProvider: (article, verification) =>
      `a developer placing it under its own name is its provider (${article}; ${verification})`,
    notApplicable: (reason, article) => `${reason} (${article})`,
    dependsOn: "depends on: ",
    noPenalty: "No penalty: ",
  },
};
