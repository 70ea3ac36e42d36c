// The one vocabulary of aigov: the words for every value of level, type, bindingness, role and
// verification, and for the tags, in both languages. Pages, charts, reports, the CLI and the exports all
// read these tables, so that one page's table and its chart (or a report and the page it came from) never
// call the same value two names (issue 25). Chinese follows the seed chronicle report where it uses a
// term (行政令, 协议, 地区, 自愿性); English uses the usual policy terms ("non-binding").
import type { BINDINGNESS, EVENT_TYPES, LEVELS } from "./event.js";
import type { Instrument, Verification } from "./instrument.js";
import type { Language } from "./localizedText.js";
import type { ROLES } from "./obligation.js";

/** A value's word in each language. */
export type Words = Readonly<Record<Language, string>>;

export type Level = (typeof LEVELS)[number];
export type EventType = (typeof EVENT_TYPES)[number];
/** An event's type or an instrument's (instruments add "amendment"). */
export type DocumentType = EventType | Instrument["type"];
export type Bindingness = (typeof BINDINGNESS)[number];
export type Role = (typeof ROLES)[number];

/** Levels. The seed report heads its parts 国际层面, 地区层面, 国家层面; 次国家 as in 次国家辖区. */
export const LEVEL_WORDS: Readonly<Record<Level, Words>> = {
  international: { zh: "国际", en: "international" },
  regional: { zh: "地区", en: "regional" },
  national: { zh: "国家", en: "national" },
  subnational: { zh: "次国家", en: "subnational" },
};

/** Types of events and instruments. The seed report writes 行政令 (10 times to 行政命令's 3) and 协议. */
export const TYPE_WORDS: Readonly<Record<DocumentType, Words>> = {
  law: { zh: "法律", en: "law" },
  regulation: { zh: "法规", en: "regulation" },
  executive_order: { zh: "行政令", en: "executive order" },
  guideline: { zh: "指南", en: "guideline" },
  standard: { zh: "标准", en: "standard" },
  strategy: { zh: "战略", en: "strategy" },
  declaration: { zh: "宣言", en: "declaration" },
  agreement: { zh: "协议", en: "agreement" },
  resolution: { zh: "决议", en: "resolution" },
  report: { zh: "报告", en: "report" },
  plan: { zh: "计划", en: "plan" },
  amendment: { zh: "修正案", en: "amendment" },
  other: { zh: "其他", en: "other" },
};

/** Bindingness. The seed report calls soft law 自愿性（准则）; "non-binding" is the usual English term. */
export const BINDINGNESS_WORDS: Readonly<Record<Bindingness, Words>> = {
  binding: { zh: "有约束力", en: "binding" },
  voluntary: { zh: "自愿性", en: "voluntary" },
  draft: { zh: "草案", en: "draft" },
  none: { zh: "无约束力", en: "non-binding" },
};

/** The roles an obligation addresses (the EU AI Act's 提供者 and 部署者, art. 3(3) and 3(4)). */
export const ROLE_WORDS: Readonly<Record<Role, Words>> = {
  provider: { zh: "提供者", en: "provider" },
  deployer: { zh: "部署者", en: "deployer" },
  developer: { zh: "开发者", en: "developer" },
  platform: { zh: "平台", en: "platform" },
  importer: { zh: "进口者", en: "importer" },
  distributor: { zh: "分销者", en: "distributor" },
  "authorised-representative": { zh: "授权代表", en: "authorised representative" },
  "product-manufacturer": { zh: "产品制造者", en: "product manufacturer" },
  "technical-supporter": { zh: "技术支持者", en: "technical supporter" },
  "app-store": { zh: "应用程序分发平台", en: "app store" },
};

/** How a fact was checked: one wording for the check answer, the instrument pages and the corrections. */
export const VERIFICATION_WORDS: Readonly<Record<Verification, Words>> = {
  official: { zh: "已对照官方文本", en: "checked against the official text" },
  secondary: { zh: "仅对照二手来源", en: "checked against secondary sources only" },
  unverified: { zh: "未核实", en: "not checked" },
};

/** What a record leaves unclassified is called so, never guessed. */
export const UNCLASSIFIED_WORDS: Words = { zh: "未分类", en: "unclassified" };

/** Every closed vocabulary by the field it names. */
export const VOCABULARY = {
  level: LEVEL_WORDS,
  type: TYPE_WORDS,
  bindingness: BINDINGNESS_WORDS,
  role: ROLE_WORDS,
  verification: VERIFICATION_WORDS,
} as const;
export type VocabularyField = keyof typeof VOCABULARY;
export type VocabularyValue<F extends VocabularyField> = keyof (typeof VOCABULARY)[F] & string;

