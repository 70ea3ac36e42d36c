import { z } from "zod";
import { JurisdictionCode } from "./event.js";
import {
  AlgorithmType,
  ConsequentialDecision,
  EnterpriseSize,
  EuHighRiskUse,
  KrHighImpactArea,
  Modality,
  Role,
  Sector,
} from "./obligation.js";
import { precisionOf } from "./partialDate.js";
import { parseQuantity } from "./quantity.js";

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/**
 * A market or establishment code the checker understands: an ISO 3166-1 country (checked against the
 * region names ICU knows), a subdivision it has rules for, or the EU. `AU` is Australia.
 */
export function isKnownMarket(code: string, subdivisions: ReadonlySet<string>): boolean {
  if (code === "EU") return true;
  if (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code)) return subdivisions.has(code);
  if (!/^[A-Z]{2}$/.test(code)) return false;
  // Codes ICU names that are no country: user-assigned (AA, QM–QZ, XA–XZ but Kosovo's XK, ZZ) and
  // groupings (EZ, UN).
  if (/^(AA|Q[M-Z]|X[A-JL-Z]|ZZ|EZ|UN)$/.test(code)) return false;
  try {
    const name = regionNames.of(code);
    return name !== undefined && name !== code;
  } catch {
    return false;
  }
}

const Day = z.string().refine((value) => value.length === 10 && precisionOf(value) === "day", {
  message: "expected a date written YYYY-MM-DD",
});
/**
 * A number as people write it (`3e25`, `3×10^25`, `3·10²⁵`, `1,000,000`) or as JSON; text that is not a
 * number stays text, so that the schema's message names the field instead of a guess being made.
 */
const writtenNumber = (schema: z.ZodNumber) =>
  z.preprocess((value) => (typeof value === "string" ? (parseQuantity(value) ?? value) : value), schema);

const Flop = writtenNumber(
  z
    .number({ error: "expected a number of operations, such as 3e25 or 3×10^25" })
    .finite("expected a finite number")
    .nonnegative("expected zero or more operations"),
);
const Amount = (unit: string) =>
  writtenNumber(
    z
      .number({ error: `expected an amount in ${unit}, such as 2e9 or 2,000,000,000` })
      .finite("expected a finite number")
      .nonnegative(`expected zero or more ${unit}`),
  );
const Count = writtenNumber(
  z
    .number({ error: "expected a number of users, such as 1,000,000" })
    .finite("expected a finite number")
    .nonnegative("expected zero or more users"),
);

/**
 * What a model or a service is, for `aigov check` and `POST /api/check`. Unknown fields are errors
 * (a misspelt field must not be ignored silently); every field but `kind` may be left out, and the
 * answer then says which duties its absence leaves open.
 */
