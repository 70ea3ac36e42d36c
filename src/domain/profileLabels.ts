import type { LocalizedText } from "./localizedText.js";
import type {
  ALGORITHM_TYPES,
  CONSEQUENTIAL_DECISIONS,
  ENTERPRISE_SIZES,
  EU_HIGH_RISK_USES,
  KR_HIGH_IMPACT_AREAS,
  MODALITIES,
  SECTORS,
} from "./obligation.js";
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
  euHighRiskUses: {
    label: { zh: "欧盟高风险用途（附件三）", en: "EU high-risk uses (Annex III)" },
    question: {
      zh: "它的预期用途是否属于以下任何一项（欧盟《人工智能法》附件三）？",
      en: "Is it intended for any of these uses (EU AI Act, Annex III)?",
    },
  },
  annexIProduct: {
    label: { zh: "附件一产品（须第三方评估）", en: "Annex I product (third-party assessment)" },
    question: {
      zh: "它本身或作为安全组件所属的产品，是否须依欧盟附件一所列立法（机械、玩具、医疗器械等）由第三方进行合格评定？",
      en: "Is it a product, or the safety component of one, that EU legislation listed in Annex I (machinery, toys, medical devices, …) requires a third party to assess?",
    },
  },
  euNoSignificantRisk: {
    label: { zh: "第 6(3) 条：无重大风险", en: "Art. 6(3): no significant risk" },
    question: {
      zh: "对附件三用途：提供者是否已依第 6(3) 条评估并记录其不构成重大风险（仅执行狭窄的程序性或准备性任务等），且不对自然人进行画像？",
      en: "For an Annex III use: has the provider assessed and documented under Art. 6(3) that it poses no significant risk (a narrow procedural or preparatory task, …), and does it not profile people?",
    },
  },
  consequentialDecisions: {
    label: { zh: "重大决定", en: "Consequential decisions" },
    question: {
      zh: "它是否作出、或实质影响关于个人以下事项的决定：就业、信贷、住房、教育、保险、医疗、政府服务、法律服务？",
      en: "Does it make, or substantially influence, decisions about people's employment, credit, housing, education, insurance, health care, government services or legal services?",
    },
  },
  publicBody: {
    label: { zh: "公共机构部署者", en: "Public-body deployer" },
    question: {
      zh: "部署者是公共机构，或提供公共服务的私营机构吗？",
      en: "Is the deployer a public body, or a private body providing public services?",
    },
  },
  enterpriseSize: {
    label: { zh: "企业规模", en: "Enterprise size" },
    question: { zh: "企业属于哪种规模？", en: "How large is the enterprise?" },
  },
  monthlyUsers: {
    label: { zh: "各市场月活跃用户数", en: "Monthly users by market" },
    question: {
      zh: "在法律计数用户的市场（如加州、中国），它每月有多少活跃用户或访客？",
      en: "How many monthly active users or visitors does it have in the markets whose laws count them (e.g. California, China)?",
    },
  },
  publicOpinionAttributes: {
    label: { zh: "舆论属性或社会动员能力", en: "Public-opinion attributes" },
    question: {
      zh: "它是否具有舆论属性或者社会动员能力（论坛、博客、评论、直播、公众账号、可广泛传播的分享等）？",
      en: "Does it have public-opinion attributes or social-mobilisation capacity (forums, posts, comments, live streaming, public accounts, sharing that reaches many people)?",
    },
  },
  offeredToPublic: {
    label: { zh: "面向公众提供", en: "Offered to the public" },
    question: {
      zh: "它是否面向公众提供（而非仅在本单位内部或研发中使用）？",
      en: "Is it offered to the public (not only used inside your organisation or for research)?",
    },
  },
  algorithmTypes: {
    label: { zh: "算法推荐类型", en: "Algorithmic recommendation" },
    question: {
      zh: "它用哪些算法推荐技术向用户提供信息：生成合成、个性化推送、排序精选、检索过滤、调度决策？",
      en: "Which algorithmic recommendation does it use to give users information: generation or synthesis, personalised push, ranking and selection, search filtering, scheduling and decisions?",
    },
  },
  youngestUserAge: {
    label: { zh: "最低用户年龄", en: "Youngest users' age" },
    question: {
      zh: "允许使用它的最低年龄是多少岁（任何年龄的儿童都可使用则填 0）？",
      en: "From what age may people use it (0 if children of any age may)?",
    },
  },
  significantRiskToRights: {
    label: { zh: "对生命、安全或基本权利的重大影响", en: "Significant risk to life, safety or rights" },
    question: {
      zh: "它是否可能对人的生命、人身安全或基本权利产生重大影响或带来危险？",
      en: "Can it significantly affect, or put at risk, people's life, physical safety or fundamental rights?",
    },
  },
  krHighImpactAreas: {
    label: { zh: "韩国高影响人工智能领域", en: "Korea's high-impact areas" },
    question: {
      zh: "它用于韩国《人工智能基本法》第 2(4) 条所列的哪些领域？",
      en: "In which areas listed in Art. 2(4) of Korea's AI Basic Act is it used?",
    },
  },
  stateOfTheArt: {
    label: { zh: "采用最先进技术", en: "State-of-the-art technology" },
    question: {
      zh: "它是否采用最先进的技术构建和运行？",
      en: "Is it built and run with state-of-the-art technology?",
    },
  },
  broadSevereRisk: {
    label: { zh: "广泛而严重的风险", en: "Broad and severe risk" },
    question: {
      zh: "它的风险是否可能广泛而严重地影响生命、人身安全和基本权利？",
      en: "Can its risks broadly and seriously affect life, physical safety and fundamental rights?",
    },
  },
  priorCorrectionOrderFine: {
    label: { zh: "曾因不履行纠正命令被罚款", en: "Fined before for a correction order" },
    question: {
      zh: "您是否曾因不履行韩国《人工智能基本法》下的纠正命令而被处以罚款？",
      en: "Have you been fined before for not following a correction order under Korea's AI Basic Act?",
    },
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
  importer: {
    name: ROLE_WORDS.importer,
    means: {
      zh: "在欧盟设立，将第三国提供者以其名称或商标提供的人工智能系统投放欧盟市场",
      en: "established in the EU, places on its market a system bearing the name or trademark of a provider outside it",
    },
  },
  distributor: {
    name: ROLE_WORDS.distributor,
    means: {
      zh: "提供者和进口者以外、在供应链中使其在欧盟市场可获得的人",
      en: "makes it available on the EU market in the supply chain, other than its provider or importer",
    },
  },
  "authorised-representative": {
    name: ROLE_WORDS["authorised-representative"],
    means: {
      zh: "受欧盟以外的提供者书面委托、代其履行义务的欧盟境内代表",
      en: "in the EU, mandated in writing by a provider outside it to act on its behalf",
    },
  },
  "product-manufacturer": {
    name: ROLE_WORDS["product-manufacturer"],
    means: {
      zh: "以自己的名称将含人工智能系统的产品投放市场",
      en: "places a product with the AI system in it on the market under its own name",
    },
  },
  "technical-supporter": {
    name: ROLE_WORDS["technical-supporter"],
    means: {
      zh: "为他人的深度合成服务提供技术支持（中国）",
      en: "supplies the technology for another's deep-synthesis service (China)",
    },
  },
  "app-store": {
    name: ROLE_WORDS["app-store"],
    means: {
      zh: "经营上架他人应用程序的应用程序分发平台",
      en: "runs an app store that lists others' applications",
    },
  },
};

