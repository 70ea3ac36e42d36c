import { z } from "zod";
import { JurisdictionCode } from "./event.js";
import { HttpUrl, Verification } from "./instrument.js";
import { RequiredLocalizedText } from "./localizedText.js";

/**
 * Whom a duty addresses. The EU AI Act's operators (Art. 3(3)–(8)): provider, deployer, importer,
 * distributor, authorised representative, product manufacturer; a developer (the US state laws' word);
 * a platform that disseminates others' content; China's technical supporter of deep synthesis and app
 * stores (application distribution platforms).
 */
export const ROLES = [
  "provider",
  "deployer",
  "developer",
  "platform",
  "importer",
  "distributor",
  "authorised-representative",
  "product-manufacturer",
  "technical-supporter",
  "app-store",
] as const;
export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const MODALITIES = ["text", "image", "audio", "video", "virtual-scene"] as const;
export const Modality = z.enum(MODALITIES);

export const SECTORS = [
  "healthcare",
  "energy",
  "transport",
  "employment",
  "credit",
  "education",
  "biometrics",
  "public-services",
  "finance",
  "other",
] as const;
export const Sector = z.enum(SECTORS);

/**
 * The EU AI Act's Annex III high-risk uses (as amended by Regulation (EU) 2026/1744), by point: what the
 * system is intended to be used for. Asked in plain words; the point is in each label.
 */
export const EU_HIGH_RISK_USES = [
  "remote-biometric-identification",
  "biometric-categorisation",
  "emotion-recognition",
  "critical-infrastructure",
  "education-admission",
  "education-assessment",
  "education-level",
  "exam-proctoring",
  "recruitment",
  "work-management",
  "public-benefits",
  "creditworthiness",
  "life-health-insurance",
  "emergency-triage",
  "law-enforcement",
  "migration-border",
  "justice",
  "elections",
] as const;
export const EuHighRiskUse = z.enum(EU_HIGH_RISK_USES);

/**
 * The decisions the US state laws call consequential (Colorado, and the bills modelled on it): those
 * with a material effect on a person's access to, or the cost or terms of, each of these.
 */
export const CONSEQUENTIAL_DECISIONS = [
  "employment",
  "credit",
  "housing",
  "education",
  "insurance",
  "health-care",
  "government-services",
  "legal-services",
] as const;
export const ConsequentialDecision = z.enum(CONSEQUENTIAL_DECISIONS);

/** The size classes of enterprises the EU counts (Recommendation 2003/361/EC; small mid-caps, 2025/1099). */
export const ENTERPRISE_SIZES = ["micro", "small", "medium", "small-mid-cap", "large"] as const;
export const EnterpriseSize = z.enum(ENTERPRISE_SIZES);

/** The areas of Korea's high-impact AI (AI Basic Act Art. 2(4)), each as the Act lists it. */
export const KR_HIGH_IMPACT_AREAS = [
  "energy",
  "drinking-water",
  "health-care",
  "medical-devices",
  "nuclear",
  "criminal-investigation-biometrics",
  "rights-decisions",
  "transport",
  "public-decisions",
  "student-evaluation",
] as const;
export const KrHighImpactArea = z.enum(KR_HIGH_IMPACT_AREAS);

/** The kinds of algorithmic recommendation China's provisions of 2022 name (Art. 2). */
export const ALGORITHM_TYPES = [
  "generation-synthesis",
  "personalised-push",
  "ranking-selection",
  "search-filtering",
  "scheduling-decision",
] as const;
export const AlgorithmType = z.enum(ALGORITHM_TYPES);

/**
 * What a duty is about, so that the same duty can be lined up across jurisdictions: labeling generated
 * content, telling people they deal with an AI, frontier-model safety frameworks, incident reports,
 * training-data transparency, high-risk assessments, AI literacy, prohibited uses, registration and
 * filing, a local representative, and the other recurring kinds of duty.
 */
