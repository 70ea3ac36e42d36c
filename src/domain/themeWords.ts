import type { LocalizedText } from "./localizedText.js";
import type { Theme } from "./obligation.js";

/** A theme as a person reads it: its name, and one line saying which duties it gathers. */
export interface ThemeWords {
  name: Required<LocalizedText>;
  means: Required<LocalizedText>;
}

/**
 * Every theme of a duty in both languages, for the theme chooser and the comparison by theme
 * (`/compare/duties`), so that the same duty is named alike whichever jurisdiction imposes it.
 */
export const THEME_WORDS: Readonly<Record<Theme, ThemeWords>> = {
  labeling: {
    name: { zh: "生成内容标识", en: "Labeling of generated content" },
    means: {
      zh: "为人工智能生成或合成的内容添加显式或隐式标识（水印、元数据）",
      en: "marking AI-generated or synthetic content, visibly or in metadata and watermarks",
    },
  },
  "ai-disclosure": {
    name: { zh: "告知正在与人工智能交互", en: "Disclosure that one deals with an AI" },
    means: {
      zh: "告知用户其正在与人工智能系统交互，或某项决定由人工智能作出",
      en: "telling people that they interact with an AI system, or that an AI takes part in a decision",
    },
  },
  "frontier-safety": {
    name: { zh: "前沿模型安全框架", en: "Frontier-model safety frameworks" },
    means: {
      zh: "最强大的模型的风险评估、安全框架和缓解措施",
      en: "risk assessments, safety frameworks and mitigations for the most capable models",
    },
  },
  "incident-reporting": {
    name: { zh: "事件报告", en: "Incident reporting" },
    means: {
      zh: "向主管机关报告严重事件或安全事件",
      en: "reporting serious or safety incidents to an authority",
    },
  },
  "training-data": {
    name: { zh: "训练数据透明", en: "Training-data transparency" },
    means: {
      zh: "公开或记录训练数据的来源、内容和处理",
      en: "publishing or recording where training data comes from, what it holds and how it was handled",
    },
  },
  "high-risk": {
    name: { zh: "高风险评估", en: "High-risk assessments" },
    means: {
      zh: "高风险或高影响人工智能的风险管理、合格评定和影响评估",
      en: "risk management, conformity and impact assessments for high-risk or high-impact AI",
    },
  },
  "ai-literacy": {
    name: { zh: "人工智能素养", en: "AI literacy" },
    means: {
      zh: "使员工和使用者具备足够的人工智能知识",
      en: "giving staff and users a sufficient understanding of AI",
    },
  },
  "prohibited-use": {
    name: { zh: "禁止的用途", en: "Prohibited uses" },
    means: { zh: "法律禁止的人工智能做法", en: "AI practices the law forbids" },
  },
  registration: {
    name: { zh: "登记和备案", en: "Registration and filing" },
    means: {
      zh: "在公共数据库登记，或向主管机关备案、申报安全评估",
      en: "registering in a public database, or filing with an authority and applying for security assessments",
    },
  },
  "local-representative": {
    name: { zh: "境内代表", en: "Local representative" },
    means: {
      zh: "境外提供者指定境内代理人或授权代表",
      en: "a provider abroad appointing a local agent or authorised representative",
    },
  },
  documentation: {
    name: { zh: "技术文件", en: "Technical documentation" },
    means: {
      zh: "编制和保存技术文件、记录和日志",
      en: "drawing up and keeping technical documentation, records and logs",
    },
  },
  "human-oversight": {
    name: { zh: "人工监督", en: "Human oversight" },
    means: {
      zh: "确保人能够监督、干预或推翻人工智能的运行",
      en: "ensuring people can oversee, intervene in or override the AI",
    },
  },
  "non-discrimination": {
    name: { zh: "防止歧视", en: "Non-discrimination" },
    means: {
      zh: "防止算法歧视和偏见",
      en: "preventing algorithmic discrimination and bias",
    },
  },
  "user-rights": {
    name: { zh: "用户权利", en: "Users' rights" },
    means: {
      zh: "说明、申诉、更正、选择退出等用户权利",
      en: "explanations, appeals, correction, opting out and other rights of users",
    },
  },
  minors: {
    name: { zh: "未成年人保护", en: "Protection of minors" },
    means: { zh: "保护未成年用户的特别义务", en: "special duties protecting young users" },
  },
  workers: {
    name: { zh: "劳动者", en: "Workers" },
    means: {
      zh: "告知和保护受人工智能影响的劳动者",
      en: "informing and protecting workers affected by AI",
    },
  },
  security: {
    name: { zh: "安全与内容管理", en: "Security and content management" },
    means: {
      zh: "网络安全、数据安全和违法内容的处置",
      en: "cybersecurity, data security and handling illegal content",
    },
  },
  copyright: {
    name: { zh: "著作权", en: "Copyright" },
    means: {
      zh: "尊重著作权和其他知识产权",
      en: "respecting copyright and other intellectual property",
    },
  },
  cooperation: {
    name: { zh: "配合主管机关", en: "Cooperation with authorities" },
    means: {
      zh: "配合主管机关的监督检查和措施",
      en: "cooperating with authorities' supervision, inspections and measures",
    },
  },
};
