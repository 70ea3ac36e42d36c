import type { LocalizedText } from "./localizedText.js";
import type { MODALITIES, SECTORS } from "./obligation.js";
import { type Role, ROLE_WORDS, VERIFICATION_WORDS } from "./vocabulary.js";

/** A field of the check profile as a person sees it: its label in the form, and the question it answers. */
export interface ProfileFieldLabel {
  label: Required<LocalizedText>;
  question: Required<LocalizedText>;
}

/**
 * Every profile field (and the check date) in both languages. The form, the CLI text and the answer's
 * questions all read these, so that "cannot be decided yet" asks in the form's own words.
 */
export const PROFILE_FIELD_LABELS = {
  kind: {
    label: { zh: "类型", en: "Kind" },
    question: { zh: "它是模型还是服务？", en: "Is it a model or a service?" },
  },
  role: {
    label: { zh: "角色", en: "Role" },
    question: {
      zh: "您是它的提供者、部署者、开发者还是平台？",
      en: "Are you its provider, deployer, developer or a platform?",
    },
  },
  underOwnName: {
    label: { zh: "以自己的名称或商标投放", en: "Placed under your own name or trademark" },
    question: {
      zh: "您是否以自己的名称或商标将其投放市场或投入使用？",
      en: "Do you place it on the market, or put it into service, under your own name or trademark?",
    },
  },
  trainingFlop: {
    label: { zh: "训练算力（FLOP）", en: "Training compute (FLOP)" },
    question: { zh: "训练用了多少算力（FLOP）？", en: "How much compute did training use (FLOP)?" },
  },
  fineTuningFlop: {
    label: { zh: "其后的微调等算力（FLOP）", en: "Later fine-tuning compute (FLOP)" },
    question: {
      zh: "其后的微调、强化学习或其他实质修改又用了多少算力（FLOP）？",
      en: "How much compute did later fine-tuning, reinforcement learning or other material changes add (FLOP)?",
    },
  },
  annualRevenueUsd: {
    label: { zh: "上年总收入（美元，含关联企业）", en: "Last year's gross revenue (USD, with affiliates)" },
    question: {
      zh: "上一日历年（含关联企业）的总收入是多少美元？",
      en: "What was your gross revenue with affiliates in the preceding calendar year, in US dollars?",
    },
  },
  annualRevenueKrw: {
    label: { zh: "上年总收入（韩元）", en: "Last year's total revenue (KRW)" },
    question: {
      zh: "上一年的总收入是多少韩元？",
      en: "What was your total revenue in the preceding year, in Korean won?",
    },
  },
  aiServiceRevenueKrw: {
    label: { zh: "上年人工智能服务收入（韩元）", en: "Last year's AI-service revenue (KRW)" },
    question: {
      zh: "上一年来自人工智能服务的收入是多少韩元？",
      en: "What was your revenue from AI services in the preceding year, in Korean won?",
    },
  },
  dailyUsersKr: {
    label: { zh: "韩国日均用户数", en: "Average daily users in Korea" },
    question: {
      zh: "在韩国的日均用户有多少？",
      en: "How many users a day does it have in Korea, on average?",
    },
  },
  modalities: {
    label: { zh: "生成的模态", en: "Modalities" },
    question: {
      zh: "它生成哪些内容：文本、图像、音频、视频还是虚拟场景？",
      en: "What does it generate: text, images, audio, video or virtual scenes?",
    },
  },
  generatesContent: {
    label: { zh: "生成内容", en: "Generates content" },
    question: { zh: "它是否生成或篡改内容？", en: "Does it generate or manipulate content?" },
  },
  interactsWithPeople: {
    label: { zh: "直接与人交互", en: "Interacts with people" },
    question: {
      zh: "它是否直接与自然人交互（如聊天机器人、助手）？",
      en: "Does it interact directly with people (a chatbot, an assistant)?",
    },
  },
  openWeights: {
    label: { zh: "开放权重（自由开源许可）", en: "Open weights (free and open-source licence)" },
    question: {
      zh: "是否以自由开源许可发布并公开权重？",
      en: "Is it released under a free and open-source licence with its weights public?",
    },
  },
  markets: {
    label: { zh: "市场", en: "Markets" },
    question: {
      zh: "它在哪些市场投放或提供（例如是否在加州提供）？",
      en: "Where is it placed on the market or offered (for example, is it offered in California)?",
    },
  },
  establishedIn: {
    label: { zh: "设立地（国家代码）", en: "Established in (country code)" },
    question: { zh: "提供者设立在哪个国家或地区？", en: "Where is the provider established?" },
  },
  placedOnMarket: {
    label: { zh: "投放市场日期", en: "Placed on the market" },
    question: {
      zh: "它首次投放市场或投入运行是哪一天？",
      en: "On which day was it first placed on the market or put into operation?",
    },
  },
  sector: {
    label: { zh: "行业", en: "Sector" },
    question: { zh: "它用在哪个领域？", en: "In which area is it used?" },
  },
  at: {
    label: { zh: "检查日期", en: "Check on" },
    question: { zh: "按哪一天检查？", en: "On which day should it be checked?" },
  },
} satisfies Record<string, ProfileFieldLabel>;