export const THEMES = [
  "labeling",
  "ai-disclosure",
  "frontier-safety",
  "incident-reporting",
  "training-data",
  "high-risk",
  "ai-literacy",
  "prohibited-use",
  "registration",
  "local-representative",
  "documentation",
  "human-oversight",
  "non-discrimination",
  "user-rights",
  "minors",
  "workers",
  "security",
  "copyright",
  "cooperation",
] as const;
export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;

/** Profile facts a condition can test; `totalComputeFlop` is training plus later fine-tuning compute. */
export const CONDITION_FIELDS = [
  "trainingFlop",
  "totalComputeFlop",
  "annualRevenueUsd",
  "annualRevenueKrw",
  "aiServiceRevenueKrw",
  "dailyUsersKr",
  "modalities",
  "generatesContent",
  "interactsWithPeople",
  "openWeights",
  "establishedIn",
  "sector",
  "placedOnMarket",
  "euHighRiskUses",
  "annexIProduct",
  "euNoSignificantRisk",
  "consequentialDecisions",
  "publicBody",
  "enterpriseSize",
  "monthlyUsers",
  "publicOpinionAttributes",
  "offeredToPublic",
  "algorithmTypes",
  "youngestUserAge",
  "significantRiskToRights",
  "krHighImpactAreas",
  "stateOfTheArt",
  "broadSevereRisk",
  "priorCorrectionOrderFine",
] as const;
export const ConditionField = z.enum(CONDITION_FIELDS);
export type ConditionField = z.infer<typeof ConditionField>;

/**
 * One test on the profile: a number against a threshold, a flag, membership in a list, or membership in
 * a bloc (`inGroup` / `notInGroup` with a group code of data/jurisdictionGroups.json, so that the EU's
 * members are listed once, there, and never copied into a condition).
 */
export const ConditionTest = z
  .object({
    field: ConditionField,
    op: z.enum(["gt", "gte", "lt", "lte", "eq", "in", "notIn", "includesAny", "inGroup", "notInGroup"]),
    value: z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]),
    /** For `monthlyUsers`: the market whose users the law counts (users in California, in China). */
    market: JurisdictionCode.optional(),
  })
  .strict()
  .refine((t) => !["inGroup", "notInGroup"].includes(t.op) || typeof t.value === "string", {
    message: "expected a group code such as EU for inGroup and notInGroup",
  })
  .refine((t) => (t.field === "monthlyUsers") === (t.market !== undefined), {
    message: "expected `market` with monthlyUsers (the users of which market the law counts), and only there",
  });
export type ConditionTest = z.infer<typeof ConditionTest>;

/** A condition: all of `all` must hold, or any of `any`; `reason` says why the duty does not apply when it fails. */
export const Condition = z
  .object({
    all: z.array(ConditionTest).optional(),
    any: z.array(ConditionTest).optional(),
    reason: RequiredLocalizedText,
    article: z.string().min(1),
  })
  .strict()
  .refine((c) => (c.all?.length ?? 0) + (c.any?.length ?? 0) > 0, {
    message: "expected `all` or `any` tests",
  });
export type Condition = z.infer<typeof Condition>;

/** Where the law says so: the article and the official URL, and how aigov checked it. */
export const Citation = z
  .object({
    article: z.string().min(1),
    url: HttpUrl,
    verification: Verification,
    verifiedFrom: z.array(HttpUrl).min(1),
  })
  .strict();
export type Citation = z.infer<typeof Citation>;

/**
 * A different date for some profiles, decided by its tests: a later `start` (the duty binds them only from
 * `from`), or a `deadline` (the duty binds them already, and `from` is the day by which they must comply,
 * as Art. 111(3) of the EU AI Act gives models placed on the market before 2 August 2025).
 */
export const Transition = z
  .object({
    kind: z.enum(["start", "deadline"]).default("start"),
    when: z.array(ConditionTest).min(1),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD"),
    label: RequiredLocalizedText,
    citation: Citation,
  })
  .strict();
export type Transition = z.infer<typeof Transition>;