/** The EU's Annex III high-risk uses in both languages, each with its point. */
export const EU_HIGH_RISK_USE_LABELS: Record<(typeof EU_HIGH_RISK_USES)[number], Required<LocalizedText>> = {
  "remote-biometric-identification": {
    zh: "远程生物识别（不含仅核验身份）（1(a)）",
    en: "remote biometric identification, not mere verification (1(a))",
  },
  "biometric-categorisation": {
    zh: "依据推断的敏感属性进行生物特征分类（1(b)）",
    en: "biometric categorisation by sensitive attributes (1(b))",
  },
  "emotion-recognition": { zh: "情绪识别（1(c)）", en: "emotion recognition (1(c))" },
  "critical-infrastructure": {
    zh: "关键数字基础设施、道路交通或水、气、热、电供应的安全组件（2）",
    en: "safety component in critical digital infrastructure, road traffic, or water, gas, heating or electricity supply (2)",
  },
  "education-admission": {
    zh: "决定教育或职业培训的录取、准入或分配（3(a)）",
    en: "admission or assignment to education or vocational training (3(a))",
  },
  "education-assessment": { zh: "评估学习成果（3(b)）", en: "evaluating learning outcomes (3(b))" },
  "education-level": {
    zh: "评估个人将获得的教育水平（3(c)）",
    en: "assessing the level of education a person will receive (3(c))",
  },
  "exam-proctoring": { zh: "考试中监测学生违规行为（3(d)）", en: "monitoring students during tests (3(d))" },
  recruitment: {
    zh: "招聘或遴选：定向招聘广告、筛选申请、评估候选人（4(a)）",
    en: "recruitment or selection: job ads, filtering applications, evaluating candidates (4(a))",
  },
  "work-management": {
    zh: "影响劳动条件、晋升、解约，分配任务，监测评估员工（4(b)）",
    en: "decisions on work terms, promotion or termination, task allocation, monitoring workers (4(b))",
  },
  "public-benefits": {
    zh: "评估基本公共援助福利和服务（含医疗）的资格（5(a)）",
    en: "eligibility for essential public benefits and services, health care included (5(a))",
  },
  creditworthiness: {
    zh: "评估自然人信用或信用评分（检测金融欺诈除外）（5(b)）",
    en: "creditworthiness or credit scores of people, fraud detection excepted (5(b))",
  },
  "life-health-insurance": {
    zh: "人寿和健康保险的风险评估和定价（5(c)）",
    en: "risk assessment and pricing in life and health insurance (5(c))",
  },
  "emergency-triage": {
    zh: "紧急呼叫分类、急救调度、急诊分诊（5(d)）",
    en: "emergency calls, dispatch of first response, emergency triage (5(d))",
  },
  "law-enforcement": { zh: "执法用途（6）", en: "law enforcement (6)" },
  "migration-border": { zh: "移民、庇护和边境管理（7）", en: "migration, asylum and border control (7)" },
  justice: { zh: "协助司法机关适用法律（8(a)）", en: "assisting judicial authorities (8(a))" },
  elections: { zh: "影响选举或投票行为（8(b)）", en: "influencing elections or voting (8(b))" },
};