export const CheckProfile = z
  .object({
    kind: z
      .enum(["model", "service"])
      .describe(
        "A model (general-purpose or frontier AI model) or a service (an AI system offered to users).",
      ),
    name: z.string().max(200).optional().describe("A label for your own use; not checked."),
    role: Role.optional().describe(
      "provider (places it on the market or puts it into service under its own name or trademark), deployer (uses it in its own service or activity), developer (trained or built it; whether it also places it on the market is asked by underOwnName), platform (disseminates content that others generate).",
    ),
    underOwnName: z
      .boolean()
      .optional()
      .describe(
        "For a developer: whether it places the model or system on the market, or puts it into service, under its own name or trademark (which makes it the provider under EU AI Act Art. 3(3)).",
      ),
    trainingFlop: Flop.optional().describe(
      "Cumulative compute of training in floating-point operations, e.g. 3e25.",
    ),
    fineTuningFlop: Flop.optional().describe(
      "Compute of later fine-tuning, reinforcement learning or other material modification (SB 53 adds it to training compute).",
    ),
    modalities: z
      .array(Modality)
      .optional()
      .describe("What it generates: text, image, audio, video, virtual-scene."),
    generatesContent: z
      .boolean()
      .optional()
      .describe("Whether it generates or manipulates content (generative AI)."),
    interactsWithPeople: z
      .boolean()
      .optional()
      .describe("Whether it interacts directly with natural persons (a chatbot, an assistant)."),
    openWeights: z
      .boolean()
      .optional()
      .describe(
        "Released under a free and open-source licence with weights, architecture and usage information public (EU AI Act Art. 53(2)).",
      ),
    markets: z
      .array(JurisdictionCode)
      .max(300)
      .optional()
      .describe(
        "Where it is placed on the market or offered: ISO 3166-1 codes (AU is Australia), US-CA for California, EU for the whole Union.",
      ),
    establishedIn: JurisdictionCode.optional().describe(
      "Where the provider is established (ISO 3166-1 code, or EU).",
    ),
    annualRevenueUsd: Amount("US dollars")
      .optional()
      .describe("Annual gross revenue with affiliates in the preceding calendar year, in US dollars."),
    annualRevenueKrw: Amount("won")
      .optional()
      .describe(
        "Total revenue in the preceding year, in Korean won (Korea's domestic-agent threshold; the law states it in won, so aigov does not convert).",
      ),
    aiServiceRevenueKrw: Amount("won")
      .optional()
      .describe(
        "Revenue from AI services in the preceding year, in Korean won (Korea's domestic-agent threshold).",
      ),
    dailyUsersKr: Count.optional().describe(
      "Average number of daily users in Korea over the last three months of the preceding year (Korea's domestic-agent threshold).",
    ),
    placedOnMarket: Day.optional().describe(
      "The day it was first placed on the market or put into operation, YYYY-MM-DD.",
    ),
    sector: Sector.optional().describe(
      "The area it is used in (decides Korea's high-impact AI and Vietnam's longer transition).",
    ),
    euHighRiskUses: z
      .array(EuHighRiskUse)
      .max(EuHighRiskUse.options.length)
      .optional()
      .describe(
        "What it is intended to be used for among the EU AI Act's Annex III high-risk uses (an empty list: none of them).",
      ),
    annexIProduct: z
      .boolean()
      .optional()
      .describe(
        "Whether it is a product, or the safety component of a product, that EU legislation listed in Annex I of the AI Act (machinery, toys, medical devices, …) requires a third party to assess before it is placed on the market.",
      ),
    euNoSignificantRisk: z
      .boolean()
      .optional()
      .describe(
        "For an Annex III use: whether the provider has assessed and documented under Art. 6(3) that it poses no significant risk (a narrow procedural or preparatory task, …) and it does not profile people.",
      ),
    consequentialDecisions: z
      .array(ConsequentialDecision)
      .max(ConsequentialDecision.options.length)
      .optional()
      .describe(
        "Decisions it makes, or is a substantial factor in making, about people's access to or the terms of: employment, credit, housing, education, insurance, health care, government services, legal services (an empty list: none).",
      ),
    publicBody: z
      .boolean()
      .optional()
      .describe(
        "For a deployer: whether it is a public body, or a private one providing public services (EU AI Act Art. 27).",
      ),
    enterpriseSize: EnterpriseSize.optional().describe(
      "The size of the enterprise: micro, small, medium, small-mid-cap or large (EU SME definitions; lower fines for SMEs).",
    ),
    monthlyUsers: z
      .record(JurisdictionCode, Count)
      .optional()
      .describe(
        'Monthly active users (or visitors) by market, where a law counts them: e.g. { "US-CA": 1200000, "CN": 80000 }.',
      ),
    publicOpinionAttributes: z
      .boolean()
      .optional()
      .describe(
        "Whether it has public-opinion attributes or social-mobilisation capacity (China: forums, posts, comments, live streaming, public accounts, sharing that reaches many people).",
      ),
    offeredToPublic: z
      .boolean()
      .optional()
      .describe(
        "Whether it is offered to the public (not only used inside an organisation or for research and development).",
      ),
    algorithmTypes: z
      .array(AlgorithmType)
      .max(AlgorithmType.options.length)
      .optional()
      .describe(
        "The algorithmic recommendation it uses to give users information: generation-synthesis, personalised-push, ranking-selection, search-filtering, scheduling-decision (China, 2022 provisions).",
      ),
    youngestUserAge: z
      .number({ error: "expected an age in years, such as 13" })
      .int("expected a whole number of years")
      .min(0, "expected an age of 0 or more")
      .max(130, "expected an age of at most 130")
      .optional()
      .describe("The youngest age of people allowed to use it (0 when children of any age may)."),
    significantRiskToRights: z
      .boolean()
      .optional()
      .describe(
        "Whether it can significantly affect, or put at risk, people's life, physical safety or fundamental rights (Korea's high-impact AI, second limb).",
      ),
    krHighImpactAreas: z
      .array(KrHighImpactArea)
      .max(KrHighImpactArea.options.length)
      .optional()
      .describe(
        "The areas of Korea's AI Basic Act Art. 2(4) it is used in: energy, drinking-water, health-care, medical-devices, nuclear, criminal-investigation-biometrics, rights-decisions (hiring, loans, …), transport, public-decisions, student-evaluation (an empty list: none).",
      ),
    stateOfTheArt: z
      .boolean()
      .optional()
      .describe(
        "Whether it is built and run with state-of-the-art technology (Korea, Enforcement Decree Art. 24).",
      ),
    broadSevereRisk: z
      .boolean()
      .optional()
      .describe(
        "Whether its risks can broadly and seriously affect life, physical safety and fundamental rights (Korea, Enforcement Decree Art. 24).",
      ),
    priorCorrectionOrderFine: z
      .boolean()
      .optional()
      .describe(
        "Whether the operator has been fined before for not following a correction order under Korea's AI Basic Act (a trigger for a domestic agent).",
      ),
  })
  .strict();
export type CheckProfile = z.infer<typeof CheckProfile>;

/** The date a check is made for: YYYY-MM-DD. */
export const CheckDate = Day;

/** One problem with a profile: the field (dotted path) and what was expected. */
export interface ProfileIssue {
  field: string;
  message: string;
}

/**
 * Validates a profile and its market codes; returns the profile or every issue, each naming its field.
 * Unknown fields are named by zod's strict mode ("unrecognized key").
 */
export function parseCheckProfile(
  input: unknown,
  subdivisions: ReadonlySet<string>,
): { profile: CheckProfile } | { issues: ProfileIssue[] } {
  const parsed = CheckProfile.safeParse(input);
  if (!parsed.success) {
    const issues: ProfileIssue[] = [];
    for (const issue of parsed.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys)
          issues.push({ field: [...issue.path, key].join("."), message: "unknown field" });
      } else issues.push({ field: issue.path.map(String).join(".") || "(profile)", message: issue.message });
    }
    return { issues };
  }
  const issues: ProfileIssue[] = [];
  parsed.data.markets?.forEach((code, index) => {
    if (!isKnownMarket(code, subdivisions))
      issues.push({ field: `markets.${index}`, message: `unknown market code "${code}"` });
  });
  const established = parsed.data.establishedIn;
  if (established && !isKnownMarket(established, subdivisions))
    issues.push({ field: "establishedIn", message: `unknown code "${established}"` });
  return issues.length ? { issues } : { profile: parsed.data };
}