/**
 * One duty of one instrument, as reviewable data: whom it binds, what it covers, where, under which
 * conditions, from when (with transitions), the penalty where stated, and the article that says so.
 */
/**
 * When this version of a duty was the law: from the day the text that made it entered into force (an
 * amendment) until the last day before the text that replaced or ended it did (a later amendment, a
 * repeal, a court's stay). A duty the Digital Omnibus moved is two records: the original until
 * 26 July 2026, the amended from 27 July 2026, so that a check on any day answers with that day's law.
 * `from` of the duty itself stays the day it applies.
 */
export const InLaw = z
  .object({
    from: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
      .nullable()
      .default(null),
    until: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD")
      .nullable()
      .default(null),
    /** The instrument (and its article) whose entry into force began or ended this version. */
    changedBy: z
      .object({ instrument: z.string().min(1), article: z.string().min(1) })
      .strict()
      .nullable()
      .default(null),
    note: RequiredLocalizedText.optional(),
  })
  .strict()
  .refine((v) => v.from === null || v.until === null || v.from <= v.until, {
    message: "expected until on or after from",
  });
export type InLaw = z.output<typeof InLaw>;

export const Obligation = z
  .object({
    id: z
      .string()
      .regex(
        /^[a-z0-9]+(?:[-.][a-z0-9]+)*(?:@\d{4}-\d{2}-\d{2})?$/,
        "expected a stable id such as eu-ai-act.art-53-1-a, or an amended version such as eu-ai-act.art-4@2026-07-27",
      ),
    instrument: z.string().min(1),
    jurisdiction: JurisdictionCode,
    /**
     * A duty to do something; a prohibition (not to); an endeavour (a duty to try, without a sanction);
     * cooperation with government measures (no compliance duty of its own).
     */
    nature: z.enum(["duty", "prohibition", "endeavour", "cooperation"]),
    /** What the duty is about, for comparing the same kind of duty across jurisdictions. */
    themes: z.array(Theme).default([]),
    /** When this version was the law (absent: since the instrument applies, and still). */
    inLaw: InLaw.optional(),
    title: RequiredLocalizedText,
    summary: RequiredLocalizedText,
    covers: z.array(z.string().min(1)).min(1),
    kinds: z.array(z.enum(["model", "service"])).min(1),
    roles: z.array(Role).min(1),
    scope: z.enum(["market", "established"]),
    conditions: z.array(Condition).default([]),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected YYYY-MM-DD"),
    transitions: z.array(Transition).default([]),
    penalty: RequiredLocalizedText.nullable().default(null),
    /**
     * Whom the penalty reaches, where its article names fewer addressees than the duty binds (SB 53's
     * civil penalty, § 22757.15, reaches large frontier developers only): each condition's `reason` says
     * why it does not reach a profile, and its `article` is the penalty's.
     */
    penaltyConditions: z.array(Condition).default([]),
    /**
     * Where the law makes a developer that places the model or system on the market under its own name
     * its provider (EU AI Act Art. 3(3)): the article, so that a developer is asked instead of told "no".
     */
    developerAsProvider: z
      .object({
        article: z.string().min(1),
        url: HttpUrl,
        /** How the rule that a developer is the provider was checked, like a citation's. */
        verification: Verification.default("unverified"),
        verifiedFrom: z.array(HttpUrl).default([]),
      })
      .strict()
      .optional(),
    citation: Citation,
    /** Unsettled law, pending secondary acts or amendments, assumptions aigov makes: said, not hidden. */
    notes: z.array(RequiredLocalizedText).default([]),
  })
  .strict();
export type Obligation = z.output<typeof Obligation>;

/** Whether this version of a duty was the law on a day (YYYY-MM-DD): within its `inLaw`, if it has one. */
export function inLawOn(obligation: Pick<Obligation, "inLaw">, day: string): boolean {
  const period = obligation.inLaw;
  if (!period) return true;
  return (period.from === null || period.from <= day) && (period.until === null || day <= period.until);
}
