import { z } from "zod";
import { JurisdictionCode } from "./event.js";
import { HttpUrl, Verification } from "./instrument.js";
import { RequiredLocalizedText } from "./localizedText.js";

export const ROLES = ["provider", "deployer", "developer", "platform"] as const;
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
  })
  .strict()
  .refine((t) => !["inGroup", "notInGroup"].includes(t.op) || typeof t.value === "string", {
    message: "expected a group code such as EU for inGroup and notInGroup",
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
export const Obligation = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, "expected a stable id such as eu-ai-act.art-53-1-a"),
    instrument: z.string().min(1),
    jurisdiction: JurisdictionCode,
    nature: z.enum(["duty", "cooperation"]),
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
