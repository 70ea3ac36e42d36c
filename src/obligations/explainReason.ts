import type { CheckProfile } from "../domain/checkProfile.js";
import type { LocalizedText } from "../domain/localizedText.js";
import type { Condition, ConditionTest } from "../domain/obligation.js";
import { formatGrouped, formatPower } from "../domain/quantity.js";

/** How a number of one profile field is written: compute as powers of ten, money with its currency. */
function written(field: ConditionTest["field"], value: number | string): string {
  if (typeof value === "string") return value;
  if (field === "trainingFlop" || field === "totalComputeFlop") return formatPower(value);
  if (field === "annualRevenueUsd") return `USD ${formatGrouped(value)}`;
  if (field === "annualRevenueKrw" || field === "aiServiceRevenueKrw") return `KRW ${formatGrouped(value)}`;
  return formatGrouped(value);
}

function actualOf(profile: CheckProfile, test: ConditionTest): number | string | undefined {
  const field = test.field;
  if (field === "totalComputeFlop")
    return profile.trainingFlop === undefined
      ? undefined
      : profile.trainingFlop + (profile.fineTuningFlop ?? 0);
  const value = field === "monthlyUsers" ? profile.monthlyUsers?.[test.market ?? ""] : profile[field];
  return typeof value === "number" || typeof value === "string" ? value : undefined;
}

/**
 * The comparison that failed, in words: "3×10^25 is not above 10^26". Only for a condition of one
 * threshold test, where the numbers alone say why; otherwise undefined and the data's reason speaks.
 */
export function failedComparison(profile: CheckProfile, condition: Condition): LocalizedText | undefined {
  const tests = [...(condition.all ?? []), ...(condition.any ?? [])];
  if (tests.length !== 1) return undefined;
  const test = tests[0] as ConditionTest;
  const actual = actualOf(profile, test);
  if (actual === undefined || typeof test.value === "boolean" || Array.isArray(test.value)) return undefined;
  const a = written(test.field, actual);
  const v = written(test.field, test.value);
  const isDate = typeof actual === "string";
  switch (test.op) {
    case "gt":
      return { zh: `${a} 未超过 ${v}`, en: `${a} is not above ${v}` };
    case "gte":
      return { zh: `${a} 低于 ${v}`, en: `${a} is below ${v}` };
    case "lt":
      return isDate
        ? { zh: `${a} 不早于 ${v}`, en: `${a} is not before ${v}` }
        : { zh: `${a} 不低于 ${v}`, en: `${a} is not below ${v}` };
    case "lte":
      return isDate
        ? { zh: `${a} 晚于 ${v}`, en: `${a} is after ${v}` }
        : { zh: `${a} 高于 ${v}`, en: `${a} is above ${v}` };
    default:
      return undefined;
  }
}

/** Why a duty does not apply: the data's reason, and the failed comparison beside it where there is one. */
export function notApplicableReason(profile: CheckProfile, condition: Condition): LocalizedText {
  const comparison = failedComparison(profile, condition);
  if (!comparison) return condition.reason;
  const join = (reason: string | undefined, numbers: string | undefined, open: string, close: string) =>
    reason === undefined ? undefined : `${reason}${open}${numbers}${close}`;
  const zh = join(condition.reason.zh, comparison.zh, "（", "）");
  const en = join(condition.reason.en, comparison.en, " (", ")");
  return { ...(zh ? { zh } : {}), ...(en ? { en } : {}) };
}
