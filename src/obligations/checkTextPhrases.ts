import type { Language } from "../domain/localizedText.js";

/** The words of `aigov check`'s text answer, in each language (a missing one is a type error). */
export interface CheckTextPhrases {
  cooperationOnly: string;
  title: (at: string) => string;
  market: (name: string, code: string, headline: string) => string;
  incomplete: (count: number) => string;
  heading: (heading: string) => string;
  forEach: (line: string) => string;
  penalty: (instrument: string, articles: string[], text: string) => string;
  note: (note: string) => string;
  notCovered: string;
  gap: (title: string, reaches: string, since: string | null | undefined, verification: string) => string;
  questions: string;
  question: (question: string, label: string, decides: number) => string;
  outside: (jurisdictions: string[], duties: number) => string;
}

export const CHECK_TEXT: Record<Language, CheckTextPhrases> = {
  zh: {
    cooperationOnly: "  [仅配合义务]",
    title: (at) => `义务检查，日期 ${at}（不是法律意见）`,
    market: (name, code, headline) => `${name}（${code}）— ${headline}`,
    incomplete: (count) => `  答案不完整：aigov 知道此处还有 ${count} 项规则未建模（见下）`,
    heading: (heading) => `  ${heading}：`,
    forEach: (line) => `    以下各项均适用：${line.replace(/^或：/, "或")}`,
    penalty: (instrument, articles, text) => `  罚则（${instrument}；${articles.join("、")}）：${text}`,
    note: (note) => `  说明：${note}`,
    notCovered: "  aigov 未涵盖（此处的答案不完整）：",
    gap: (title, reaches, since, verification) =>
      `    ${title} — ${reaches}${since ? `，自 ${since}` : ""}（${verification}）`,
    questions: "回答以下问题即可判定其余义务：",
    question: (question, label, decides) => `  ${question}（${label}；决定 ${decides} 项）`,
    outside: (jurisdictions, duties) => `不在您的市场（${jurisdictions.join("、")}）：${duties} 项义务未列出`,
  },
  en: {
    cooperationOnly: "  [cooperation duty only]",
    title: (at) => `Obligations on ${at} (not legal advice)`,
    market: (name, code, headline) => `${name} (${code}) — ${headline}`,
    incomplete: (count) =>
      `  Not a complete answer: aigov knows ${count} more ${count === 1 ? "rule" : "rules"} here that it does not model (listed below)`,
    heading: (heading) => `  ${heading}:`,
    forEach: (line) => `    For each of these: ${line.replace(/^or: /, "or ")}`,
    penalty: (instrument, articles, text) => `  Penalty (${instrument}; ${articles.join(", ")}): ${text}`,
    note: (note) => `  Note: ${note}`,
    notCovered: "  Not covered by aigov (this answer is not complete):",
    gap: (title, reaches, since, verification) =>
      `    ${title} — ${reaches}${since ? `, since ${since}` : ""} (${verification})`,
    questions: "Answer these to decide the rest:",
    question: (question, label, decides) => `  ${question} (${label}; decides ${decides})`,
    outside: (jurisdictions, duties) =>
      `Not in your markets (${jurisdictions.join(", ")}): ${duties} duties not listed`,
  },
};
