import type { CheckProfile } from "../domain/checkProfile.js";
import type { JurisdictionGroup } from "../domain/jurisdictionGroup.js";
import type { Condition, ConditionTest } from "../domain/obligation.js";

/**
 * Bloc membership as the checker needs it: whether a code is a group or one of its members. Built from
 * data/jurisdictionGroups.json, the one list of the EU's member states (no copy in code or conditions).
 */
export interface Memberships {
  /** True when `code` is the group itself or one of its members ("HU" in "EU"). */
  within(code: string, group: string): boolean;
}

/** Memberships over the bundled groups (or any list of them, for tests). */
export function membershipsOf(groups: JurisdictionGroup[]): Memberships {
  const members = new Map(groups.map((g) => [g.code, new Set(g.members ?? [])]));
  return {
    within: (code, group) => code === group || (members.get(group)?.has(code) ?? false),
  };
}

/**
 * A three-valued answer: true, false, or open because profile fields are missing (listed). An open
 * answer is never turned into a yes or a no: the checker reports the fields that would decide it.
 */
export interface Answer {
  value: boolean | undefined;
  missing: string[];
}

export const YES: Answer = { value: true, missing: [] };
export const NO: Answer = { value: false, missing: [] };
const open = (...fields: string[]): Answer => ({ value: undefined, missing: fields });

/** Every one must hold: one no decides; otherwise any open leaves it open. */
export function allOf(answers: Answer[]): Answer {
  if (answers.some((a) => a.value === false)) return NO;
  const missing = answers.flatMap((a) => a.missing);
  return missing.length || answers.some((a) => a.value === undefined) ? { value: undefined, missing } : YES;
}

/** One must hold: one yes decides; otherwise any open leaves it open. */
export function anyOf(answers: Answer[]): Answer {
  if (answers.some((a) => a.value === true)) return YES;
  const missing = answers.flatMap((a) => a.missing);
  return answers.some((a) => a.value === undefined) ? { value: undefined, missing } : NO;
}

function compare(actual: number | string, op: ConditionTest["op"], expected: unknown): boolean {
  switch (op) {
    case "gt":
      return actual > (expected as number | string);
    case "gte":
      return actual >= (expected as number | string);
    case "lt":
      return actual < (expected as number | string);
    case "lte":
      return actual <= (expected as number | string);
    default:
      return false;
  }
}

/**
 * Training plus later compute (SB 53 counts fine-tuning, reinforcement learning and other material
 * modifications, Bus. & Prof. Code § 22757.11). Without `fineTuningFlop` the answer is still decided
 * when the training run alone passes the threshold, and open otherwise.
 */
function testTotalCompute(profile: CheckProfile, test: ConditionTest): Answer {
  if (profile.trainingFlop === undefined) return open("trainingFlop");
  if (profile.fineTuningFlop !== undefined)
    return compare(profile.trainingFlop + profile.fineTuningFlop, test.op, test.value) ? YES : NO;
  const trainingAlone = compare(profile.trainingFlop, test.op, test.value);
  if (test.op === "gt" || test.op === "gte") return trainingAlone ? YES : open("fineTuningFlop");
  return trainingAlone ? open("fineTuningFlop") : NO;
}

/** One test on the profile; `inGroup` and `notInGroup` read bloc membership from `memberships`. */
export function testProfile(profile: CheckProfile, test: ConditionTest, memberships: Memberships): Answer {
  if (test.field === "totalComputeFlop") return testTotalCompute(profile, test);
  // Users are counted in the market the law names: a count for another market decides nothing.
  const actual =
    test.field === "monthlyUsers" ? profile.monthlyUsers?.[test.market ?? ""] : profile[test.field];
  if (actual === undefined) return open(test.field);
  const list = Array.isArray(test.value) ? test.value : [String(test.value)];
  switch (test.op) {
    case "eq":
      return actual === test.value ? YES : NO;
    case "in":
      return list.includes(String(actual)) ? YES : NO;
    case "notIn":
      return list.includes(String(actual)) ? NO : YES;
    case "inGroup":
      return memberships.within(String(actual), String(test.value)) ? YES : NO;
    case "notInGroup":
      return memberships.within(String(actual), String(test.value)) ? NO : YES;
    case "includesAny":
      return Array.isArray(actual) && actual.some((v) => list.includes(v)) ? YES : NO;
    default:
      return typeof actual === "number" || typeof actual === "string"
        ? compare(actual, test.op, test.value)
          ? YES
          : NO
        : NO;
  }
}

/** A condition of an obligation: its `all` tests and its `any` tests together. */
export function testCondition(profile: CheckProfile, condition: Condition, memberships: Memberships): Answer {
  const parts: Answer[] = [];
  const test = (t: ConditionTest) => testProfile(profile, t, memberships);
  if (condition.all?.length) parts.push(allOf(condition.all.map(test)));
  if (condition.any?.length) parts.push(anyOf(condition.any.map(test)));
  return allOf(parts);
}

/**
 * Whether a profile's markets include a jurisdiction: a bloc (the EU) by itself or any member state, and a
 * member state when the whole bloc is a market; a
 * country by itself or one of its subdivisions; a subdivision by itself — and open when only its country
 * is listed (selling in the US does not say whether the model is offered in California).
 */
export function inMarket(
  markets: string[] | undefined,
  jurisdiction: string,
  memberships: Memberships,
): Answer {
  if (markets === undefined) return open("markets");
  if (markets.some((m) => memberships.within(m, jurisdiction))) return YES;
  // The whole bloc as a market (EU) reaches each member's own law (Italy's).
  if (markets.some((m) => m !== jurisdiction && memberships.within(jurisdiction, m))) return YES;
  if (!jurisdiction.includes("-")) return markets.some((m) => m.startsWith(`${jurisdiction}-`)) ? YES : NO;
  const country = jurisdiction.split("-")[0] as string;
  return markets.includes(country) ? open("markets") : NO;
}
