import type { Language } from "../domain/localizedText.js";

/** The words the export formats write themselves, in each language (a missing one is a type error). */
export interface ExportPhrases {
  /** The Atom feed's title. */
  feedTitle: string;
  /** The iCalendar calendar's name. */
  calendarName: string;
  /** What opens a calendar entry for an effective date: "生效：…", "Takes effect: …". */
  takesEffect: string;
  /** What opens a calendar entry for the day an instrument applies from: "开始适用: …", "Applies: …". */
  applies: string;
  /** What the deadlines' feed is, after the site's feed title. */
  deadlinesTitle: string;
  /** The title of an Atom entry's link to the event's official source. */
  officialSource: string;
  /** The feed's rights: the data licence, and where the facts come from. */
  rights: string;
}

export const EXPORT_PHRASES: Record<Language, ExportPhrases> = {
  zh: {
    feedTitle: "aigov：人工智能治理大事",
    calendarName: "aigov 人工智能治理日历",
    takesEffect: "生效",
    applies: "开始适用",
    deadlinesTitle: "施行日程",
    officialSource: "官方来源",
    rights: "aigov 数据以 CC BY 4.0 许可发布；事实取自各条目引用的官方来源",
  },
  en: {
    feedTitle: "aigov: AI governance events",
    calendarName: "aigov AI governance calendar",
    takesEffect: "Takes effect",
    applies: "Applies",
    deadlinesTitle: "deadlines",
    officialSource: "Official source",
    rights: "aigov data under CC BY 4.0; facts from the official sources each entry cites",
  },
};
