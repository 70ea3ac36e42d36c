import { z } from "zod";
import { JurisdictionCode } from "./event.js";
import { Modality, Role, Sector } from "./obligation.js";
import { precisionOf } from "./partialDate.js";

/** The member states of the European Union (ISO 3166-1), so that a market "DE" is in the EU market. */
export const EU_MEMBER_STATES = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
] as const;

const regionNames = new Intl.DisplayNames(["en"], { type: "region" });

/**
 * A market or establishment code the checker understands: an ISO 3166-1 country (checked against the
 * region names ICU knows), a subdivision it has rules for, or the EU. `AU` is Australia.
 */
export function isKnownMarket(code: string, subdivisions: ReadonlySet<string>): boolean {
  if (code === "EU") return true;
  if (/^[A-Z]{2}-[A-Z0-9]{1,3}$/.test(code)) return subdivisions.has(code);
  if (!/^[A-Z]{2}$/.test(code)) return false;
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
const Flop = z
  .number({ error: "expected a number of operations, such as 3e25" })
  .finite("expected a finite number")
  .nonnegative("expected zero or more operations");

/**
 * What a model or a service is, for `aigov check` and `POST /api/check`. Unknown fields are errors
 * (a misspelt field must not be ignored silently); every field but `kind` may be left out, and the
 * answer then says which duties its absence leaves open.
 */
export const CheckProfile = z
  .object({
    kind: z.enum(["model", "service"]),
    name: z.string().max(200).optional(),
    role: Role.optional(),
    trainingFlop: Flop.optional(),
    fineTuningFlop: Flop.optional(),
    modalities: z.array(Modality).optional(),
    generatesContent: z.boolean().optional(),
    interactsWithPeople: z.boolean().optional(),
    openWeights: z.boolean().optional(),
    markets: z.array(JurisdictionCode).max(300).optional(),
    establishedIn: JurisdictionCode.optional(),
    annualRevenueUsd: z.number().finite().nonnegative("expected zero or more US dollars").optional(),
    placedOnMarket: Day.optional(),
    sector: Sector.optional(),
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
