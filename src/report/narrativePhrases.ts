import type { Language } from "../domain/localizedText.js";

/** A label with its count, as a reader lists it: "指南（8 件）", "guideline (8)". */
export interface Counted {
  label: string;
  count: number;
}

/** The sentences of a report built from data, in each language; every value comes from the records. */
export interface NarrativePhrases {
  events: (n: number) => string;
  withCount: (label: string, n: number) => string;
  /** A section's jurisdiction whose other events sit under another level: "欧盟（本层级 10 件，共 11 件）". */
  withCountOf: (label: string, n: number, total: number) => string;
  list: (items: string[]) => string;
  counted: (items: Counted[]) => string;
  percent: (part: number, whole: number) => string;
  /** `jurisdictions` 0 when no record names one: the clause is left out. */
  overview: (period: string, events: number, jurisdictions: number, sources: number) => string;
  byLevel: (levels: string) => string;
  levelCount: (label: string, n: number) => string;
  byType: (types: string) => string;
  binding: (binding: number, total: number, others: string) => string;
  bindingCount: (label: string, n: number) => string;
  busiestJurisdictions: (names: string) => string;
  busiestMonths: (months: string[], n: number) => string;
  effectiveCount: (n: number) => string;
  upcomingCount: (n: number) => string;
  levelIntro: (level: string, n: number, share: string) => string;
  levelNone: (level: string) => string;
  typesAndBinding: (types: string, binding: string) => string;
  involved: (names: string) => string;
  more: (n: number) => string;
  eventItem: (date: string, title: string, details: string[], number: number) => string;
  effectiveItem: (date: string, title: string, words: string | undefined, number: number) => string;
  overTime: (segments: string) => string;
  /** `binding` is null when no record of the period says how binding it is. */
  segmentCount: (label: string, n: number, binding: number | null) => string;
  trendTags: (tags: string) => string;
  topicTags: (tags: string) => string;
  effectiveList: string;
  upcomingList: string;
  quarter: (q: number) => string;
  year: (y: number) => string;
  nationalIntro: (national: number, subnational: number, countries: number) => string;
  /** A part's heading, numbered as each language numbers parts: "一、…", "I. …". */
  partHeading: (index: number, title: { zh: string; en: string }) => string;
  /** Between an event's type and its bindingness in a list item. */
  detailSeparator: string;
  /** Between two sentences written one after the other (Chinese sets none). */
  sentenceGap: string;
  executiveSummary: string;
  internationalBodies: string;
  multilateral: string;
  /** The section of events whose jurisdiction has no section of its own. */
  others: string;
  otherCountries: string;
  subnational: string;
}

const ROMAN = ["I", "II", "III", "IV"];
const HAN = ["一", "二", "三", "四"];

const zh: NarrativePhrases = {
  events: (n) => `${n} 件`,
  withCount: (label, n) => `${label}（${n} 件）`,
  withCountOf: (label, n, total) => `${label}（本层级 ${n} 件，共 ${total} 件）`,
  list: (items) => items.join("、"),
  counted: (items) => items.map((i) => `${i.label}（${i.count} 件）`).join("、"),
  percent: (part, whole) => `${whole === 0 ? 0 : Math.round((part * 100) / whole)}%`,
  overview: (period, events, jurisdictions, sources) =>
    `本报告涵盖 ${period}，共收录 ${events} 件人工智能治理事件，${jurisdictions ? `涉及 ${jurisdictions} 个国家、地区或国际组织，` : ""}引用 ${sources} 个来源。`,
  byLevel: (levels) => `按层级分：${levels}。`,
  levelCount: (label, n) => `${label}层面 ${n} 件`,
  byType: (types) => `按类型分，最多的是${types}。`,
  binding: (binding, total, others) =>
    `其中具有约束力的 ${binding} 件，占 ${zh.percent(binding, total)}${others ? `；${others}` : ""}。`,
  bindingCount: (label, n) => `${label} ${n} 件`,
  busiestJurisdictions: (names) => `事件最多的国家、地区或组织是${names}。`,
  busiestMonths: (months, n) =>
    `事件最多的月份是 ${months.join("、")}（${months.length > 1 ? "各 " : ""}${n} 件）。`,
  effectiveCount: (n) => `报告期内有 ${n} 项文件生效或开始适用（见“发展趋势”部分）。`,
  upcomingCount: (n) => `另有 ${n} 项已定的生效日期落在报告期之后。`,
  levelIntro: (level, n, share) => `${level}层面共有 ${n} 件事件，占全部事件的 ${share}。`,
  levelNone: (level) => `报告期内没有${level}层面的事件。`,
  typesAndBinding: (types, binding) => `类型：${types}；约束力：${binding}。`,
  involved: (names) => `涉及最多的是${names}。`,
  more: (n) => `另有 ${n} 件，按月列于附录。`,
  eventItem: (date, title, details, number) =>
    `${date}：${title}（${[...details, `第 ${number} 件`].join("；")}）`,
  effectiveItem: (date, title, words, number) =>
    `${date}${words ? ` ${words}` : ""}：${title}（第 ${number} 件）`,
  overTime: (segments) => `按时间分：${segments}。`,
  segmentCount: (label, n, binding) =>
    `${label} ${n} 件${binding === null ? "" : `（有约束力 ${binding} 件）`}`,
  trendTags: (tags) => `记录中标注的趋势：${tags}。`,
  topicTags: (tags) => `最常见的主题标签：${tags}。`,
  effectiveList: "报告期内生效或开始适用：",
  upcomingList: "报告期之后的生效日期：",
  quarter: (q) => `第${["一", "二", "三", "四"][q - 1]}季度`,
  year: (y) => `${y} 年`,
  nationalIntro: (national, subnational, countries) =>
    `国家层面共有 ${national} 件事件，涉及 ${countries} 个国家${subnational ? `；次国家层面另有 ${subnational} 件` : ""}。`,
  partHeading: (index, title) => `${HAN[index]}、${title.zh}`,
  detailSeparator: "，",
  sentenceGap: "",
  executiveSummary: "执行摘要",
  internationalBodies: "国际组织的工作",
  multilateral: "多边协议、宣言与决议",
  others: "其他",
  otherCountries: "其他国家",
  subnational: "次国家层面",
};

