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

/** One test on the profile: a number against a threshold, a flag, or membership in a list. */
export const ConditionTest = z
  .object({
    field: ConditionField,
    op: z.enum(["gt", "gte", "lt", "lte", "eq", "in", "notIn", "includesAny"]),
    value: z.union([z.number(), z.boolean(), z.string(), z.array(z.string())]),
  })
  .strict();
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

/** A later start for some profiles (e.g. models already on the market), decided by one condition. */
export const Transition = z
  .object({
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
    citation: Citation,
    /** Unsettled law, pending secondary acts or amendments, assumptions aigov makes: said, not hidden. */
    notes: z.array(RequiredLocalizedText).default([]),
  })
  .strict();
export type Obligation = z.output<typeof Obligation>;
