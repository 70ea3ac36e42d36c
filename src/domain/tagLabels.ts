import type { Language } from "./localizedText.js";

/**
 * Names of the five trends the seed report states ("规则强制化、格局阵营化、竞争系统化、路径多样化和工具技术化")
 * for the tags the bundled dataset marks them with.
 */
export const TREND_TAG_LABELS: Record<string, Record<Language, string>> = {
  "trend-rules-binding": { zh: "规则强制化", en: "rules becoming binding" },
  "trend-bloc-formation": { zh: "格局阵营化", en: "bloc formation" },
  "trend-systemic-competition": { zh: "竞争系统化", en: "systemic competition" },
  "trend-path-diversity": { zh: "路径多样化", en: "diverse national paths" },
  "trend-technical-tools": { zh: "工具技术化", en: "technical governance tools" },
};

/** Names of the topic tags of the bundled dataset, in both languages. */
const TOPIC_TAG_LABELS: Record<string, Record<Language, string>> = {
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

/**
 * The tags aigov has names for. (A function, not a constant: the browser bundle, which needs none of
 * the names, then leaves the tables out.)
 */
export function namedTags(): string[] {
  return [...Object.keys(TREND_TAG_LABELS), ...Object.keys(TOPIC_TAG_LABELS)];
}

/** A tag aigov has no name for, as a reader sees it: as written, its hyphens as spaces. */
export function unnamedTagLabel(tag: string): string {
  return tag.replace(/-/g, " ");
}

/**
 * The label of a tag in a language. Tags are open (an import may bring any): one without a name is shown
 * by unnamedTagLabel, so that a reader never sees a slug where a word will do.
 */
export function tagLabel(tag: string, lang: Language): string {
  return (TREND_TAG_LABELS[tag] ?? TOPIC_TAG_LABELS[tag])?.[lang] ?? unnamedTagLabel(tag);
}