export type LabelledField = keyof typeof PROFILE_FIELD_LABELS;

/** The label of a profile field (or of a dotted path such as `markets.1`), else the path itself. */
export function fieldLabel(field: string): Required<LocalizedText> {
  const root = field.split(".")[0] as string;
  const known = (PROFILE_FIELD_LABELS as Record<string, ProfileFieldLabel>)[root];
  return known?.label ?? { zh: field, en: field };
}

/** Each role: its word (the vocabulary's) and what it means, in one line, in both languages. */
export const ROLE_LABELS: Record<Role, { name: Required<LocalizedText>; means: Required<LocalizedText> }> = {
  provider: {
    name: ROLE_WORDS.provider,
    means: {
      zh: "以自己的名称或商标投放市场或投入使用",
      en: "places it on the market or puts it into service under its own name or trademark",
    },
  },
  deployer: {
    name: ROLE_WORDS.deployer,
    means: { zh: "在自己的业务或服务中使用他人提供的", en: "uses it in its own service or activity" },
  },
  developer: {
    name: ROLE_WORDS.developer,
    means: {
      zh: "训练或构建它（是否也以自己的名称投放，另行询问）",
      en: "trained or built it (whether it also places it under its own name is asked separately)",
    },
  },
  platform: {
    name: ROLE_WORDS.platform,
    means: { zh: "传播他人生成的内容", en: "disseminates content that others generate" },
  },
};

/** The sectors in both languages. */
export const SECTOR_LABELS: Record<(typeof SECTORS)[number], Required<LocalizedText>> = {
  healthcare: { zh: "医疗卫生", en: "healthcare" },
  energy: { zh: "能源", en: "energy" },
  transport: { zh: "交通运输", en: "transport" },
  employment: { zh: "招聘与就业", en: "employment and recruitment" },
  credit: { zh: "信贷评估", en: "credit scoring" },
  education: { zh: "教育", en: "education" },
  biometrics: { zh: "生物识别", en: "biometrics" },
  "public-services": { zh: "公共服务", en: "public services" },
  finance: { zh: "金融", en: "finance" },
  other: { zh: "其他", en: "other" },
};

/** The modalities in both languages. */
export const MODALITY_LABELS: Record<(typeof MODALITIES)[number], Required<LocalizedText>> = {
  text: { zh: "文本", en: "text" },
  image: { zh: "图像", en: "image" },
  audio: { zh: "音频", en: "audio" },
  video: { zh: "视频", en: "video" },
  "virtual-scene": { zh: "虚拟场景", en: "virtual scene" },
};

/** The kinds in both languages. */
export const KIND_LABELS: Record<"model" | "service", Required<LocalizedText>> = {
  model: { zh: "模型", en: "model" },
  service: { zh: "服务", en: "service" },
};

/** How a fact was checked: the vocabulary's words, under the name obligations/ and the corrections read. */
export const VERIFICATION_LABELS = VERIFICATION_WORDS;
