import type { Language } from "../domain/localizedText.js";

/** The words around the records in the tools' text answers, in each language (a missing one is a type error). */
export interface McpWords {
  /** What follows a label on the same line. */
  colon: string;
  /** What the text of a long list leaves out. */
  more: (count: number) => string;
  page: string;
  api: string;
  sources: string;
  uncitedNote: string;
  moreSources: (count: number) => string;
  noEvents: (q: string | undefined) => string;
  eventsFound: (total: number, shown: number, q: string | undefined) => string;
  nextPage: (cursor: string) => string;
  level: string;
  tags: string;
  effective: string;
  identifier: string;
  relation: string;
  instruments: (count: number) => string;
  officialText: string;
  noOfficialText: string;
  duties: (count: number) => string;
  unknown: string;
  verifiedFrom: string;
  deadlines: (total: number, shown: number, from: string, to: string | null) => string;
  noDeadlines: (from: string, to: string | null) => string;
  dutiesStarting: string;
  deadlinesPage: string;
}

export const MCP_WORDS: Record<Language, McpWords> = {
  zh: {
    colon: "：",
    more: (count) => `……另有 ${count} 项`,
    page: "aigov 页面",
    api: "API",
    sources: "来源",
    uncitedNote: "（文件引用了此注释但未印出）",
    moreSources: (count) => `……另有 ${count} 条来源（get_event 列出全部）`,
    noEvents: (q) => (q ? `没有与“${q}”匹配的事件。` : "没有符合这些条件的事件。"),
    eventsFound: (total, shown, q) =>
      `${q ? `与“${q}”匹配的` : "符合条件的"}事件共 ${total} 个，以下 ${shown} 个：`,
    nextPage: (cursor) => `下一页：以 cursor "${cursor}" 再次调用。`,
    level: "层级",
    tags: "标签",
    effective: "生效",
    identifier: "编号",
    relation: "关联",
    instruments: (count) => `aigov 义务检查所依据的 ${count} 部文书：`,
    officialText: "官方文本",
    noOfficialText: "官方文本：未找到存档副本",
    duties: (count) => `义务（${count} 项）：`,
    unknown: "未知",
    verifiedFrom: "核对来源",
    deadlines: (total, shown, from, to) =>
      `${from}${to ? ` 至 ${to}` : " 起"}开始适用的日期共 ${total} 个，以下 ${shown} 个：`,
    noDeadlines: (from, to) => `${from}${to ? ` 至 ${to}` : " 起"}没有开始适用的日期。`,
    dutiesStarting: "开始适用的义务",
    deadlinesPage: "截止日期页面",
  },
  en: {
    colon: ": ",
    more: (count) => `… and ${count} more`,
    page: "aigov page",
    api: "API",
    sources: "sources",
    uncitedNote: "(the document cites this note but does not print it)",
    moreSources: (count) => `… and ${count} more (get_event lists them all)`,
    noEvents: (q) => (q ? `No event matches "${q}".` : "No event matches these filters."),
    eventsFound: (total, shown, q) =>
      `${total} event${total === 1 ? "" : "s"} ${q ? `match "${q}"` : "match"}; ${shown === total ? "all" : `the first ${shown}`} below:`,
    nextPage: (cursor) => `Next page: call again with cursor "${cursor}".`,
    level: "level",
    tags: "tags",
    effective: "effective",
    identifier: "identifier",
    relation: "related",
    instruments: (count) => `The ${count} instruments behind aigov's obligations checker:`,
    officialText: "official text",
    noOfficialText: "official text: no stored copy found",
    duties: (count) => `Duties (${count}):`,
    unknown: "unknown",
    verifiedFrom: "verified from",
    deadlines: (total, shown, from, to) =>
      `${total} day${total === 1 ? "" : "s"} on which duties start to apply ${to ? `from ${from} to ${to}` : `from ${from}`}; ${shown === total ? "all" : `the first ${shown}`} below:`,
    noDeadlines: (from, to) =>
      `Nothing starts to apply ${to ? `from ${from} to ${to}` : `from ${from} on`} for these filters.`,
    dutiesStarting: "duties",
    deadlinesPage: "deadlines page",
  },
};