const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
const enList = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;

const en: NarrativePhrases = {
  events: (n) => plural(n, "event"),
  withCount: (label, n) => `${label} (${plural(n, "event")})`,
  withCountOf: (label, n, total) => `${label} (${n} of its ${total} events at this level)`,
  list: enList,
  counted: (items) => enList(items.map((i) => `${i.label} (${i.count})`)),
  percent: zh.percent,
  overview: (period, events, jurisdictions, sources) =>
    `This report covers ${period}: ${plural(events, "AI-governance event")}${jurisdictions ? ` involving ${plural(jurisdictions, "country, region or international body", "countries, regions or international bodies")},` : ""} citing ${plural(sources, "source")}.`,
  byLevel: (levels) => `By level: ${levels}.`,
  levelCount: (label, n) => `${n} ${label}`,
  byType: (types) => `The most frequent types are ${types}.`,
  binding: (binding, total, others) =>
    `${binding} of the ${plural(total, "event")} are binding (${zh.percent(binding, total)})${others ? `; ${others}` : ""}.`,
  bindingCount: (label, n) => `${n} ${label}`,
  busiestJurisdictions: (names) => `The jurisdictions with the most events are ${names}.`,
  busiestMonths: (months, n) =>
    months.length > 1
      ? `The busiest months were ${enList(months)} (${plural(n, "event")} each).`
      : `The busiest month was ${months[0]} (${plural(n, "event")}).`,
  effectiveCount: (n) =>
    `${plural(n, "instrument")} took effect or began to apply within the period (see the trends).`,
  upcomingCount: (n) => `${plural(n, "further effective date")} fall after the period.`,
  levelIntro: (level, n, share) =>
    `At the ${level} level there are ${plural(n, "event")}, ${share} of all events.`,
  levelNone: (level) => `The period has no events at the ${level} level.`,
  typesAndBinding: (types, binding) => `Types: ${types}. Bindingness: ${binding}.`,
  involved: (names) => `Most involved: ${names}.`,
  more: (n) => `${plural(n, "more event")}, listed by month in the appendix.`,
  eventItem: (date, title, details, number) =>
    `${date}: ${title} (${[...details, `no. ${number}`].join("; ")})`,
  effectiveItem: (date, title, words, number) =>
    `${date}${words ? ` (${words})` : ""}: ${title} (no. ${number})`,
  overTime: (segments) => `Over time: ${segments}.`,
  segmentCount: (label, n, binding) =>
    `${label}: ${plural(n, "event")}${binding === null ? "" : ` (${binding} binding)`}`,
  trendTags: (tags) => `Trends tagged in the records: ${tags}.`,
  topicTags: (tags) => `The most frequent topic tags: ${tags}.`,
  effectiveList: "Taking effect or applying within the period:",
  upcomingList: "Effective dates after the period:",
  quarter: (q) => `Q${q}`,
  year: (y) => String(y),
  nationalIntro: (national, subnational, countries) =>
    `At the national level there are ${plural(national, "event")} in ${plural(countries, "country", "countries")}${subnational ? `, and ${subnational} more at the subnational level` : ""}.`,
  partHeading: (index, title) => `${ROMAN[index]}. ${title.en}`,
  detailSeparator: ", ",
  sentenceGap: " ",
  executiveSummary: "Executive summary",
  internationalBodies: "The work of international bodies",
  multilateral: "Multilateral agreements, declarations and resolutions",
  others: "Others",
  otherCountries: "Other countries",
  subnational: "Subnational",
};

/** The narrative sentences in a language. */
export function narrativePhrases(lang: Language): NarrativePhrases {
  return lang === "zh" ? zh : en;
}