/** The consequential decisions in both languages. */
export const CONSEQUENTIAL_DECISION_LABELS: Record<
  (typeof CONSEQUENTIAL_DECISIONS)[number],
  Required<LocalizedText>
> = {
  employment: { zh: "就业", en: "employment" },
  credit: { zh: "信贷或金融服务", en: "credit or financial services" },
  housing: { zh: "住房", en: "housing" },
  education: { zh: "教育", en: "education" },
  insurance: { zh: "保险", en: "insurance" },
  "health-care": { zh: "医疗", en: "health care" },
  "government-services": { zh: "基本政府服务", en: "essential government services" },
  "legal-services": { zh: "法律服务", en: "legal services" },
};

/** The enterprise sizes in both languages. */
export const ENTERPRISE_SIZE_LABELS: Record<(typeof ENTERPRISE_SIZES)[number], Required<LocalizedText>> = {
  micro: { zh: "微型企业", en: "micro enterprise" },
  small: { zh: "小型企业", en: "small enterprise" },
  medium: { zh: "中型企业", en: "medium-sized enterprise" },
  "small-mid-cap": { zh: "小型中市值企业", en: "small mid-cap" },
  large: { zh: "大型企业", en: "large enterprise" },
};

/** China's kinds of algorithmic recommendation in both languages. */
export const ALGORITHM_TYPE_LABELS: Record<(typeof ALGORITHM_TYPES)[number], Required<LocalizedText>> = {
  "generation-synthesis": { zh: "生成合成", en: "generation or synthesis" },
  "personalised-push": { zh: "个性化推送", en: "personalised push" },
  "ranking-selection": { zh: "排序精选", en: "ranking and selection" },
  "search-filtering": { zh: "检索过滤", en: "search filtering" },
  "scheduling-decision": { zh: "调度决策", en: "scheduling and decisions" },
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

/** Korea's high-impact areas in both languages. */
export const KR_HIGH_IMPACT_AREA_LABELS: Record<
  (typeof KR_HIGH_IMPACT_AREAS)[number],
  Required<LocalizedText>
> = {
  energy: { zh: "能源供应", en: "energy supply" },
  "drinking-water": { zh: "饮用水生产和供应", en: "drinking water" },
  "health-care": { zh: "医疗服务", en: "health care" },
  "medical-devices": { zh: "医疗器械", en: "medical devices" },
  nuclear: { zh: "核设施和核材料", en: "nuclear facilities and materials" },
  "criminal-investigation-biometrics": {
    zh: "用于犯罪侦查或逮捕的生物识别信息分析",
    en: "biometric analysis for criminal investigation or arrest",
  },
  "rights-decisions": {
    zh: "对个人权利义务有重大影响的判断（招聘、贷款审查等）",
    en: "judgments with a major effect on people's rights and duties (hiring, loan review, …)",
  },
  transport: { zh: "交通工具和交通系统", en: "transport and traffic systems" },
  "public-decisions": {
    zh: "国家和地方机关影响国民的决定",
    en: "public authorities' decisions affecting people",
  },
  "student-evaluation": { zh: "中小学学生评价", en: "evaluation of school students" },
};