/** The word for a value of a field in a language (a value outside the field is a type error). */
export function label<F extends VocabularyField>(
  field: F,
  value: VocabularyValue<F>,
  lang: Language,
): string {
  return (VOCABULARY[field] as Readonly<Record<string, Words>>)[value]![lang];
}

/** As label, with null (the record does not say) as "unclassified". */
export function labelOrUnclassified<F extends VocabularyField>(
  field: F,
  value: VocabularyValue<F> | null,
  lang: Language,
): string {
  return value === null ? UNCLASSIFIED_WORDS[lang] : label(field, value, lang);
}

/** A vocabulary in one language, value → word: the shape a chart or a select reads. */
export function wordsIn<K extends string>(
  words: Readonly<Record<K, Words>>,
  lang: Language,
): Record<K, string> {
  return Object.fromEntries(Object.entries<Words>(words).map(([value, w]) => [value, w[lang]])) as Record<
    K,
    string
  >;
}

/**
 * Names of the five trends the seed report states ("规则强制化、格局阵营化、竞争系统化、路径多样化和工具技术化")
 * for the tags the bundled dataset marks them with.
 */
export const TREND_TAG_WORDS: Readonly<Record<string, Words>> = {
  "trend-rules-binding": { zh: "规则强制化", en: "rules becoming binding" },
  "trend-bloc-formation": { zh: "格局阵营化", en: "bloc formation" },
  "trend-systemic-competition": { zh: "竞争系统化", en: "systemic competition" },
  "trend-path-diversity": { zh: "路径多样化", en: "diverse national paths" },
  "trend-technical-tools": { zh: "工具技术化", en: "technical governance tools" },
};

/** Names of the topic tags of the bundled dataset, in both languages. */
const TOPIC_TAG_WORDS: Readonly<Record<string, Words>> = {
  chips: { zh: "芯片", en: "chips" },
  "comprehensive-ai-law": { zh: "综合性人工智能立法", en: "comprehensive AI law" },
  "compute-thresholds": { zh: "算力阈值", en: "compute thresholds" },
  "content-moderation": { zh: "内容审核", en: "content moderation" },
  copyright: { zh: "版权", en: "copyright" },
  "data-centers": { zh: "数据中心", en: "data centres" },
  "data-governance": { zh: "数据治理", en: "data governance" },
  deregulation: { zh: "放松监管", en: "deregulation" },
  ethics: { zh: "伦理", en: "ethics" },
  explainability: { zh: "可解释性", en: "explainability" },
  "export-controls": { zh: "出口管制", en: "export controls" },
  "frontier-models": { zh: "前沿模型", en: "frontier models" },
  "global-south": { zh: "全球南方", en: "Global South" },
  gpai: { zh: "通用人工智能模型", en: "general-purpose AI models" },
  "industrial-policy": { zh: "产业政策", en: "industrial policy" },
  infrastructure: { zh: "基础设施", en: "infrastructure" },
  "international-cooperation": { zh: "国际合作", en: "international cooperation" },
  investment: { zh: "投资", en: "investment" },
  labeling: { zh: "标识", en: "labelling" },
  minors: { zh: "未成年人保护", en: "protection of minors" },
  "national-strategy": { zh: "国家战略", en: "national strategy" },
  privacy: { zh: "隐私", en: "privacy" },
  "public-sector": { zh: "公共部门", en: "public sector" },
  "risk-management": { zh: "风险管理", en: "risk management" },
  safety: { zh: "安全", en: "safety" },
  sandbox: { zh: "监管沙盒", en: "regulatory sandboxes" },
  science: { zh: "科学研究", en: "science" },
  sme: { zh: "中小企业", en: "small and medium-sized enterprises" },
  standards: { zh: "标准", en: "standards" },
  "state-preemption": { zh: "联邦法优先于州法", en: "federal preemption of state law" },
  summit: { zh: "峰会", en: "summits" },
  talent: { zh: "人才", en: "talent" },
  transparency: { zh: "透明度", en: "transparency" },
  watermarking: { zh: "水印", en: "watermarking" },
};

/** The tags aigov has names for. */
export function namedTags(): string[] {
  return [...Object.keys(TREND_TAG_WORDS), ...Object.keys(TOPIC_TAG_WORDS)];
}

/**
 * The label of a tag in a language. Tags are open (an import may bring any): one without a name is shown
 * as written, its hyphens as spaces, so that a reader never sees a slug where a word will do.
 */
export function tagLabel(tag: string, lang: Language): string {
  const words = Object.hasOwn(TREND_TAG_WORDS, tag)
    ? TREND_TAG_WORDS[tag]
    : Object.hasOwn(TOPIC_TAG_WORDS, tag)
      ? TOPIC_TAG_WORDS[tag]
      : undefined;
  return words?.[lang] ?? tag.replace(/-/g, " ");
}
